package se.samla.directory.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.samla.directory.ImportReport;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.directory.TeamsIdentity;
import se.samla.directory.internal.CsvSheet.Row;
import se.samla.shared.Language;

/**
 * Imports {@code Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id}
 * (and an optional {@code Aktiv}). People are matched by e-mail, so a re-import updates
 * them and keeps their ids; people missing from the file are left as they are. Entra-id
 * and Tenant-id, when given, override what Microsoft Graph finds; left empty, an identity
 * Graph found before is kept.
 */
class PersonImport {

	static final Column NAME = Column.required("Namn", "name", "namn på person");

	static final Column EMAIL = Column.required("E-post", "epostadress", "email", "e-mail", "mejl", "mail");

	static final Column ORGANISATION = Column.required("Organisation", "org", "kommun", "organisation-id");

	static final Column ROLE = Column.optional("Roll", "role", "titel", "befattning");

	static final Column NETWORKS = Column.optional("Nätverk", "networks", "network");

	static final Column CHANNEL = Column.optional("Kanal", "channel", "föredragen kanal");

	static final Column LANGUAGE = Column.optional("Språk", "language");

	static final Column ENTRA_ID = Column.optional("Entra-id", "entra-object-id", "object-id", "aad-object-id");

	static final Column TENANT_ID = Column.optional("Tenant-id", "tenant", "klient-id");

	static final Column ACTIVE = Column.optional("Aktiv", "active");

	private static final List<Column> COLUMNS = List.of(NAME, EMAIL, ORGANISATION, ROLE, NETWORKS, CHANNEL, LANGUAGE,
			ENTRA_ID, TENANT_ID, ACTIVE);

	private final StoredPeople people;

	private final StoredOrganisations organisations;

	PersonImport(StoredPeople people, StoredOrganisations organisations) {
		this.people = people;
		this.organisations = organisations;
	}

	ImportReport run(String source, InputStream csv, boolean dryRun) {
		CsvSheet sheet = CsvSheet.read(csv, COLUMNS);
		ImportPlan<StoredPerson> plan = new ImportPlan<>(sheet.problems());
		Map<String, OrganisationId> organisationsByKey = new HashMap<>();
		this.organisations.findAll().forEach(organisation -> {
			OrganisationId id = new OrganisationId(organisation.id());
			organisationsByKey.put(Keys.slug(organisation.name()), id);
			organisationsByKey.put(organisation.id(), id);
		});
		List<StoredPerson> everyone = this.people.findAll();
		Map<String, StoredPerson> byEmail = everyone.stream()
			.collect(Collectors.toMap(StoredPerson::email, Function.identity()));
		Map<String, StoredPerson> byEntraId = everyone.stream()
			.filter(person -> person.entraObjectId() != null)
			.collect(Collectors.toMap(StoredPerson::entraObjectId, Function.identity()));
		Map<String, Integer> emailLines = new HashMap<>();
		Map<String, Integer> entraLines = new HashMap<>();

		for (Row row : sheet.rows()) {
			List<String> problems = new ArrayList<>();
			String name = row.get(NAME);
			if (name.isEmpty()) {
				problems.add("missing name");
			}
			String email = emailOf(row, problems);
			if (email != null) {
				Integer first = emailLines.putIfAbsent(email, row.line());
				if (first != null) {
					problems.add("e-mail address '" + email + "' appears more than once (first on line " + first + ")");
				}
			}
			OrganisationId organisation = organisationOf(row, organisationsByKey, problems);
			Set<Network> networks = networksOf(row, problems);
			StoredPerson stored = (email != null) ? byEmail.get(email) : null;
			TeamsIdentity teams = teamsOf(row, problems);
			String teamsSource = (teams != null) ? StoredPerson.CSV : null;
			if (teams == null && row.get(ENTRA_ID).isEmpty() && row.get(TENANT_ID).isEmpty() && stored != null
					&& stored.graphIdentity() != null) {
				// found in Graph before: empty columns do not mean "forget it"
				teams = stored.graphIdentity();
				teamsSource = StoredPerson.GRAPH;
			}
			else if (teams != null) {
				Integer first = entraLines.putIfAbsent(teams.entraObjectId(), row.line());
				if (first != null) {
					problems.add("Entra id '" + teams.entraObjectId() + "' appears more than once (first on line "
							+ first + ")");
				}
				StoredPerson holder = byEntraId.get(teams.entraObjectId());
				if (holder != null && !holder.email().equals(email)) {
					problems.add("Entra id '" + teams.entraObjectId() + "' already belongs to another person");
				}
			}
			PreferredChannel channel = row.get(CHANNEL).isEmpty()
					? ((teams != null) ? PreferredChannel.TEAMS : PreferredChannel.EMAIL)
					: ImportPlan.attempt(problems, () -> PreferredChannel.parse(row.get(CHANNEL)));
			Language language = languageOf(row, problems);
			Boolean active = ImportPlan.attempt(problems, () -> parseYesNo(row.get(ACTIVE)));
			if (!problems.isEmpty()) {
				plan.reject(row.line(), problems);
				continue;
			}
			PersonId id = (stored != null) ? new PersonId(stored.id()) : PersonId.random();
			TeamsIdentity identity = teams;
			Person person = ImportPlan.attempt(problems, () -> new Person(id, name, email, row.get(ROLE), organisation,
					networks, identity, channel, language, active));
			boolean channelGiven = !row.get(CHANNEL).isEmpty();
			if (person == null) {
				plan.reject(row.line(), problems);
			}
			else if (stored == null) {
				plan.create(StoredPerson.of(person, teamsSource, channelGiven));
			}
			else if (stored.toPerson().equals(person) && Objects.equals(stored.teamsSource(), teamsSource)
					&& stored.channelGiven() == channelGiven) {
				plan.unchanged();
			}
			else {
				plan.update(stored.with(person, teamsSource, channelGiven));
			}
		}
		return plan.complete(source, dryRun, this.people::saveAll);
	}

