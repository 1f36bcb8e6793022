package se.samla.email.internal;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.Mails;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.ChoiceAnswer;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.QuestionnaireId;

import static se.samla.support.Mails.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;

/**
 * The yearly follow-up answered by email, as activity owners write: the invitation
 * numbers the options, an alias or a label with an explanation is understood, a follow-up
 * question appears with a label of its own (1a) while every other number keeps its
 * meaning, confirmations and requests to clarify say per question what was recorded and
 * what was not and why, and a colleague answering on a forwarded invitation is told that
 * the answer waits for the project leads. Real SMTP (GreenMail on a free port); replies
 * are handed to the processor as the mailbox reader would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost" })
@Import(TestClockConfiguration.class)
class FollowUpEmailJourneyTests {

	private static final String OPTIONS = "(1) Genomfört, (2) Pågående, (3) Löpande arbete, (4) Ej påbörjat";

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
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	InboundProcessor processor;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private int replies;

	@BeforeEach
	void onlyThisTestsSendOut() throws Exception {
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void anOwnerAnswersTheFollowUpAsPeopleWriteAndEveryNumberKeepsItsMeaning() throws Exception {
		SendOutId id = followUp("uppfoljning-mejl");
		Person owner = owner();
		MimeMessage invitation = invitation(owner);
		String invited = text(invitation);
		assertThat(invited).contains("1. Planering, fördelning och introduktion")
			.contains("Vad är status för aktiviteten? (svara med alternativets nummer eller namn: " + OPTIONS)
			.contains("2. Planering")
			.contains("3. Planering")
			.doesNotContain("Varför har aktiviteten inte påbörjats")
			.doesNotContain("1a.");

		reply(invitation, owner, "1. Klart");
		assertThat(status(id, owner).answer()).isEqualTo(new ChoiceAnswer("genomfort"));
		String done = text(last(owner));
		assertThat(done).contains("Registrerat från ditt mejl: Genomfört").doesNotContain("1a.");

		reply(invitation, owner, """
				1. Ej påbörjat – budgeten räckte inte i år
				2. Inga effekter ännu.
				""");
		assertThat(status(id, owner).answer()).isEqualTo(new ChoiceAnswer("ej-paborjat", "budgeten räckte inte i år"));
		String notStarted = text(last(owner));
		assertThat(notStarted).contains("1. Planering")
			.contains("Registrerat från ditt mejl: Ej påbörjat – budgeten räckte inte i år")
			.contains("1a. Planering")
			.contains("Varför har aktiviteten inte påbörjats? (följdfråga till fråga 1; frivillig)")
			.contains("2. Planering")
			.contains("3. Planering")
			.doesNotContain("\n4. ");
		assertThat(notStarted.indexOf("1a. ")).isBetween(notStarted.indexOf("1. Planering"),
				notStarted.indexOf("2. Planering"));

		reply(last(owner), owner, """
				1a. Budgeten kom för sent.
				2. Fler sökande till praktiken.
				""");
		List<Step> steps = this.responses.find(id, owner.id()).orElseThrow().steps();
		assertThat(steps).extracting(Step::label).containsExactly("1", "1a", "2", "3");
		assertThat(steps.get(1).answer()).isEqualTo(new TextAnswer("Budgeten kom för sent."));
		assertThat(steps.get(2).answer()).as("2 still means the effects, not the follow-up")
			.isEqualTo(new TextAnswer("Fler sökande till praktiken."));
		assertThat(text(last(owner))).contains("Registrerat från ditt mejl: Budgeten kom för sent.")
			.contains("Registrerat sedan tidigare: Ej påbörjat – budgeten räckte inte i år");
	}

	@Test
	void saysPerQuestionWhatWasRecordedAndWhatWasNotAndWhy() throws Exception {
		SendOutId id = followUp("uppfoljning-otydligt");
		Person owner = owner();
		MimeMessage invitation = invitation(owner);

		reply(invitation, owner, """
				1. Kanske nästa år
				2. Vi ser fler sökande.
				""");

		ResponseState state = this.responses.find(id, owner.id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isNull();
		assertThat(state.steps().get(1).answer()).isEqualTo(new TextAnswer("Vi ser fler sökande."));
		String partly = text(last(owner));
		assertThat(partly).startsWith("Tack! Vi har registrerat en del av det du skrev.")
			.contains("Inte registrerat: Jag förstod inte svaret \"Kanske nästa år\". "
					+ "Svara med alternativets nummer eller namn: " + OPTIONS)
			.contains("Registrerat från ditt mejl: Vi ser fler sökande.");

		reply(invitation, owner, "Pågående, men långsamt");

		assertThat(this.responses.find(id, owner.id()).orElseThrow().steps().get(0).answer()).isNull();
		MimeMessage clarification = last(owner);
		assertThat(subject(clarification)).startsWith("Vi behöver förtydligande");
		assertThat(text(clarification))
			.contains("Vi har inte registrerat något från det ännu, eftersom svaret "
					+ "saknade frågenummer och 2 frågor väntar på svar")
			.contains("1. Planering")
			.contains("Vad är status för aktiviteten? (svara med alternativets nummer eller namn: " + OPTIONS)
			.contains("(saknar svar)")
			.contains("Registrerat sedan tidigare: Vi ser fler sökande.")
			.contains("skriv frågans nummer före varje svar");
	}

	@Test
	void aColleagueAnsweringAForwardedInvitationIsToldItWaitsForTheProjectLeads() throws Exception {
		SendOutId id = followUp("uppfoljning-vidarebefordrat");
		Person owner = owner();
		MimeMessage invitation = invitation(owner);
		Person english = this.directory.personByEmail("daniel.strom@example.org").orElseThrow();

		MimeMessage byColleague = message(invitation, owner, "1. Pågående");
		byColleague.setFrom(new InternetAddress("kollega@hallsberg.example.org", "Kollegan", "UTF-8"));
		assertThat(this.processor.accept(raw(byColleague), null)).isEqualTo(InboundStatus.REVIEW);
		MimeMessage byEnglishColleague = message(invitation, owner, "1. Ongoing");
		byEnglishColleague.setFrom(new InternetAddress(english.email(), english.name(), "UTF-8"));
		// one notice a day per invitation at most
		this.clock.set(this.clock.instant().plus(Duration.ofDays(2)));
		assertThat(this.processor.accept(raw(byEnglishColleague), null)).isEqualTo(InboundStatus.REVIEW);

		assertThat(this.responses.find(id, owner.id())).isEmpty();
		MimeMessage told = inbox("kollega@hallsberg.example.org").get(0);
		assertThat(subject(told)).startsWith("Ditt svar väntar på granskning");
		assertThat(text(told)).contains("Inbjudan gick till " + owner.name())
			.contains("väntar nu på att projektledningen granskar det");
		assertThat(text(inbox(english.email()).get(0))).contains("It now waits for the project leads");
		assertThat(inbox(owner.email())).as("the owner got the invitation only").hasSize(1);
	}

	private SendOutId followUp(String name) {
		SendOutId id = new SendOutId(name + "-" + System.nanoTime());
		this.sendOuts.define(new SendOut(id, "Uppföljning 2026", new QuestionnaireId("uppfoljning"),
				new Audience(Set.of(), Set.of(), List.of(), true), at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null,
				null, "test", SendOutRules.defaults(Stockholm.ZONE), null));
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		return id;
	}

	/** Eva Sjöström owns one plan activity and prefers email. */
	private Person owner() {
		return this.directory.personByEmail("eva.sjostrom@example.org").orElseThrow();
	}

	private Step status(SendOutId id, Person owner) {
		return this.responses.find(id, owner.id()).orElseThrow().steps().get(0);
	}

	private MimeMessage invitation(Person owner) {
		List<MimeMessage> inbox = inbox(owner.email());
		assertThat(inbox).hasSize(1);
		return inbox.get(0);
	}

	/** Replies to a message from Samla and hands the reply to the processor. */
	private void reply(MimeMessage to, Person from, String body) throws Exception {
		assertThat(this.processor.accept(raw(message(to, from, body)), null)).isIn(InboundStatus.RECORDED,
				InboundStatus.AMBIGUOUS);
	}

	/** A reply as a mail client writes it. */
	private MimeMessage message(MimeMessage to, Person from, String body) throws Exception {
		MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
		reply.setFrom(new InternetAddress(from.email(), from.name(), "UTF-8"));
		reply.setRecipients(Message.RecipientType.TO, to.getReplyTo());
		reply.setSubject("SV: " + to.getSubject(), "UTF-8");
		reply.setHeader("In-Reply-To", to.getMessageID());
		reply.setText(body, "UTF-8");
		reply.saveChanges();
		reply.setHeader("Message-ID",
				"<svar-" + (++this.replies) + "-" + System.nanoTime() + "@hallsberg.example.org>");
		return reply;
	}

	private static MimeMessage last(Person person) {
		List<MimeMessage> inbox = inbox(person.email());
		return inbox.get(inbox.size() - 1);
	}

	/** The plain-text part, as a person reading it in a text client sees it. */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return ((String) part.getContent()).replace("\r\n", "\n");
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int index = 0; index < multipart.getCount(); index++) {
				String text = text(multipart.getBodyPart(index));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static List<MimeMessage> inbox(String address) {
		return Mails.inbox(mail, address);
	}

}
