package se.samla.directory;

/**
 * Finds people's Teams identities in Microsoft Graph, so that nobody has to type GUIDs:
 * each active person without one is looked up by e-mail address in the tenant of their
 * organisation's Entra registration. An identity typed into people.csv is never looked up
 * nor replaced. Whoever is not found stays on e-mail.
 */
public interface TeamsIdentities {

	/**
	 * Looks up every active person without a Teams identity, and stores what is found.
	 * Without any Entra registration nothing is looked up.
	 */
	IdentityReport resolve();

}