	private static String emailOf(Row row, List<String> problems) {
		String typed = row.get(EMAIL);
		if (typed.isEmpty()) {
			problems.add("missing e-mail address");
			return null;
		}
		return ImportPlan.attempt(problems, () -> EmailAddresses.normalise(typed));
	}

	private static OrganisationId organisationOf(Row row, Map<String, OrganisationId> organisations,
			List<String> problems) {
		String typed = row.get(ORGANISATION);
		if (typed.isEmpty()) {
			problems.add("missing organisation");
			return null;
		}
		Optional<OrganisationId> found = Optional.ofNullable(organisations.get(Keys.slug(typed)))
			.or(() -> Optional.ofNullable(organisations.get(typed.toLowerCase(Locale.ROOT))));
		if (found.isEmpty()) {
			problems.add("unknown organisation '" + typed + "' (import it in organisations.csv first)");
		}
		return found.orElse(null);
	}

	private static Set<Network> networksOf(Row row, List<String> problems) {
		Set<Network> networks = EnumSet.noneOf(Network.class);
		for (String typed : row.get(NETWORKS).split("[,;\\n]")) {
			if (!typed.isBlank()) {
				Network network = ImportPlan.attempt(problems, () -> Network.parse(typed.strip()));
				if (network != null) {
					networks.add(network);
				}
			}
		}
		return networks;
	}

	private static TeamsIdentity teamsOf(Row row, List<String> problems) {
		String entraId = row.get(ENTRA_ID);
		String tenantId = row.get(TENANT_ID);
		if (entraId.isEmpty() && tenantId.isEmpty()) {
			return null;
		}
		if (entraId.isEmpty() || tenantId.isEmpty()) {
			problems.add("Entra id and tenant id must be given together");
			return null;
		}
		return ImportPlan.attempt(problems, () -> new TeamsIdentity(entraId, tenantId));
	}

	private static Language languageOf(Row row, List<String> problems) {
		try {
			return Language.parse(row.get(LANGUAGE));
		}
		catch (IllegalArgumentException ex) {
			problems.add("unknown language '" + row.get(LANGUAGE) + "' (expected sv or en)");
			return null;
		}
	}

	private static Boolean parseYesNo(String typed) {
		return switch (Keys.compact(typed)) {
			case "", "ja", "j", "yes", "y", "true", "1", "x", "aktiv" -> true;
			case "nej", "n", "no", "false", "0", "inaktiv" -> false;
			default ->
				throw new IllegalArgumentException("unknown value '" + typed + "' for Aktiv (expected ja or nej)");
		};
	}

}
