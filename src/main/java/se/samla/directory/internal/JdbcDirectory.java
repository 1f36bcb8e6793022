package se.samla.directory.internal;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samla.directory.ActivityId;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.directory.TeamsIdentity;
import se.samla.shared.Language;
import se.samla.directory.PlanActivity;

/**
 * The directory as stored. A county has a few dozen chiefs and a dozen activities, so
 * lists that filter on child collections (networks, owners) are filtered in memory rather
 * than with hand-written joins.
 */
@Service
@Transactional(readOnly = true)
class JdbcDirectory implements Directory {

	private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

	private final StoredOrganisations organisations;

	private final StoredPeople people;

	private final StoredActivities activities;

	private final JdbcClient jdbc;

	JdbcDirectory(StoredOrganisations organisations, StoredPeople people, StoredActivities activities,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.people = people;
		this.activities = activities;
	}

	@Override
	public Optional<Person> person(PersonId id) {
		return this.people.findById(id.value()).map(StoredPerson::toPerson);
	}

	@Override
	public Optional<Person> personByEmail(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		return this.people.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(StoredPerson::toPerson);
	}

	@Override
	public Optional<Person> personByEntraId(String entraObjectId) {
		if (entraObjectId == null || entraObjectId.isBlank()) {
			return Optional.empty();
		}
		return this.people.findByEntraObjectId(entraObjectId.strip().toLowerCase(Locale.ROOT))
			.map(StoredPerson::toPerson);
	}

	/**
	 * Every active person in two queries (people, then memberships) rather than one query
	 * per person for the networks: send-outs resolve audiences of thousands on every
	 * dispatch run.
	 */
	@Override
	public List<Person> people() {
		Map<UUID, Set<Network>> networks = new HashMap<>();
		this.jdbc.sql("""
				SELECT pn.person_id, pn.network FROM person_network pn
				JOIN person p ON p.id = pn.person_id WHERE p.active = TRUE
				""")
			.query((RowCallbackHandler) rs -> networks
				.computeIfAbsent(rs.getObject("person_id", UUID.class), id -> EnumSet.noneOf(Network.class))
				.add(Network.valueOf(rs.getString("network"))));
		List<Person> people = this.jdbc.sql("SELECT * FROM person WHERE active = TRUE").query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			String entraObjectId = rs.getString("entra_object_id");
			return new Person(new PersonId(id), rs.getString("name"), rs.getString("email"), rs.getString("role"),
					new OrganisationId(rs.getString("organisation_id")), networks.getOrDefault(id, Set.of()),
					(entraObjectId != null) ? new TeamsIdentity(entraObjectId, rs.getString("tenant_id")) : null,
					PreferredChannel.valueOf(rs.getString("preferred_channel")),
					Language.valueOf(rs.getString("language")), true);
		}).list();
		return sortedByOrganisation(people);
	}

	@Override
	public List<Person> members(Network network) {
		return people().stream().filter(person -> person.isMemberOf(network)).toList();
	}

	@Override
	public List<Person> inOrganisation(OrganisationId organisation) {
		return swedishOrder(this.people.findByOrganisationIdAndActiveTrue(organisation.value())
			.stream()
			.map(StoredPerson::toPerson)
			.toList(), Person::name, person -> person.id().value().toString());
	}

	@Override
	public List<Organisation> organisations() {
		return this.organisations.findAll()
			.stream()
			.map(StoredOrganisation::toOrganisation)
			.sorted(Comparator.comparing(Organisation::name, SWEDISH))
			.toList();
	}

	@Override
	public Optional<Organisation> organisation(OrganisationId id) {
		return this.organisations.findById(id.value()).map(StoredOrganisation::toOrganisation);
	}

	@Override
	public List<PlanActivity> activities() {
		return this.activities.findAll()
			.stream()
			.map(StoredActivity::toActivity)
			.sorted(Comparator.comparing((PlanActivity activity) -> activity.id().value(), NaturalOrder.INSTANCE))
			.toList();
	}

	@Override
	public Optional<PlanActivity> activity(ActivityId id) {
		return this.activities.findById(id.value()).map(StoredActivity::toActivity);
	}

	@Override
	public List<PlanActivity> activitiesOwnedBy(PersonId person) {
		return activities().stream().filter(activity -> activity.isOwnedBy(person)).toList();
	}

	private List<Person> sortedByOrganisation(List<Person> unsorted) {
		Map<OrganisationId, String> names = this.organisations.findAll()
			.stream()
			.collect(Collectors.toMap(organisation -> new OrganisationId(organisation.id()), StoredOrganisation::name));
		Function<Person, String> organisationName = person -> names.getOrDefault(person.organisation(),
				person.organisation().value());
		return swedishOrder(unsorted, organisationName, Person::name);
	}

	/**
	 * Sorted in Swedish order (å, ä, ö last) by one text, then another: each text's
	 * collation key made once, not at every comparison (a collator comparing ten thousand
	 * names normalises each name at every one of some 130,000 comparisons).
	 */
	static <T> List<T> swedishOrder(List<T> items, Function<T, String> first, Function<T, String> then) {
		Map<String, CollationKey> keys = new HashMap<>();
		Function<String, CollationKey> key = text -> keys.computeIfAbsent((text != null) ? text : "",
				SWEDISH::getCollationKey);
		record Keyed<T>(T item, CollationKey first, CollationKey then) {
		}
		return items.stream()
			.map(item -> new Keyed<>(item, key.apply(first.apply(item)), key.apply(then.apply(item))))
			.sorted(Comparator.comparing((Keyed<T> keyed) -> keyed.first()).thenComparing(Keyed::then))
			.map(Keyed::item)
			.toList();
	}

}
