package se.samla.directory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import se.samla.directory.IdentityReport;
import se.samla.directory.IdentityReport.Entry;
import se.samla.directory.IdentityReport.Outcome;
import se.samla.directory.Person;
import se.samla.directory.TeamsIdentities;
import se.samla.directory.TeamsIdentity;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphUsers;
import se.samla.entra.GraphUsers.UserLookup;
import se.samla.entra.Registration;

/**
 * Looks people up one by one, each saved as soon as found (no transaction spans Graph's
 * answers, which may wait out throttling).
 */
@Service
class GraphIdentities implements TeamsIdentities {

	private static final Logger log = LoggerFactory.getLogger(GraphIdentities.class);

	private final StoredPeople people;

	private final EntraRegistrations registrations;

	private final GraphUsers graph;

	GraphIdentities(StoredPeople people, EntraRegistrations registrations, GraphUsers graph) {
		this.people = people;
		this.registrations = registrations;
		this.graph = graph;
	}

	@Override
	public IdentityReport resolve() {
		if (this.registrations.isEmpty()) {
			return new IdentityReport(false, List.of());
		}
		List<Entry> entries = new ArrayList<>();
		List<StoredPerson> unknown = this.people.findByActiveTrue()
			.stream()
			.filter(person -> person.entraObjectId() == null)
			.sorted(Comparator.comparing(StoredPerson::organisationId).thenComparing(StoredPerson::email))
			.toList();
		Map<String, String> refusedTenants = new HashMap<>();
		for (StoredPerson stored : unknown) {
			entries.add(resolve(stored, refusedTenants));
		}
		IdentityReport report = new IdentityReport(true, entries);
		log.info(report.summary());
		return report;
	}

	/**
	 * One person. A tenant that refused Samla as such (no token, or the permission
	 * missing) is not asked again for the rest of the run: the reason is the same.
	 */
	private Entry resolve(StoredPerson stored, Map<String, String> refusedTenants) {
		Person person = stored.toPerson();
		Optional<Registration> registration = this.registrations.forOrganisation(stored.organisationId());
		if (registration.isEmpty()) {
			return new Entry(person, Outcome.NO_REGISTRATION, "organisation " + stored.organisationId());
		}
		String tenant = registration.get().tenantId();
		if (refusedTenants.containsKey(tenant)) {
			return new Entry(person, Outcome.REFUSED, refusedTenants.get(tenant));
		}
		UserLookup lookup = this.graph.find(registration.get(), stored.email());
		if (lookup instanceof UserLookup.Found found) {
			return store(stored, new TeamsIdentity(found.objectId(), found.tenantId()));
		}
		if (lookup instanceof UserLookup.Ambiguous ambiguous) {
			return new Entry(person, Outcome.AMBIGUOUS,
					ambiguous.users() + " users in tenant " + registration.get().tenantId());
		}
		if (lookup instanceof UserLookup.Refused refused) {
			if (refused.reason().startsWith("no Graph token") || refused.reason().startsWith("HTTP 401")
					|| refused.reason().startsWith("HTTP 403")) {
				refusedTenants.put(tenant, refused.reason());
			}
			return new Entry(person, Outcome.REFUSED, refused.reason());
		}
		return new Entry(person, Outcome.NOT_FOUND, "tenant " + registration.get().tenantId());
	}

	private Entry store(StoredPerson stored, TeamsIdentity identity) {
		Optional<StoredPerson> holder = this.people.findByEntraObjectId(identity.entraObjectId());
		if (holder.isPresent() && !holder.get().id().equals(stored.id())) {
			return new Entry(stored.toPerson(), Outcome.TAKEN, "the Teams identity of " + holder.get().email());
		}
		try {
			StoredPerson saved = this.people.save(stored.foundInGraph(identity));
			return new Entry(saved.toPerson(), Outcome.FOUND, "tenant " + identity.tenantId());
		}
		catch (DataAccessException ex) {
			return new Entry(stored.toPerson(), Outcome.REFUSED,
					"could not be saved (" + ex.getClass().getSimpleName() + "); try again");
		}
	}

}
