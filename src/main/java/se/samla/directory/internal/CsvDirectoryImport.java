package se.samla.directory.internal;

import java.io.InputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;

/**
 * Runs each import in one transaction: validation reads the current directory, and the
 * writes (if any) happen only after every row was accepted.
 */
@Service
@Transactional
class CsvDirectoryImport implements DirectoryImport {

	private final OrganisationImport organisations;

	private final PersonImport people;

	private final ActivityImport activities;

	CsvDirectoryImport(StoredOrganisations organisations, StoredPeople people, StoredActivities activities) {
		this.organisations = new OrganisationImport(organisations);
		this.people = new PersonImport(people, organisations);
		this.activities = new ActivityImport(activities, people);
	}

	@Override
	public ImportReport importOrganisations(String sourceName, InputStream csv, boolean dryRun) {
		return this.organisations.run(sourceName, csv, dryRun);
	}

	@Override
	public ImportReport importPeople(String sourceName, InputStream csv, boolean dryRun) {
		return this.people.run(sourceName, csv, dryRun);
	}

	@Override
	public ImportReport importActivities(String sourceName, InputStream csv, boolean dryRun) {
		return this.activities.run(sourceName, csv, dryRun);
	}

}
