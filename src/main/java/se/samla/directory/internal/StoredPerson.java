package se.samla.directory.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.directory.TeamsIdentity;
import se.samla.shared.Language;

/**
 * The person aggregate as stored, with the networks as a child collection. The id is
 * assigned when the person is first imported and kept on re-import. Column names are
 * explicit, see {@link StoredOrganisation}.
 */
@Table("person")
record StoredPerson(@Id @Column("id") UUID id, @Version @Column("version") Long version, @Column("name") String name,
		@Column("email") String email, @Column("role") String role, @Column("organisation_id") String organisationId,
		@MappedCollection(idColumn = "person_id") Set<Membership> networks,
		@Column("entra_object_id") String entraObjectId, @Column("tenant_id") String tenantId,
		@Column("preferred_channel") PreferredChannel preferredChannel, @Column("language") Language language,
		@Column("active") boolean active, @Column("teams_source") String teamsSource,
		@Column("channel_given") boolean channelGiven) {

	/** The Teams identity was typed into people.csv: it overrides Graph. */
	static final String CSV = "CSV";

	/** The Teams identity was found in Microsoft Graph by the person's address. */
	static final String GRAPH = "GRAPH";

	static StoredPerson of(Person person, String teamsSource, boolean channelGiven) {
		return new StoredPerson(person.id().value(), null, null, null, null, null, Set.of(), null, null, null, null,
				false, null, false)
			.with(person, teamsSource, channelGiven);
	}

	/**
	 * This person with the content of the given one, keeping id and version.
	 * @param teamsSource where the person's Teams identity came from ({@link #CSV},
	 * {@link #GRAPH}), {@code null} without one
	 * @param channelGiven whether people.csv named the preferred channel
	 */
	StoredPerson with(Person person, String teamsSource, boolean channelGiven) {
		TeamsIdentity teams = person.teams();
		return new StoredPerson(this.id, this.version, person.name(), person.email(), person.role(),
				person.organisation().value(),
				person.networks().stream().map(Membership::new).collect(Collectors.toUnmodifiableSet()),
				(teams != null) ? teams.entraObjectId() : null, (teams != null) ? teams.tenantId() : null,
				person.preferredChannel(), person.language(), person.active(), (teams != null) ? teamsSource : null,
				channelGiven);
	}

	/**
	 * The Teams identity Graph found, and Teams as the channel unless people.csv named
	 * one.
	 */
	StoredPerson foundInGraph(TeamsIdentity teams) {
		Person person = toPerson();
		PreferredChannel channel = this.channelGiven ? person.preferredChannel() : PreferredChannel.TEAMS;
		return with(
				new Person(person.id(), person.name(), person.email(), person.role(), person.organisation(),
						person.networks(), teams, channel, person.language(), person.active()),
				GRAPH, this.channelGiven);
	}

	/** The Teams identity, if it came from Graph (a re-import without one keeps it). */
	TeamsIdentity graphIdentity() {
		return GRAPH.equals(this.teamsSource) ? toPerson().teams() : null;
	}

	Person toPerson() {
		TeamsIdentity teams = (this.entraObjectId != null) ? new TeamsIdentity(this.entraObjectId, this.tenantId)
				: null;
		Set<Network> memberships = this.networks.stream().map(Membership::network).collect(Collectors.toSet());
		return new Person(new PersonId(this.id), this.name, this.email, this.role,
				new OrganisationId(this.organisationId), memberships, teams, this.preferredChannel, this.language,
				this.active);
	}

	/** A row of {@code person_network}. */
	@Table("person_network")
	record Membership(@Column("network") Network network) {
	}

}
