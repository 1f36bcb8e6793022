package se.samla.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.shared.SqlTime.toSql;
import static se.samla.support.Stockholm.at;

/**
 * The retention clean-up, moved through time with the test clock: handled Teams
 * activities go after {@code samla.teams.retention} (30 days), raw emails after
 * {@code samla.email.imap.retention} (90 days), and, when {@code samla.answers.retention}
 * is set, the free text of answers to send-outs whose deadline is older than it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.answers.retention=30d" })
@Import(TestClockConfiguration.class)
class RetentionTests {

	@Autowired
	PersonalData personalData;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Directory directory;

	@Autowired
	ResponseManagement responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void removesEachKindOfDataOnlyOnceItIsPastItsRetention() {
		PersonalDataFixture.Holdings lena = PersonalDataFixture.give("lagring", this.sendOuts, this.directory,
				this.responses, this.jdbc, this.clock);
		UUID waiting = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO teams_inbound (id, conversation_id, activity_id, activity_type, body, received_at, status)
				VALUES (?, 'a:conv-lagring', 'not-yet-handled', 'message', ?, ?, 'RECEIVED')
				""").params(waiting, "{}".getBytes(StandardCharsets.UTF_8), toSql(this.clock.instant())).update();

		// 2 December + 29 days: nothing is old enough yet.
		this.clock.advance(Duration.ofDays(29));
		this.personalData.removeExpired();
		assertThat(teamsActivities()).isEqualTo(2);
		assertThat(rawEmails()).isOne();
		assertThat(firstAnswer(lena)).contains("svar 1");

		// 31 days after the activity, 13 days after the deadline (18 December).
		this.clock.advance(Duration.ofDays(2));
		this.personalData.removeExpired();
		assertThat(teamsActivities()).as("the handled activity goes, the waiting one stays").isOne();
		assertThat(this.jdbc.sql("SELECT id FROM teams_inbound").query(UUID.class).single()).isEqualTo(waiting);
		assertThat(rawEmails()).isOne();
		assertThat(firstAnswer(lena)).contains("svar 1");

		// 31 days after the deadline.
		this.clock.set(at(2027, 1, 18, 18, 0));
		this.personalData.removeExpired();
		assertThat(firstAnswer(lena)).isEqualTo(new TextAnswer("(raderat)").toString());
		ResponseState response = this.responses.state(lena.response().id());
		assertThat(response.isSubmitted()).as("the response still counts").isTrue();
		assertThat(rawEmails()).isOne();

		// 91 days after the email was read.
		this.clock.set(at(2027, 3, 3, 10, 0));
		this.personalData.removeExpired();
		assertThat(rawEmails()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM email_inbound").query(Long.class).single())
			.as("the record of the email stays, so it is not processed again")
			.isOne();
	}

	private long teamsActivities() {
		return this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound").query(Long.class).single();
	}

	private long rawEmails() {
		return this.jdbc.sql("SELECT COUNT(*) FROM email_inbound WHERE raw IS NOT NULL").query(Long.class).single();
	}

	private String firstAnswer(PersonalDataFixture.Holdings holdings) {
		return String.valueOf(this.responses.state(holdings.response().id()).steps().get(0).answer());
	}

}
