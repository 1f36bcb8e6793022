package se.samla.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.ShippedSendOuts;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator commands that work on Samla's database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestClockConfiguration.class)
class OperatorCommandsTests {

	@DynamicPropertySource
	static void enableTheShippedSendOuts(DynamicPropertyRegistry registry) {
		ShippedSendOuts.enable(registry);
	}

	@Autowired
	OperatorCommands commands;

	@Autowired
	Directory directory;

	@Autowired
	ResponseManagement responses;

	@Autowired
	JdbcClient jdbc;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	/**
	 * Each test starts from the shipped send-outs as defined: a send-now, pause or
	 * extension of one test would otherwise change what the next one sees.
	 */
	@AfterEach
	void restoreTheSendOuts() {
		this.jdbc.sql("DELETE FROM outbox").update();
		this.jdbc.sql(
				"UPDATE send_out SET opens_override = NULL, deadline_override = NULL, paused_at = NULL, closed_at = NULL")
			.update();
	}

	@Test
	void listsSendOutsWithStateAndCounts() {
		int code = run("send-outs");

		assertThat(code).isZero();
		assertThat(output()).contains("steg2-2026").contains("OPEN").contains("uppfoljning-2026").contains("SCHEDULED");
	}

	@Test
	void writesADigestAsHtmlWorkbookAndCsvIntoAFolder(@TempDir Path dir) throws IOException {
		int code = run("digest", "steg2-2026", "--out", dir.toString(), "--view", "persons");

		assertThat(code).isZero();
		List<String> lines = output().lines().toList();
		assertThat(lines).startsWith("Wrote " + dir.resolve("sammanstallning-steg2-2026-personer.html"),
				"Wrote " + dir.resolve("sammanstallning-steg2-2026-personer.xlsx"),
				"Wrote " + dir.resolve("sammanstallning-steg2-2026-personer.csv"));
		// then the charts the HTML shows, as pictures beside it
		List<String> pictures = lines.subList(3, lines.size());
		assertThat(pictures).isNotEmpty()
			.allMatch(line -> line.startsWith("Wrote " + dir.resolve("sammanstallning-steg2-2026-personer-"))
					&& line.endsWith(".png"));
		String html = Files.readString(dir.resolve("sammanstallning-steg2-2026-personer.html"));
		assertThat(html).contains("Svarsfrekvens").contains("Har inte svarat");
		for (String picture : pictures) {
			Path file = Path.of(picture.substring("Wrote ".length()));
			assertThat(Files.size(file)).isPositive();
			assertThat(html).contains("src=\"" + file.getFileName() + "\"");
		}
		assertThat(Files.size(dir.resolve("sammanstallning-steg2-2026-personer.xlsx"))).isPositive();
		assertThat(Files.readString(dir.resolve("sammanstallning-steg2-2026-personer.csv"))).startsWith("\uFEFF");
	}

