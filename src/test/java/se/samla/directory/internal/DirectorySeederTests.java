package se.samla.directory.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.IdentityReport;
import se.samla.shared.StartupLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ CsvDirectoryImport.class, JdbcDirectory.class, StartupLock.class })
@ExtendWith(OutputCaptureExtension.class)
class DirectorySeederTests {

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	Directory directory;

	@Autowired
	StoredPeople people;

	@Autowired
	StartupLock startupLock;

	@Test
	void seedsAnEmptyDirectoryFromTheShippedSampleAndLogsOnlyCounts(CapturedOutput output) {
		seeder(Path.of("directory")).seed();

		assertThat(this.directory.organisations()).hasSize(13);
		assertThat(this.directory.people()).hasSizeGreaterThanOrEqualTo(28);
		assertThat(this.directory.activities()).hasSizeBetween(8, 12);
		assertThat(output).contains("organisations.csv: 13 created", "people.csv: ", "activities.csv: ")
			.doesNotContain("@example.org")
			.doesNotContain("Lindqvist");
	}

	@Test
	void leavesADirectoryThatHoldsPeopleAlone() {
		seeder(Path.of("directory")).seed();
		long before = this.people.count();

		seeder(Path.of("directory")).seed();

		assertThat(this.people.count()).isEqualTo(before);
	}

	@Test
	void skipsAMissingSeedFolder(@TempDir Path folder) {
		seeder(folder.resolve("absent")).seed();

		assertThat(this.directory.organisations()).isEmpty();
	}

	@Test
	void stopsTheStartUpWithTheRejectedRowsWhenTheSeedIsInvalid(@TempDir Path folder) throws IOException {
		Files.copy(Path.of("directory", "organisations.csv"), folder.resolve("organisations.csv"));
		Files.writeString(folder.resolve("people.csv"), "Namn;E-post;Organisation\n"
				+ "Anna Berg;anna.example.org;Kumla\n" + "Bo Ek;bo.ek@example.org;Atlantis\n", StandardCharsets.UTF_8);

		assertThatIllegalStateException().isThrownBy(() -> seeder(folder).seed())
			.withMessageContaining("people.csv is invalid, nothing was imported")
			.withMessageContaining("line 2: invalid e-mail address 'anna.example.org'")
			.withMessageContaining("line 3: unknown organisation 'Atlantis'");
	}

	private DirectorySeeder seeder(Path location) {
		return new DirectorySeeder(this.directoryImport, this.people, new DirectoryProperties(location),
				this.startupLock, () -> new IdentityReport(false, List.of()));
	}

}
