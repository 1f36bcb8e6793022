package se.samla.directory.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samla.directory.ActivityId;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
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

	JdbcDirectory(StoredOrganisations organisations, StoredPeople people, StoredActivities activities) {
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

	@Override
	public List<Person> people() {
		return sortedByOrganisation(this.people.findByActiveTrue().stream().map(StoredPerson::toPerson).toList());
	}

	@Override
	public List<Person> members(Network network) {
		return people().stream().filter(person -> person.isMemberOf(network)).toList();
	}

	@Override
	public List<Person> inOrganisation(OrganisationId organisation) {
		return this.people.findByOrganisationIdAndActiveTrue(organisation.value())
			.stream()
			.map(StoredPerson::toPerson)
			.sorted(Comparator.comparing(Person::name, SWEDISH))
			.toList();
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
		return unsorted.stream()
			.sorted(Comparator.comparing(organisationName, SWEDISH).thenComparing(Person::name, SWEDISH))
			.toList();
	}

}
