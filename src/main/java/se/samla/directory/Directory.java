package se.samla.directory;

import java.util.List;
import java.util.Optional;

/**
 * Looks up organisations, people and plan activities. Lists of people hold active people
 * only; single look-ups return inactive people too, so that their earlier answers can
 * still be attributed.
 */
public interface Directory {

	Optional<Person> person(PersonId id);

	/** The person with this e-mail address, compared case-insensitively. */
	Optional<Person> personByEmail(String email);

	/**
	 * The person with this Entra ID object id (a Teams user), compared
	 * case-insensitively.
	 */
	Optional<Person> personByEntraId(String entraObjectId);

	/** All active people, sorted by organisation name, then by name. */
	List<Person> people();

	/** The active members of a network, sorted as {@link #people()}. */
	List<Person> members(Network network);

	/** The active people of one organisation, sorted by name. */
	List<Person> inOrganisation(OrganisationId organisation);

	/** All organisations, sorted by name (Swedish order). */
	List<Organisation> organisations();

	Optional<Organisation> organisation(OrganisationId id);

	/** All plan activities, sorted by id (A2 before A10). */
	List<PlanActivity> activities();

	Optional<PlanActivity> activity(ActivityId id);

	/**
	 * The activities the person is one of the owners of, sorted as {@link #activities()}.
	 */
	List<PlanActivity> activitiesOwnedBy(PersonId person);

}
