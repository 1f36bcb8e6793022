package se.samla.directory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface StoredPeople extends ListCrudRepository<StoredPerson, UUID> {

	Optional<StoredPerson> findByEmail(String email);

	Optional<StoredPerson> findByEntraObjectId(String entraObjectId);

	List<StoredPerson> findByOrganisationIdAndActiveTrue(String organisationId);

	List<StoredPerson> findByActiveTrue();

}