	@Test
	void digestFilesOfEachViewAndLanguageLieSideBySideInOneFolder(@TempDir Path dir) throws IOException {
		assertThat(run("digest", "steg2-2026", "--out", dir.toString(), "--view", "persons")).isZero();
		assertThat(run("digest", "steg2-2026", "--out", dir.toString(), "--view", "organisations")).isZero();
		assertThat(run("digest", "steg2-2026", "--out", dir.toString(), "--language", "en")).isZero();

		try (var files = Files.list(dir)) {
			assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".png")))
				.containsExactlyInAnyOrder("sammanstallning-steg2-2026-personer.html",
						"sammanstallning-steg2-2026-personer.xlsx", "sammanstallning-steg2-2026-personer.csv",
						"sammanstallning-steg2-2026-organisationer.html",
						"sammanstallning-steg2-2026-organisationer.xlsx",
						"sammanstallning-steg2-2026-organisationer.csv",
						"sammanstallning-steg2-2026-organisationer-en.html",
						"sammanstallning-steg2-2026-organisationer-en.xlsx",
						"sammanstallning-steg2-2026-organisationer-en.csv");
		}
		assertThat(Files.readString(dir.resolve("sammanstallning-steg2-2026-personer.html")))
			.isNotEqualTo(Files.readString(dir.resolve("sammanstallning-steg2-2026-organisationer.html")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongArguments")
	void saysWhatIsWrongWithAnArgumentInOneLineAndExitsWithOne(String arguments, String expected) {
		String[] words = arguments.split(" ");

		int code = run(words[0], Arrays.copyOfRange(words, 1, words.length));

		assertThat(code).isEqualTo(1);
		assertThat(errors().lines()).singleElement(InstanceOfAssertFactories.STRING)
			.contains(expected)
			.doesNotContain("Exception")
			.doesNotContain("at se.samla");
		assertThat(output()).isEmpty();
	}

	static Stream<Arguments> wrongArguments() {
		return Stream.of(Arguments.of("status nope", "no send-out 'nope'; known: "),
				Arguments.of("pause nope-2026", "steg2-2026, uppfoljning-2025, uppfoljning-2026"),
				Arguments.of("resume nope-2026", "no send-out 'nope-2026'"),
				Arguments.of("close nope-2026", "no send-out 'nope-2026'"),
				Arguments.of("send-now nope-2026", "no send-out 'nope-2026'"),
				Arguments.of("extend nope-2026 2026-12-22", "no send-out 'nope-2026'"),
				Arguments.of("extend steg2-2026 someday", "'someday' is not a date"),
				Arguments.of("preview nope 2026-12-01", "no send-out 'nope'"),
				Arguments.of("preview steg2-2026 imorgon", "'imorgon' is not a date; write 2026-12-01"),
				Arguments.of("digest nope", "no send-out 'nope'"),
				Arguments.of("response nope anna.berg@example.org", "no send-out 'nope'"),
				Arguments.of("status Inte/Giltigt", "invalid send-out id: Inte/Giltigt"),
				Arguments.of("review accept not-a-uuid anna.berg@example.org",
						"ID must be the id `review` lists, not not-a-uuid"),
				Arguments.of("review discard not-a-uuid", "ID must be the id `review` lists, not not-a-uuid"),
				Arguments.of("review discard 0b8e6c1e-5d4c-4a57-9c1e-2f7d5b3a9e10",
						"no email held for review with id 0b8e6c1e-5d4c-4a57-9c1e-2f7d5b3a9e10"),
				Arguments.of("eml finns-inte.eml", "finns-inte.eml: no such file or folder"),
				Arguments.of("import-directory --people finns-inte.csv", "finns-inte.csv: no such file or folder"));
	}

	@Test
	void dryRunReportsWhatAnImportWouldDoWithoutWritingIt(@TempDir Path dir) throws IOException {
		Path people = dir.resolve("people.csv");
		Files.writeString(people, """
				Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id
				Ny Person;ny.person@example.org;Kumla;Socialchef;Socialchefsnätverket;E-post;sv;;
				""");

		int code = run("import-directory", "--dry-run", "--people", people.toString());

		assertThat(code).isZero();
		assertThat(output()).contains("dry run").contains("1 new");
		assertThat(this.directory.personByEmail("ny.person@example.org")).isEmpty();
	}

	@Test
	void rejectsAFileWithABadRowListingItsLineAndWritesNothing(@TempDir Path dir) throws IOException {
		Path people = dir.resolve("people.csv");
		Files.writeString(people, """
				Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id
				Bra Person;bra.person@example.org;Kumla;Socialchef;Socialchefsnätverket;E-post;sv;;
				Trasig Person;trasig.example.org;Kumla;Socialchef;Socialchefsnätverket;E-post;sv;;
				""");

		int code = run("import-directory", "--people", people.toString());

		assertThat(code).isEqualTo(1);
		assertThat(errors()).contains("people.csv:3:").contains("trasig.example.org");
		assertThat(this.directory.personByEmail("bra.person@example.org")).isEmpty();
	}

	@Test
	void resolvingTeamsIdentitiesWithoutAnyEntraRegistrationSaysNobodyWasLookedUp() {
		int code = run("resolve-teams");

		assertThat(code).isZero();
		assertThat(output()).isEqualTo("no Entra registration configured; nobody looked up in Graph\n");
	}

	@Test
	void showsOneResponseWithAnswersAndAuditTrail() {
		Person chief = this.directory.members(Network.SOCIALCHEFSNATVERKET).get(1);
		SendOutId sendOut = new SendOutId("steg2-2026");
		ResponseState state = this.responses.startOrResume(sendOut, chief.id(), Channel.EMAIL);
		this.responses.answer(state.id(), state.next().orElseThrow().key(), new TextAnswer("Svårt att rekrytera"),
				Source.of(Channel.EMAIL, "<cli-test@example.org>"));

		int code = run("response", "steg2-2026", chief.email());

		assertThat(code).isZero();
		assertThat(output()).contains("Fråga 1 av 5")
			.contains("Svårt att rekrytera")
			.contains("(inget svar)")
			.contains("ANSWERED")
			.contains("<cli-test@example.org>");
	}

	@Test
	void saysSoWhenAPersonHasNoResponse() {
		int code = run("response", "steg2-2026", "finns.inte@example.org");

		assertThat(code).isEqualTo(1);
		assertThat(errors()).contains("No person finns.inte@example.org");
	}

	@Test
	void showsEachRecipientsStatusAndPreviewsADay() {
		assertThat(run("status", "steg2-2026")).isZero();
		assertThat(output()).contains("STATUS").contains("waiting").contains("WHY").contains("not invited yet");

		// invited today, a day after the opening: reminder 1 five working days later
		assertThat(run("preview", "steg2-2026", "2026-12-02")).isZero();
		assertThat(output()).contains("reminder 1").contains("EMAIL").doesNotContain("(reminder");

		this.out.reset();
		assertThat(run("preview", "steg2-2026", "2026-11-30")).isZero();
		assertThat(output()).contains("digest 1").doesNotContain("reminder");
	}

	@Test
	void showsTheWholeScheduleWithKindsAndChannels() {
		assertThat(run("schedule", "steg2-2026")).isZero();

		assertThat(output()).contains("WHEN")
			.contains("invitation")
			.contains("reminder 1")
			.contains("reminder 4")
			.contains("escalation")
			.contains("digest 1")
			.contains("EMAIL")
			.containsPattern("2026-12-02 08:00 +reminder 1 ");
	}

	@Test
	void pausesResumesAndExtendsASendOut() {
		assertThat(run("pause", "steg2-2026")).isZero();
		assertThat(output()).contains("steg2-2026: PAUSED");
		assertThat(run("resume", "steg2-2026")).isZero();
		assertThat(output()).contains("steg2-2026: OPEN");
		assertThat(run("extend", "steg2-2026", "2026-12-23")).isZero();
		assertThat(output()).contains("deadline 2026-12-23 23:59");
	}

	@Test
	void sendNowFromTheCommandLineRecordsWhatIsDueAndLeavesDeliveryToTheService() {
		assertThat(run("send-now", "steg2-2026")).isZero();

		assertThat(output()).containsPattern("\\d+ message\\(s\\) recorded; no Samla service is running")
			.contains("they go out when it starts");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = 'steg2-2026' AND status <> 'PENDING'")
			.query(Integer.class)
			.single()).as("delivered, logged or claimed by the command").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = 'steg2-2026'")
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void aCommandSaysTheRunningServiceDeliversWhenOneHasCheckedInRecently() {
		this.jdbc.sql("""
				INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
				VALUES ('samla', 'service-1', ?, 10000)
				""").param(System.currentTimeMillis()).update();
		try {
			assertThat(run("resend-logged", "steg2-2026")).isZero();

			assertThat(output()).contains("the running service delivers them on its next dispatch run");
		}
		finally {
			this.jdbc.sql("DELETE FROM qrtz_scheduler_state").update();
		}
	}

	private int run(String command, String... args) {
		return this.commands.run(command, new Options(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
