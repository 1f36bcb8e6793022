package se.samla.directory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

import se.samla.directory.ActivityId;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PreferredChannel;
import se.samla.directory.RejectedRow;
import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports against the real schema (Flyway on H2 in PostgreSQL mode).
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ CsvDirectoryImport.class, JdbcDirectory.class })
class DirectoryImportTests {

	static final Path SAMPLE = Path.of("directory");

	static final String PEOPLE_HEADER = "Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n";

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	Directory directory;

	@BeforeEach
	void importOrganisations() throws IOException {
		ImportReport report = this.directoryImport.importOrganisations("organisations.csv", sample("organisations.csv"),
				false);
		assertThat(report.rejected()).isEmpty();
	}

	@Test
	void importsTheShippedSampleCompletely() throws IOException {
		ImportReport people = this.directoryImport.importPeople("people.csv", sample("people.csv"), false);
		ImportReport activities = this.directoryImport.importActivities("activities.csv", sample("activities.csv"),
				false);

		assertThat(people.rejected()).isEmpty();
		assertThat(activities.rejected()).isEmpty();
		assertThat(this.directory.organisations()).hasSize(13)
			.extracting(organisation -> organisation.name())
			.startsWith("Askersund")
			.endsWith("Region Örebro län", "Örebro");
		assertThat(this.directory.people()).hasSize(people.created()).hasSizeGreaterThanOrEqualTo(28);
		assertThat(this.directory.members(Network.SOCIALCHEFSNATVERKET)).hasSize(13);
		assertThat(this.directory.members(Network.HR_CHEFSNATVERKET)).hasSizeGreaterThanOrEqualTo(13);
		assertThat(this.directory.members(Network.PROJEKTLEDARE)).hasSize(2);
		assertThat(this.directory.people()).filteredOn(person -> person.teams() != null)
			.isNotEmpty()
			.allSatisfy(person -> assertThat(person.preferredChannel()).isEqualTo(PreferredChannel.TEAMS));
		assertThat(this.directory.people()).filteredOn(person -> person.language() == Language.EN).isNotEmpty();
		assertThat(this.directory.activities()).hasSize(activities.created())
			.hasSizeBetween(8, 12)
			.allSatisfy(activity -> assertThat(activity.owners()).isNotEmpty())
			.allSatisfy(activity -> assertThat(DevelopmentAreas.ALL).contains(activity.developmentArea()));
		assertThat(this.directory.activities().get(1).id()).isEqualTo(new ActivityId("A2"));
		assertThat(this.directory.activity(new ActivityId("A10")))
			.hasValueSatisfying(activity -> assertThat(activity.expectedEffect())
				.isEqualTo("Tryggare medarbetare i digitala arbetssätt;\nfrigjord tid för omsorg"));
		Person projectLead = this.directory.personByEmail("Anna.Lind@Example.org").orElseThrow();
		assertThat(this.directory.activitiesOwnedBy(projectLead.id())).extracting(activity -> activity.id().value())
			.containsExactly("A1", "A10", "A11");
		assertThat(this.directory.personByEntraId(projectLead.teams().entraObjectId().toUpperCase()))
			.contains(projectLead);
	}

