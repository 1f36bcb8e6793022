package se.samla.directory.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.OrganisationKind;

/**
 * The organisation aggregate as stored. The id is assigned (the slug), so
 * {@code @Version} tells a new organisation from an existing one. Column names are
 * explicit because Spring Data JDBC upper-cases derived names for H2, while the schema is
 * lower-case (H2 runs with DATABASE_TO_LOWER, like PostgreSQL).
 */
@Table("organisation")
record StoredOrganisation(@Id @Column("id") String id, @Version @Column("version") Long version,
		@Column("name") String name, @Column("kind") OrganisationKind kind) {

	static StoredOrganisation of(Organisation organisation) {
		return new StoredOrganisation(organisation.id().value(), null, organisation.name(), organisation.kind());
	}

	StoredOrganisation with(Organisation organisation) {
		return new StoredOrganisation(this.id, this.version, organisation.name(), organisation.kind());
	}

	Organisation toOrganisation() {
		return new Organisation(new OrganisationId(this.id), this.name, this.kind);
	}

}
