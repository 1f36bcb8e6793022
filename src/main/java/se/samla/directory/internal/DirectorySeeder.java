package se.samla.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.RejectedRow;
import se.samla.directory.TeamsIdentities;
import se.samla.shared.StartupLock;

/**
 * Fills an empty directory from the seed folder at start-up, so that a fresh installation
 * (or a demo) has organisations, people and activities. All three files are imported in
 * one transaction; an invalid seed stops the start-up with the rejected rows. Only counts
 * are logged, never names or addresses. Instances starting together seed one after the
 * other under the start-up lock, so only the first imports.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DirectorySeeder implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DirectorySeeder.class);

	private final DirectoryImport directoryImport;

	private final StoredPeople people;

	private final DirectoryProperties properties;

	private final StartupLock startupLock;

	private final TeamsIdentities identities;

	DirectorySeeder(DirectoryImport directoryImport, StoredPeople people, DirectoryProperties properties,
			StartupLock startupLock, TeamsIdentities identities) {
		this.identities = identities;
		this.directoryImport = directoryImport;
		this.people = people;
		this.properties = properties;
		this.startupLock = startupLock;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/** Imports the seed if the directory holds no people yet. */
	void seed() {
		Path location = this.properties.seedLocation();
		if (location == null || !Files.isDirectory(location)) {
			logger.debug("No directory seed at {}", location);
			return;
		}
		this.startupLock.exclusively(() -> {
			if (this.people.count() > 0) {
				logger.info("Directory already holds people; seed in {} not imported", location);
				return;
			}
			importFile(location.resolve("organisations.csv"), this.directoryImport::importOrganisations);
			importFile(location.resolve("people.csv"), this.directoryImport::importPeople);
			importFile(location.resolve("activities.csv"), this.directoryImport::importActivities);
			// people.csv may leave Teams identities out: Graph finds them by address
			this.identities.resolve();
		});
	}

	private void importFile(Path file, Importer importer) {
		if (!Files.isRegularFile(file)) {
			logger.info("Directory seed {} not found, skipped", file);
			return;
		}
		ImportReport report;
		try (InputStream input = Files.newInputStream(file)) {
			report = importer.run(file.getFileName().toString(), input, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read directory seed " + file, ex);
		}
		if (!report.valid()) {
			throw new IllegalStateException("Directory seed " + file + " is invalid, nothing was imported:\n"
					+ report.rejected().stream().map(RejectedRow::toString).collect(Collectors.joining("\n")));
		}
		logger.info("Directory seed {}", report.summary());
	}

	@FunctionalInterface
	private interface Importer {

		ImportReport run(String sourceName, InputStream csv, boolean dryRun);

	}

}