	@Test
	void importsNothingWhenOneRowIsRejected() {
		ImportReport report = this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + "Anna Berg;anna.berg@example.org;Kumla;Socialchef;Socialchefsnätverket;;;;\n"
						+ "Bo Ek;bo.example.org;Kumla;HR-chef;HR-chefsnätverket;;;;\n"
						+ "Cia Holm;cia.holm@example.org;Kumla;HR-chef;HR-chefsnätverket;;;;\n"),
				false);

		assertThat(report.applied()).isFalse();
		assertThat(report.created()).isZero();
		assertThat(report.rejected()).containsExactly(new RejectedRow(3, "invalid e-mail address 'bo.example.org'"));
		assertThat(this.directory.people()).isEmpty();
	}

	@Test
	void reportsEveryRejectedRowWithItsLineNumber() {
		ImportReport report = this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + ";utan.namn@example.org;Kumla;;;;;;\n"
						+ "Anna Berg;anna.berg@example.org;Kumla;\"Socialchef;\nvård och omsorg\";;;;;\n"
						+ "Anna Berg;ANNA.BERG@example.org;Stockholm;;Socialchefsnätverket;;;;\n"
						+ "Bo Ek;bo.ek@example.org;Kumla;;Bridge-nätverket;;;;\n"
						+ "Cia Holm;cia.holm@example.org;Kumla;;;Teams;;;\n"
						+ "Dan Ås;dan.as@example.org;Kumla;;;;danska;not-a-guid;\n"),
				false);

		assertThat(report.rejected()).extracting(RejectedRow::toString)
			.containsExactly("line 2: missing name",
					"line 5: e-mail address 'anna.berg@example.org' appears more than once (first on line 3); "
							+ "unknown organisation 'Stockholm' (import it in organisations.csv first)",
					"line 6: unknown network 'Bridge-nätverket' "
							+ "(expected Socialchefsnätverket, HR-chefsnätverket or Projektledare)",
					"line 7: preferred channel Teams needs an Entra id and a tenant id",
					"line 8: Entra id and tenant id must be given together; unknown language 'danska' (expected sv or en)");
		assertThat(this.directory.people()).isEmpty();
	}

	@Test
	void dryRunReportsWhatWouldHappenAndWritesNothing() throws IOException {
		ImportReport report = this.directoryImport.importPeople("people.csv", sample("people.csv"), true);

		assertThat(report.dryRun()).isTrue();
		assertThat(report.applied()).isFalse();
		assertThat(report.rejected()).isEmpty();
		assertThat(report.created()).isGreaterThanOrEqualTo(28);
		assertThat(this.directory.people()).isEmpty();
	}

	@Test
	void reimportUpdatesPeopleInsteadOfDuplicatingThem() {
		this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + "Anna Berg;anna.berg@example.org;Kumla;Socialchef;Socialchefsnätverket;;;;\n"
						+ "Bo Ek;bo.ek@example.org;Kumla;HR-chef;HR-chefsnätverket;;;;\n"),
				false);
		Person before = this.directory.personByEmail("anna.berg@example.org").orElseThrow();

		ImportReport report = this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + "Anna Berg;Anna.Berg@Example.org;kumla;Socialchef;"
						+ "\"Socialchefsnätverket, Projektledare\";Teams;en;"
						+ "1C8E2F4A-5B6D-4E7F-8A9B-0C1D2E3F4A5B;7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37\n"
						+ "Bo Ek;bo.ek@example.org;Kumla;HR-chef;HR-chefsnätverket;;;;\n"
						+ "Cia Holm;cia.holm@example.org;Region Örebro län;HR-direktör;HR-chefsnätverket;;;;\n"),
				false);

		assertThat(report).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
			.containsExactly(1, 1, 1);
		assertThat(this.directory.people()).hasSize(3);
		Person after = this.directory.personByEmail("anna.berg@example.org").orElseThrow();
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(after.networks()).containsExactlyInAnyOrder(Network.SOCIALCHEFSNATVERKET, Network.PROJEKTLEDARE);
		assertThat(after.preferredChannel()).isEqualTo(PreferredChannel.TEAMS);
		assertThat(after.language()).isEqualTo(Language.EN);
		assertThat(after.teams().entraObjectId()).isEqualTo("1c8e2f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
	}

	@Test
	void peopleMissingFromAReimportAreKeptAndCanBeMarkedInactive() {
		this.directoryImport.importPeople("people.csv", csv(PEOPLE_HEADER
				+ "Anna Berg;anna.berg@example.org;Kumla;;;;;;\n" + "Bo Ek;bo.ek@example.org;Kumla;;;;;;\n"), false);

		ImportReport report = this.directoryImport.importPeople("people.csv",
				csv("Namn;E-post;Organisation;Aktiv\nBo Ek;bo.ek@example.org;Kumla;nej\n"), false);

		assertThat(report.updated()).isEqualTo(1);
		assertThat(this.directory.people()).extracting(Person::name).containsExactly("Anna Berg");
		assertThat(this.directory.personByEmail("bo.ek@example.org"))
			.hasValueSatisfying(person -> assertThat(person.active()).isFalse());
	}

	@Test
	void defaultsTheChannelFromTheTeamsIdentityAndTheLanguageToSwedish() {
		this.directoryImport.importPeople("people.csv",
				csv("Namn;E-post;Organisation;Entra-id;Tenant-id\n"
						+ "Anna Berg;anna.berg@example.org;Kumla;1c8e2f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b;"
						+ "7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37\n" + "Bo Ek;bo.ek@example.org;Kumla;;\n"),
				false);

		assertThat(this.directory.inOrganisation(new OrganisationId("kumla")))
			.extracting(Person::name, Person::preferredChannel, Person::language)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Anna Berg", PreferredChannel.TEAMS, Language.SV),
					org.assertj.core.groups.Tuple.tuple("Bo Ek", PreferredChannel.EMAIL, Language.SV));
	}

	@Test
	void importsAWindows1252FileWithSwedishLetters() throws IOException {
		ImportReport report;
		try (InputStream input = getClass().getResourceAsStream("people-windows-1252.csv")) {
			report = this.directoryImport.importPeople("people-windows-1252.csv", input, false);
		}

		assertThat(report.rejected()).isEmpty();
		assertThat(report.created()).isEqualTo(3);
		assertThat(this.directory.personByEmail("asa.ohrstrom@example.org")).hasValueSatisfying(person -> {
			assertThat(person.name()).isEqualTo("Åsa Öhrström");
			assertThat(person.organisation()).isEqualTo(new OrganisationId("hallefors"));
			assertThat(person.networks()).containsExactly(Network.SOCIALCHEFSNATVERKET);
		});
		assertThat(this.directory.personByEmail("goran.arlig@example.org")).hasValueSatisfying(person -> {
			assertThat(person.name()).isEqualTo("Göran Ärlig");
			assertThat(person.networks()).containsExactly(Network.HR_CHEFSNATVERKET);
		});
		assertThat(this.directory.personByEmail("marta.ek@example.org")).hasValueSatisfying(person -> {
			assertThat(person.organisation()).isEqualTo(new OrganisationId("laxa"));
			assertThat(person.role()).isEqualTo("Förvaltningschef; vård och omsorg");
		});
	}

	@Test
	void rejectsActivitiesWithUnknownOwnersOrDevelopmentAreas() {
		this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + "Anna Berg;anna.berg@example.org;Kumla;;;;;;\n"), false);

		ImportReport report = this.directoryImport.importActivities("activities.csv",
				csv("Id;Aktivitet;Utvecklingsområde;Förväntad effekt;Ansvariga;Tidplan;Uppföljning\n"
						+ "A1;Mentorer för nya chefer;utveckla CHEFER;;anna.berg@example.org;2025;December\n"
						+ "A2;Språkombud;Sprak- och kulturkompetens;;\"anna.berg@example.org; okand@example.org\";;\n"
						+ "A3;Robotar;Framtiden;;anna.berg@example.org;;\n"
						+ "A4;Ingen ansvarig;Nyttja tekniken;;;;\n"),
				false);

		assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(3, 4, 5);
		assertThat(report.rejected().get(0).reason())
			.isEqualTo("unknown owner e-mail 'okand@example.org' (import the person in people.csv first)");
		assertThat(report.rejected().get(1).reason()).startsWith("unknown development area 'Framtiden'");
		assertThat(report.rejected().get(2).reason()).startsWith("missing owner");
		assertThat(this.directory.activities()).isEmpty();
	}

	@Test
	void storesTheCanonicalDevelopmentArea() {
		this.directoryImport.importPeople("people.csv",
				csv(PEOPLE_HEADER + "Anna Berg;anna.berg@example.org;Kumla;;;;;;\n"), false);

		ImportReport report = this.directoryImport.importActivities("activities.csv",
				csv("Id;Aktivitet;Utvecklingsomrade;Ansvariga\n"
						+ "A1;Mentorer för nya chefer;utveckla CHEFER;anna.berg@example.org\n"
						+ "A2;Språkombud;sprak och kulturkompetens;anna.berg@example.org\n"),
				false);

		assertThat(report.created()).isEqualTo(2);
		assertThat(this.directory.activities()).extracting(activity -> activity.developmentArea())
			.containsExactly("Utveckla chefer", "Språk- och kulturkompetens");
	}

	@Test
	void namesAMissingColumn() {
		ImportReport report = this.directoryImport.importPeople("people.csv",
				csv("Namn;Organisation\nAnna Berg;Kumla\n"), false);

		assertThat(report.rejected()).containsExactly(new RejectedRow(1, "missing column 'E-post'"));
	}

	@Test
	void reimportingOrganisationsUpdatesThemByIdAndDerivesMissingIds() {
		ImportReport report = this.directoryImport.importOrganisations("organisations.csv",
				csv("Id;Namn;Typ\nlaxa;Laxå kommun;Kommun\n;Region Värmland;region\n"), false);

		assertThat(report).extracting(ImportReport::created, ImportReport::updated).containsExactly(1, 1);
		assertThat(this.directory.organisation(new OrganisationId("laxa")))
			.hasValueSatisfying(organisation -> assertThat(organisation.name()).isEqualTo("Laxå kommun"));
		assertThat(this.directory.organisation(new OrganisationId("region-varmland"))).isPresent();
		assertThat(this.directory.organisations()).hasSize(14);
	}

	static InputStream sample(String file) throws IOException {
		return Files.newInputStream(SAMPLE.resolve(file));
	}

	static InputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static List<String> lines(String text) {
		return text.lines().toList();
	}

}
