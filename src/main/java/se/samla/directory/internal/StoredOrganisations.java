package se.samla.directory.internal;

import org.springframework.data.repository.ListCrudRepository;

interface StoredOrganisations extends ListCrudRepository<StoredOrganisation, String> {

}
