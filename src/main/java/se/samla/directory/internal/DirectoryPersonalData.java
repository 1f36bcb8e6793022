package se.samla.directory.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.directory.Directory;
import se.samla.directory.Organisation;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.PersonalDataHolder;

/**
 * The directory entry of a person. Erasure pseudonymises the row rather than deleting it:
 * responses, outbox rows and plan activities refer to it, and the organisation it names
 * is what keeps the person's submitted response counted in the organisation's rate.
 */
@Component
@Order(0)
class DirectoryPersonalData implements PersonalDataHolder {

	/** The name an erased person is shown with. */
	static final String ERASED_NAME = "Raderad person";

	private final Directory directory;

	private final JdbcClient jdbc;

	DirectoryPersonalData(Directory directory, JdbcClient jdbc) {
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "directory";
	}

	@Override
	public Object export(DataSubject subject) {
		Optional<Person> found = this.directory.person(new PersonId(subject.id()));
		if (found.isEmpty()) {
			return Map.of();
		}
		Person person = found.get();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", person.id().value().toString());
		entry.put("name", person.name());
		entry.put("email", person.email());
		entry.put("role", person.role());
		entry.put("organisation", Map.of("id", person.organisation().value(), "name",
				this.directory.organisation(person.organisation()).map(Organisation::name).orElse("")));
		entry.put("networks", person.networks().stream().map(Enum::name).sorted().toList());
		entry.put("entraObjectId", (person.teams() != null) ? person.teams().entraObjectId() : null);
		entry.put("tenantId", (person.teams() != null) ? person.teams().tenantId() : null);
		entry.put("preferredChannel", person.preferredChannel().name());
		entry.put("language", person.language().name());
		entry.put("active", person.active());
		List<Map<String, String>> activities = this.directory.activitiesOwnedBy(person.id())
			.stream()
			.map(activity -> Map.of("id", activity.id().value(), "title", activity.title()))
			.toList();
		entry.put("activitiesOwned", activities);
		return entry;
	}

	/**
	 * The address becomes a unique placeholder under {@code .invalid}, a top-level domain
	 * that never routes (RFC 2606), so no message can reach anyone by it.
	 */
	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int updated = this.jdbc.sql("""
				UPDATE person SET name = ?, email = ?, role = NULL, entra_object_id = NULL, tenant_id = NULL,
				    preferred_channel = 'EMAIL', active = FALSE, version = version + 1
				WHERE id = ?
				""").params(ERASED_NAME, "raderad-" + subject.id() + "@raderad.invalid", subject.id()).update();
		return Map.of("directoryEntriesPseudonymised", updated);
	}

}
