package se.samla.directory.internal;

import org.springframework.data.repository.ListCrudRepository;

interface StoredActivities extends ListCrudRepository<StoredActivity, String> {

}
