package se.samla.entra;

import java.util.List;

/**
 * Access tokens of Samla's app registrations, by the OAuth 2.0 client-credentials flow (a
 * client secret, or a client assertion signed with the registration's certificate). A
 * token is kept until shortly before it expires, per registration and scope, so that
 * thirteen tenants each fetch their own without waiting for each other.
 */
public interface AccessTokens {

	/** Scope of the Bot Connector. */
	String BOT_CONNECTOR = "https://api.botframework.com/.default";

	/** Scope of Microsoft Graph. */
	String GRAPH = "https://graph.microsoft.com/.default";

	/** Scope of Exchange Online (IMAP.AccessAsApp, SMTP.SendAsApp). */
	String EXCHANGE_ONLINE = "https://outlook.office365.com/.default";

	/**
	 * A token of the registration for the scope, from the cache while it is valid.
	 * @throws TokenRefusedException when Entra refuses or cannot be reached, with the
	 * reason
	 */
	String token(Registration registration, String scope);

	/**
	 * The resource refused the token last handed out (a 401, an authentication failure):
	 * it is forgotten, so the next {@link #token} asks Entra again.
	 */
	void rejected(Registration registration, String scope);

	/** The registrations whose latest token request failed, with Entra's reasons. */
	List<TokenProblem> problems();

}
