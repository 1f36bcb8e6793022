package se.samla.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import se.samla.answers.AuditEntry;
import se.samla.answers.AuditEntry.Action;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Person;
import se.samla.email.HeldMail;
import se.samla.email.MailReview;
import se.samla.email.internal.InboundProcessor;
import se.samla.email.internal.InboundStatus;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.support.Mails.header;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;

/**
 * An email from someone else with a person's reply token (an assistant answering for a
 * chief) is shown to the operator with what it would record next to what is recorded,
 * never replaces a recorded answer unless the operator says so, leaves the operator and
 * the sender in the audit trail, and is confirmed to the person by email (real SMTP:
 * GreenMail on a free port).
 */
@SpringBootTest(properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
		"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
		"spring.mail.host=localhost" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class MailReviewCommandsTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		mail.stop();
	}

	@Autowired
	OperatorCommands commands;

	@Autowired
	MailReview review;

	@Autowired
	InboundProcessor processor;

	@Autowired
	ResponseManagement responses;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@BeforeEach
	void onlyThisTestsSendOut() {
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.jdbc.sql("UPDATE email_inbound SET status = 'DISCARDED' WHERE status = 'REVIEW'").update();
	}

	@Test
	void reviewListsSenderSubjectDateAndTheAnswersNextToWhatIsRecorded() throws Exception {
		Round round = round("granska-lista");

		assertThat(this.review.held()).singleElement().satisfies(held -> {
			assertThat(held.from()).isEqualTo("assistent@kumla.example.org");
			assertThat(held.subject()).startsWith("SV: ");
			assertThat(held.date()).isNotNull();
			assertThat(held.messageId()).isEqualTo(round.heldMessageId());
			assertThat(held.reason()).contains("another sender");
			assertThat(held.outcome()).isEqualTo("RECORDED");
			assertThat(held.answers().get(0)).isEqualTo(new HeldMail.Answer(1, held.answers().get(0).question(),
					"Assistentens svar om brist.", "Chefens eget svar."));
			assertThat(held.answers().get(1).inEmail()).isEqualTo("Introduktion för nyanställda.");
			assertThat(held.answers().get(1).recorded()).isNull();
		});

		assertThat(run("review")).isZero();
		assertThat(output()).contains("From:     assistent@kumla.example.org")
			.contains("Subject:  SV: ")
			.contains("Date:     2026-12-")
			.contains("in the email: Assistentens svar om brist.")
			.contains("recorded now: Chefens eget svar.")
			.contains("in the email: Introduktion för nyanställda.");
		this.mvc.perform(get("/api/email/review"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].from").value("assistent@kumla.example.org"))
			.andExpect(jsonPath("$[0].answers[0].inEmail").value("Assistentens svar om brist."))
			.andExpect(jsonPath("$[0].answers[0].recorded").value("Chefens eget svar."));
	}

	@Test
	void acceptingKeepsAnswersAlreadyRecordedWithoutReplaceAndSaysWhichWereKept() throws Exception {
		Round round = round("granska-behall");

		assertThat(run("review", "accept", round.heldId().toString(), round.chief().email(), "--operator", "olle"))
			.isZero();

		assertThat(output()).contains("RECORDED")
			.contains("recorded: questions 2")
			.contains("kept the person's own answer: questions 1")
			.contains("--replace");
		ResponseState state = this.responses.find(round.sendOut(), round.chief().id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isEqualTo(new TextAnswer("Chefens eget svar."));
		assertThat(state.steps().get(1).answer()).isEqualTo(new TextAnswer("Introduktion för nyanställda."));
		assertThat(this.responses.history(state.id())).filteredOn(entry -> entry.action() == Action.ANSWERED)
			.filteredOn(entry -> "olle".equals(entry.operator()))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.originalSender()).isEqualTo("assistent@kumla.example.org");
				assertThat(entry.sourceMessageId()).isEqualTo(round.heldMessageId());
			});
		assertThat(this.review.held()).isEmpty();
	}

	@Test
	void replacingRecordsTheOperatorTheEmailAndItsSenderInTheAuditTrail() throws Exception {
		Round round = round("granska-ersatt");

		assertThat(run("review", "accept", round.heldId().toString(), round.chief().email(), "--replace", "--operator",
				"olle"))
			.isZero();

		assertThat(output()).contains("replaced: questions 1");
		ResponseState state = this.responses.find(round.sendOut(), round.chief().id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isEqualTo(new TextAnswer("Assistentens svar om brist."));
		List<AuditEntry> history = this.responses.history(state.id());
		assertThat(history).filteredOn(entry -> entry.action() == Action.CHANGED).singleElement().satisfies(entry -> {
			assertThat(entry.before()).isEqualTo(new TextAnswer("Chefens eget svar."));
			assertThat(entry.operator()).isEqualTo("olle");
			assertThat(entry.originalSender()).isEqualTo("assistent@kumla.example.org");
			assertThat(entry.sourceMessageId()).isEqualTo(round.heldMessageId());
			assertThat(entry.at()).isEqualTo(this.clock.instant());
		});
		assertThat(run("response", round.sendOut().value(), round.chief().email())).isZero();
		assertThat(output()).contains("CHANGED")
			.contains("by operator olle, sent by assistent@kumla.example.org")
			.contains("ACCEPTED_FROM_REVIEW");
		assertThat(history).filteredOn(entry -> entry.action() == Action.ACCEPTED_FROM_REVIEW)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.step()).isNull();
				assertThat(entry.operator()).isEqualTo("olle");
				assertThat(entry.originalSender()).isEqualTo("assistent@kumla.example.org");
				assertThat(entry.sourceMessageId()).isEqualTo(round.heldMessageId());
			});
	}

	@Test
	void thePersonWhoseResponseChangedGetsAConfirmationNamingTheSender() throws Exception {
		Round round = round("granska-bekrafta");

		this.review.accept(round.heldId(), round.chief().id(), "olle", false);

		List<MimeMessage> confirmations = inbox(round.chief().email()).stream()
			.filter(m -> subject(m).startsWith("Tack för ditt svar"))
			.filter(m -> header(m, "In-Reply-To") != null
					&& Arrays.asList(header(m, "In-Reply-To")).contains(round.heldMessageId()))
			.toList();
		assertThat(confirmations).singleElement().satisfies(confirmation -> {
			assertThat(body(confirmation)).contains("handläggare")
				.contains("behöll ditt eget svar: 1")
				.contains("Chefens eget svar.")
				.contains("Introduktion för nyanställda.");
			assertThat(body(confirmation)).contains("assistent@kumla.example.org");
		});
		assertThat(inbox("assistent@kumla.example.org")).as("only the note that the reply waits for review")
			.filteredOn(m -> header(m, "In-Reply-To") != null
					&& Arrays.asList(header(m, "In-Reply-To")).contains(round.heldMessageId()))
			.singleElement()
			.satisfies(note -> assertThat(subject(note)).startsWith("Ditt svar väntar på granskning"));
	}

	@Test
	void theHttpEndpointReplacesOnlyWithReplaceAndNamesTheOperatorFromItsHeader() throws Exception {
		Round round = round("granska-http");

		this.mvc
			.perform(post("/api/email/review/{id}/accept", round.heldId()).param("person", round.chief().email())
				.param("replace", "true")
				.header("X-Samla-Operator", "karin-på-kansliet"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RECORDED"))
			.andExpect(jsonPath("$.replaced[0]").value(1))
			.andExpect(jsonPath("$.confirmedTo").value(round.chief().email()));

		ResponseState state = this.responses.find(round.sendOut(), round.chief().id()).orElseThrow();
		assertThat(this.responses.history(state.id())).filteredOn(entry -> entry.action() == Action.CHANGED)
			.extracting(AuditEntry::operator)
			.containsExactly("karin-på-kansliet");
		this.mvc.perform(post("/api/email/review/{id}/accept", round.heldId()).param("person", round.chief().email()))
			// decided already: a conflict with the email's state, not a malformed request
			.andExpect(status().isConflict());
	}

	@Test
	void refusesAnIdThatIsNotAHeldEmailInOneLine() {
		assertThat(run("review", "accept", "nope", "x@example.org")).isOne();
		assertThat(this.errors.toString(StandardCharsets.UTF_8)).hasLineCount(1).contains("ID must be the id");
		assertThatThrownBy(() -> this.review.accept(UUID.randomUUID(), null, "olle", false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no email held for review");
	}

	/**
	 * A round where the chief answered question 1 by email and an assistant then replied
	 * to the chief's invitation with answers to questions 1 and 2.
	 */
	private Round round(String id) throws Exception {
		SendOutId sendOut = Stockholm.stepTwo(this.sendOuts, id, "Kartläggning steg 2 (granskning)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person chief = this.sendOuts.recipients(this.sendOuts.find(sendOut).orElseThrow()).get(0);
		MimeMessage invitation = inbox(chief.email()).stream()
			.filter(m -> subject(m).contains("(granskning)"))
			.reduce((first, second) -> second)
			.orElseThrow();
		String own = "<" + id + "-egen@kumla.example.org>";
		assertThat(this.processor.accept(raw(reply(invitation, chief.email(), own, "1. Chefens eget svar.")), null))
			.isEqualTo(InboundStatus.RECORDED);
		this.clock.set(at(2026, 12, 2, 10, 0));
		String held = "<" + id + "-assistent@kumla.example.org>";
		assertThat(this.processor.accept(raw(reply(invitation, "assistent@kumla.example.org", held, """
				1. Assistentens svar om brist.
				2. Introduktion för nyanställda.
				""")), null)).isEqualTo(InboundStatus.REVIEW);
		UUID heldId = this.jdbc.sql("SELECT id FROM email_inbound WHERE message_id = ?")
			.param(held)
			.query(UUID.class)
			.single();
		return new Round(sendOut, chief, heldId, held);
	}

	private record Round(SendOutId sendOut, Person chief, UUID heldId, String heldMessageId) {
	}

	private static MimeMessage reply(MimeMessage invitation, String from, String messageId, String body)
			throws Exception {
		MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
		reply.setFrom(new InternetAddress(from));
		reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
		reply.setSubject("SV: " + invitation.getSubject(), "UTF-8");
		reply.setHeader("In-Reply-To", invitation.getMessageID());
		reply.setSentDate(new java.util.Date());
		reply.setText(body, "UTF-8");
		reply.saveChanges();
		reply.setHeader("Message-ID", messageId);
		return reply;
	}

	private static byte[] raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message.writeTo(bytes);
		return bytes.toByteArray();
	}

	private static List<MimeMessage> inbox(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
	}

	private static String body(MimeMessage message) {
		try {
			return (String) message.getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int run(String command, String... args) {
		this.out.reset();
		this.errors.reset();
		return this.commands.run(command, new Options(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8));
	}

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
