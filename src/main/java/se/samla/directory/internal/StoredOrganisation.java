package se.samla.directory.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.OrganisationKind;

/**
 * The organisation aggregate as stored. The id is assigned (the slug), so
 * {@code @Version} tells a new organisation from an existing one.
 */
@Table("organisation")
record StoredOrganisation(@Id String id, @Version Long version, String name, OrganisationKind kind) {

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
