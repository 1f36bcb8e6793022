package se.samla.shared;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A module that keeps personal data (GDPR): it can show everything it holds on a person
 * (article 15), remove or pseudonymise it (article 17), and drop what is past its
 * retention. Each module implements it for its own tables, so the operator surface
 * reaches every table without knowing any of them.
 */
public interface PersonalDataHolder {

	/** The name of this module's section in an export, e.g. {@code "responses"}. */
	String section();

	/**
	 * Everything this module holds on the person, as plain data (records, lists, maps)
	 * that serialises to JSON.
	 */
	Object export(DataSubject subject);

	/**
	 * Removes or pseudonymises the person's data.
	 * @return how many records of each kind were removed or changed, without any personal
	 * data
	 */
	Map<String, Integer> erase(DataSubject subject);

	/**
	 * Removes what is past this module's retention period at {@code now}.
	 * @return how many records of each kind were removed or changed
	 */
	default Map<String, Integer> removeExpired(Instant now) {
		return Map.of();
	}

	/**
	 * The person whose data is asked for, as the directory knew them before any erasure.
	 *
	 * @param id the person's id
	 * @param email their e-mail address (lower-case)
	 * @param name their name
	 * @param entraObjectId their Entra object id (Teams), or {@code null}
	 */
	record DataSubject(UUID id, String email, String name, String entraObjectId) {
	}

}
