package se.samla.email.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Person;
import se.samla.email.HeldMail;
import se.samla.email.MailReview;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.FreePorts;
import se.samla.support.Mails;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.Question;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.raw;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.reply;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;

/**
 * Nothing a person writes is lost, over real SMTP and IMAP (GreenMail): an email broken
 * beyond reading is kept, its sender asked to answer again, held for review with the
 * reason and shown in status as a reply not understood; long answers are recorded whole,
 * or up to a generous limit that the confirmation states; and an email whose processing
 * failed is tried again instead of being left failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost", "samla.email.imap.enabled=true", "samla.email.imap.host=localhost",
				"samla.email.imap.ssl=false", "samla.email.imap.username=enkat@samla.example.org",
				"samla.email.imap.password=enkat@samla.example.org", "samla.email.imap.idle=false" })
@Import(TestClockConfiguration.class)
class NoReplyLostJourneyTests {

	private static final ServerSetup[] PORTS = FreePorts.smtpAndImap();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(PORTS);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> PORTS[0].getPort());
		registry.add("samla.email.imap.port", () -> PORTS[1].getPort());
	}

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MailboxReader reader;

	@Autowired
	ResponseManagement responses;

	@Autowired
	MailReview review;

	@Autowired
	MutableClock clock;

	@Autowired
	SendOutQueries queries;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void plusAddressing() {
		JourneyStart.fresh(mail, this.jdbc);
	}

	@Test
	void keepsAnEmailBrokenBeyondReadingTellsTheSenderHoldsItForReviewAndShowsAReplyNotUnderstood() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "trasig", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(person.email()).get(0);
		// A mailer that declared one boundary, wrote another, and sent only an attachment
		// whose base64 is cut off: nothing in it is text.
		String raw = "From: " + person.email() + "\r\n" + "To: " + invitation.getReplyTo()[0] + "\r\n" + "Subject: SV: "
				+ invitation.getSubject() + "\r\n" + "Message-ID: <trasig@kumla.example.org>\r\n" + "In-Reply-To: "
				+ invitation.getMessageID() + "\r\n" + "MIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"=_declared\"\r\n\r\n" + "--=_written\r\n"
				+ "Content-Type: image/png; name=\"svar.png\"\r\n" + "Content-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"svar.png\"\r\n\r\n"
				+ "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\r\n";
		Mails.sendAsWritten(mail.getSmtp().getPort(), raw.getBytes(StandardCharsets.UTF_8));

		assertThat(this.reader.read()).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<trasig@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("REVIEW");
		assertThat(this.responses.find(id, person.id())).isEmpty();
		assertThat(inbox(person.email())).filteredOn(m -> subject(m).startsWith("Vi behöver förtydligande"))
			.singleElement()
			.satisfies(m -> assertThat((String) m.getContent()).contains("Vi kunde inte läsa det"));
		HeldMail held = this.review.held()
			.stream()
			.filter(h -> "<trasig@kumla.example.org>".equals(h.messageId()))
			.findFirst()
			.orElseThrow();
		assertThat(held.reason()).startsWith("not understood:").contains("no text could be read");
		assertThat(held.invited()).isEqualTo(person.email());
		assertThat(held.sendOut()).isEqualTo("trasig");
		RecipientStatus status = this.queries.recipients(id)
			.stream()
			.filter(s -> s.person().equals(person.id()))
			.findFirst()
			.orElseThrow();
		assertThat(status.reasons()).contains(new RecipientFact.RepliedNotUnderstood(at(2026, 12, 1, 9, 0)));
		assertThat(this.queries.texts().describe(status.reasons(), Language.EN))
			.contains("but the reply recorded nothing");
	}

	@Test
	void recordsATenThousandCharacterAnswerInFull() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "langt", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		String answer = longText(10_000);

		send(reply(inbox(person.email()).get(0), person, "<langt@kumla.example.org>", "1. " + answer));
		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, person.id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isEqualTo(new TextAnswer(answer));
		assertThat((String) confirmations(person.email()).get(0).getContent()).doesNotContain("kunde vi inte");
	}

	@Test
	void recordsAnAnswerOf150000CharactersInFullAndTheAnswersAfterIt() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "mycketlangt", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		String answer = longText(150_000);

		send(reply(inbox(person.email()).get(0), person, "<mycketlangt@kumla.example.org>",
				"1. " + answer + "\n\n2. Språkombud.\n"));
		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, person.id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isEqualTo(new TextAnswer(answer));
		assertThat(state.steps().get(1).answer()).isEqualTo(new TextAnswer("Språkombud."));
		assertThat(state.isSubmitted()).isFalse();
	}

	@Test
	void recordsAnAnswerBeyondTheLimitUpToItAndSaysSoInTheConfirmation() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "overgrans", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		String answer = longText(Question.DEFAULT_MAX_LENGTH + 5_000);

		send(reply(inbox(person.email()).get(0), person, "<overgrans@kumla.example.org>", "1. " + answer));
		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, person.id()).orElseThrow();
		assertThat(state.steps().get(0).answer())
			.isEqualTo(new TextAnswer(answer.substring(0, Question.DEFAULT_MAX_LENGTH)));
		assertThat((String) confirmations(person.email()).get(0).getContent())
			.contains("Svar 1 är 205\u00a0000 tecken långt")
			.contains("hela texten finns kvar hos oss med ditt mejl");
		assertThat(this.jdbc.sql("SELECT raw FROM email_inbound WHERE message_id = '<overgrans@kumla.example.org>'")
			.query(byte[].class)
			.single()).isNotEmpty();
	}

	@Test
	void triesAgainAnEmailWhoseProcessingFailedInsteadOfLeavingItFailed() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "igen", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		mail.setUser("enkat@samla.example.org", "enkat@samla.example.org");
		byte[] raw = raw(reply(inbox(person.email()).get(0), person, "<igen@kumla.example.org>", "1. Ett svar."));
		// what a failure before retries existed (or a database away for a while) left
		this.jdbc
			.sql("""
					INSERT INTO email_inbound (id, message_key, message_id, raw, received_at, status, detail, attempts, retry_at)
					VALUES (RANDOM_UUID(), '<igen@kumla.example.org>', '<igen@kumla.example.org>', ?, ?, 'FAILED',
					        'CannotGetJdbcConnectionException', 1, ?)
					""")
			.params(raw, Instant.parse("2026-12-01T07:00:00Z").atOffset(java.time.ZoneOffset.UTC),
					Instant.parse("2026-12-01T07:30:00Z").atOffset(java.time.ZoneOffset.UTC))
			.update();

		assertThat(this.reader.read()).isZero();

		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<igen@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("RECORDED");
		assertThat(this.responses.find(id, person.id()).orElseThrow().steps().get(0).answer())
			.isEqualTo(new TextAnswer("Ett svar."));
	}

	private static String longText(int length) {
		StringBuilder text = new StringBuilder();
		String sentence = "Vi behöver fler sjuksköterskor och undersköterskor i hemtjänsten. ";
		while (text.length() < length) {
			text.append(sentence);
		}
		return text.substring(0, length).strip() + "x".repeat(length - text.substring(0, length).strip().length());
	}

	private static void send(MimeMessage message) throws Exception {
		Mails.sendAsWritten(mail.getSmtp().getPort(), Mails.raw(message));
	}

	private static List<MimeMessage> inbox(String address) {
		return Mails.inbox(mail, address);
	}

	private static List<MimeMessage> confirmations(String address) {
		return Mails.confirmations(mail, address);
	}

}
