package se.samla.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.MethodMode;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samla.answers.AuditEntry.Action;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.SendOuts;
import se.samla.digests.Digest;
import se.samla.digests.Digests;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Language;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.ops.PersonalDataFixture.EMAIL;
import static se.samla.ops.PersonalDataFixture.ENTRA_ID;
import static se.samla.ops.PersonalDataFixture.NAME;

/**
 * A person's data on request: the export holds everything Samla keeps on them, and the
 * erasure leaves no name, address or Entra id in any table while the digests count the
 * same. A test that erases starts a fresh context afterwards (a fresh database): an
 * erased person stays erased.
 */
@SpringBootTest(properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class PersonalDataTests {

	@Autowired
	PersonCommands commands;

	@Autowired
	PersonalData personalData;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Directory directory;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Digests digests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void exportWritesTheDirectoryEntryResponsesAuditTrailsEmailsMessagesAndTeamsChatAsJson(@TempDir Path dir)
			throws Exception {
		PersonalDataFixture.give("gdpr-export", this.sendOuts, this.directory, this.responses, this.jdbc, this.clock);
		Path file = dir.resolve("lena.json");

		assertThat(run("export", EMAIL, "--out", file.toString())).isZero();

		JsonNode export = JsonMapper.builder().build().readTree(Files.readString(file));
		assertThat(export.path("directory").path("name").asString()).isEqualTo(NAME);
		assertThat(export.path("directory").path("organisation").path("name").asString()).isEqualTo("Karlskoga");
		assertThat(export.path("directory").path("networks").toString()).contains("SOCIAL");
		assertThat(export.path("directory").path("entraObjectId").asString()).isEqualTo(ENTRA_ID);
		JsonNode response = export.path("responses").path(0);
		assertThat(response.path("sendOut").asString()).isEqualTo("gdpr-export");
		assertThat(response.path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(response.path("answers").path(0).path("answer").toString()).contains("svar 1");
		assertThat(response.path("auditTrail").toString()).contains("ANSWERED").contains("SUBMITTED");
		JsonNode email = export.path("email").path("received").path(0);
		assertThat(email.path("subject").asString()).isEqualTo("Svar om gdpr-export");
		assertThat(email.path("from").toString()).contains(EMAIL);
		assertThat(email.path("text").asString()).contains("Brist på sjuksköterskor");
		assertThat(export.path("messages").path("outbox").path(0).path("kind").asString()).isEqualTo("INVITATION");
		assertThat(export.path("messages").path("contactRoutes").path(0).path("reachable").asBoolean()).isFalse();
		assertThat(export.path("teams").path("conversations").path(0).path("conversationId").asString())
			.isEqualTo("a:conv-gdpr-export");
		assertThat(export.path("teams").path("activities").path(0).path("activity").asString()).contains(NAME);

		this.mvc.perform(get("/api/persons/{address}/export", EMAIL))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.directory.email").value(EMAIL))
			.andExpect(jsonPath("$.responses[0].sendOut").value("gdpr-export"))
			.andExpect(jsonPath("$.teams.activities[0].activityId").value("gdpr-export-activity"));
		this.mvc.perform(get("/api/persons/{address}/export", "ingen@example.org")).andExpect(status().isNotFound());
	}

	@Test
	@DirtiesContext(methodMode = MethodMode.AFTER_METHOD)
	void erasureLeavesNoNameAddressOrEntraIdInAnyTableAndTheDigestCountsTheSame() throws Exception {
		PersonalDataFixture.Holdings lena = PersonalDataFixture.give("gdpr-erase", this.sendOuts, this.directory,
				this.responses, this.jdbc, this.clock);
		Digest.Rates before = this.digests.compile(lena.sendOut(), Digest.View.ORGANISATIONS, Language.SV).rates();
		assertThat(before.overall().answered()).isOne();
		assertThat(holdersOf(NAME, EMAIL, ENTRA_ID)).isNotEmpty();

		assertThat(run("erase", EMAIL, "--yes", "--operator", "dataskydd")).isZero();

		assertThat(holdersOf(NAME, EMAIL, ENTRA_ID)).isEmpty();
		assertThat(this.digests.compile(lena.sendOut(), Digest.View.ORGANISATIONS, Language.SV).rates())
			.isEqualTo(before);
		Person erased = this.directory.person(lena.person().id()).orElseThrow();
		assertThat(erased.name()).isEqualTo("Raderad person");
		assertThat(erased.email()).endsWith(".invalid");
		assertThat(erased.active()).isFalse();
		assertThat(erased.teams()).isNull();
		assertThat(erased.organisation().value()).isEqualTo("karlskoga");
		ResponseState response = this.responses.state(lena.response().id());
		assertThat(response.isSubmitted()).isTrue();
		assertThat(response.steps())
			.allSatisfy(step -> assertThat(step.answer()).isEqualTo(new TextAnswer("(raderat)")));
		assertThat(this.responses.history(response.id()))
			.anySatisfy(entry -> assertThat(entry.action()).isEqualTo(Action.ERASED));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM email_inbound WHERE raw IS NOT NULL").query(Long.class).single())
			.isZero();
		Map<String, Object> audit = this.jdbc.sql("SELECT * FROM personal_data_erasure").query().singleRow();
		assertThat(audit.get("erased_by")).isEqualTo("dataskydd");
		assertThat(audit.get("person_id")).isEqualTo(lena.person().id().value());
		assertThat((String) audit.get("counts")).containsPattern("rawEmailsDeleted=[1-9]")
			.containsPattern("teamsActivitiesDeleted=[1-9]")
			.containsPattern("answersWithFreeTextRemoved=[1-9]")
			.doesNotContain(EMAIL);
		assertThat(output()).contains("Erased " + EMAIL).contains("teamsConversationsDeleted");
	}

	@Test
	@DirtiesContext(methodMode = MethodMode.AFTER_METHOD)
	void erasureOverHttpNamesTheOperatorFromItsHeader() throws Exception {
		PersonalDataFixture.give("gdpr-http", this.sendOuts, this.directory, this.responses, this.jdbc, this.clock);

		this.mvc.perform(post("/api/persons/{address}/erase", EMAIL).header("X-Samla-Operator", "dpo"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.directoryEntriesPseudonymised").value(1));

		assertThat(this.jdbc.sql("SELECT erased_by FROM personal_data_erasure").query(String.class).single())
			.isEqualTo("dpo");
		assertThat(holdersOf(NAME, EMAIL, ENTRA_ID)).isEmpty();
		this.mvc.perform(post("/api/persons/{address}/erase", EMAIL)).andExpect(status().isNotFound());
	}

	@Test
	void erasureNeedsYesAndAnAddressInTheDirectory() {
		assertThatThrownBy(() -> run("erase", EMAIL)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--yes");
		assertThat(this.directory.personByEmail(EMAIL)).isPresent();
		assertThatThrownBy(() -> run("erase", "ingen@example.org", "--yes"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no person with the address ingen@example.org");
		assertThatThrownBy(() -> run("forget", EMAIL)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("export or erase");
	}

	@Test
	void answersAreKeptForGoodUnlessARetentionIsSet() {
		PersonalDataFixture.Holdings lena = PersonalDataFixture.give("gdpr-kept", this.sendOuts, this.directory,
				this.responses, this.jdbc, this.clock);
		this.clock.set(se.samla.support.Stockholm.at(2036, 1, 1, 3, 0));

		this.personalData.removeExpired();

		assertThat(this.responses.state(lena.response().id()).steps().get(0).answer().toString()).contains("svar 1");
	}

	/** Every table.column whose value names any of the strings (text or raw bytes). */
	private List<String> holdersOf(String... needles) {
		List<String> found = new ArrayList<>();
		List<String> tables = this.jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
			.query(String.class)
			.list();
		for (String table : tables) {
			for (Map<String, Object> row : this.jdbcTemplate.queryForList("SELECT * FROM " + table)) {
				row.forEach((column, value) -> {
					String text = text(value);
					for (String needle : needles) {
						if (text != null && text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT))) {
							found.add(table + "." + column);
						}
					}
				});
			}
		}
		return found;
	}

	private static String text(Object value) {
		try {
			if (value instanceof byte[] bytes) {
				return new String(bytes, StandardCharsets.UTF_8);
			}
			if (value instanceof Blob blob) {
				return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
			}
			if (value instanceof Clob clob) {
				return clob.getSubString(1, (int) clob.length());
			}
			return (value != null) ? value.toString() : null;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int run(String... args) {
		this.out.reset();
		return this.commands.run(new Options(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
