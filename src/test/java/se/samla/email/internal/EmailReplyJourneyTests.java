package se.samla.email.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
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
import se.samla.campaigns.Audience;
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.digests.Digest;
import se.samla.digests.Digests;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.email.HeldMail;
import se.samla.email.MailExplanation;
import se.samla.email.MailInspector;
import se.samla.email.MailReview;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.FreePorts;
import se.samla.support.Mails;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.header;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;

/**
 * End to end over real SMTP and IMAP (GreenMail): invitation, a reply from a mail client,
 * answers recorded with the email as their source, a confirmation back, the same email
 * never counted twice, an out-of-office never taken for an answer, and reminders only to
 * those still missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost", "samla.email.imap.enabled=true", "samla.email.imap.host=localhost",
				"samla.email.imap.ssl=false", "samla.email.imap.username=enkat@samla.example.org",
				"samla.email.imap.password=enkat@samla.example.org", "samla.email.imap.idle=false" })
@Import(TestClockConfiguration.class)
class EmailReplyJourneyTests {

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
	InboundProcessor processor;

	@Autowired
	ResponseManagement responses;

	@Autowired
	MailInspector inspector;

	@Autowired
	MailReview review;

	@Autowired
	se.samla.campaigns.ContactRoutes routes;

	@Autowired
	MutableClock clock;

	@Autowired
	SendOutQueries queries;

	@Autowired
	Digests digests;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void plusAddressing() {
		JourneyStart.fresh(mail, this.jdbc);
	}

	@Test
	void recordsAnswersFromAReplyConfirmsThemAndRemindsOnlyThoseMissing() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "mejlsvar", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		Person replying = people.get(0);
		Person silent = people.get(1);
		MimeMessage invitation = inbox(replying.email()).get(0);

		MimeMessage first = reply(invitation, replying, "<svar-1@kumla.example.org>", """
				1. Vi ser brist på sjuksköterskor och behöver rekrytera mer strategiskt.
				2. Introduktionsprogram och språkstöd för nyanställda.

				Med vänlig hälsning
				Karin

				Från: Samla <samla@samla.example.org>
				Skickat: den 1 december 2026 09:00
				Till: Karin <karin@example.org>
				Ämne: Kartläggning steg 2 (mejl)

				1. Vad ser ni för mönster i resultatet?
				""");
		send(first);
		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, replying.id()).orElseThrow();
		assertThat(state.steps().get(0).answer())
			.isEqualTo(new TextAnswer("Vi ser brist på sjuksköterskor och behöver rekrytera mer strategiskt."));
		assertThat(state.steps().get(1).answer())
			.isEqualTo(new TextAnswer("Introduktionsprogram och språkstöd för nyanställda."));
		assertThat(state.steps().get(2).isAnswered()).isFalse();
		assertThat(
				this.jdbc.sql("SELECT DISTINCT channel || ' ' || source_message_id FROM answer WHERE response_id = ?")
					.param(state.id().value())
					.query(String.class)
					.list())
			.containsExactly("EMAIL <svar-1@kumla.example.org>");
		List<MimeMessage> confirmations = confirmations(replying.email());
		assertThat(confirmations).hasSize(1);
		assertThat(confirmations.get(0).getHeader("Auto-Submitted")).containsExactly("auto-replied");
		assertThat(confirmations.get(0).getHeader("In-Reply-To")).containsExactly("<svar-1@kumla.example.org>");
		assertThat((String) confirmations.get(0).getContent()).contains("Introduktionsprogram och språkstöd")
			.contains("3. Vilka ytterligare")
			.contains("(saknar svar)");

		// The same email read again (a crash before the mailbox was marked) changes
		// nothing.
		assertThat(this.processor.accept(raw(first), null)).isEqualTo(InboundStatus.RECEIVED);
		assertThat(this.reader.read()).isZero();
		assertThat(confirmations(replying.email())).hasSize(1);

		MimeMessage outOfOffice = reply(invitation, replying, "<oof-1@kumla.example.org>",
				"Jag är på semester till och med 4 januari.");
		outOfOffice.setSubject("Automatiskt svar: Kartläggning steg 2 (mejl)", "UTF-8");
		send(outOfOffice);
		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<oof-1@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("AUTO_REPLY");

		send(reply(invitation, replying, "<svar-2@kumla.example.org>", """
				3. Gemensam rekrytering med regionen.
				4. Attrahera tillsammans och insatser för chefer.
				"""));
		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(this.responses.find(id, replying.id()).orElseThrow().isSubmitted()).isTrue();

		this.clock.set(at(2026, 12, 8, 9, 0));
		this.dispatcher.run();
		assertThat(inbox(replying.email())).noneMatch(m -> subject(m).startsWith("Påminnelse"));
		assertThat(inbox(silent.email())).anyMatch(m -> subject(m).startsWith("Påminnelse"));
	}

	@Test
	void recordsAnAnswerSignedWithASlashNameWithoutTheSignatureBelowIt() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "signatur", "Kartläggning steg 2 (signatur)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person chief = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		String firstName = chief.name().split(" ")[0];
		send(reply(inbox(chief.email()).get(0), chief, "<signatur@kumla.example.org>", """
				1. Vi ser att bristen på socionomer blir tydligare.
				2. Traineeplatser för nyutexaminerade och handledning i grupp.

				/%s
				%s
				Socialchef
				""".formatted(firstName, chief.name())));

		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, chief.id()).orElseThrow();
		assertThat(state.steps().get(1).answer())
			.isEqualTo(new TextAnswer("Traineeplatser för nyutexaminerade och handledning i grupp."));
		assertThat(confirmations(chief.email())).singleElement()
			.satisfies(confirmation -> assertThat((String) confirmation.getContent()).doesNotContain("/" + firstName));
	}

	@Test
	void aChiefWhoSubmittedChangesAnAnswerByReplyingAgainWithItsNumber() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "mejlandring", "Kartläggning steg 2 (ändra)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person chief = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(chief.email()).get(0);
		send(reply(invitation, chief, "<andra-1@kumla.example.org>", """
				1. Brist på sjuksköterskor.
				2. Introduktionsprogram.
				3. Språkombud.
				4. Gemensam rekrytering.
				"""));
		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(this.responses.find(id, chief.id()).orElseThrow().isSubmitted()).isTrue();

		// every required question is answered, the optional fifth is not: repeating the
		// list with one answer changed is a change, not a reply to some other email
		send(reply(invitation, chief, "<andra-2@kumla.example.org>", """
				1. Brist på sjuksköterskor.
				2. Introduktionsprogram och mentorskap för nyanställda.
				3. Språkombud.
				4. Gemensam rekrytering.

				Mvh
				Karin
				"""));
		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, chief.id()).orElseThrow();
		assertThat(state.steps().get(1).answer())
			.isEqualTo(new TextAnswer("Introduktionsprogram och mentorskap för nyanställda."));
		assertThat(state.isSubmitted()).isTrue();
		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<andra-2@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("RECORDED");
	}

	@Test
	void saysWhyPeopleHaveNotAnsweredFromWhatTheirEmailsSaid() throws Exception {
		SendOutId id = new SendOutId("orsaker");
		this.sendOuts.define(new SendOut(id, "Kartläggning steg 2 (orsaker)", new QuestionnaireId("steg2"),
				new Audience(Set.of(), Set.of(new OrganisationId("kumla"), new OrganisationId("hallsberg")), List.of(),
						false),
				at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		Person away = people.get(0);
		Person unclear = people.get(1);
		Person forwarded = people.get(2);
		Person silent = people.get(3);

		MimeMessage outOfOffice = reply(inbox(away.email()).get(0), away, "<borta@example.org>",
				"Hej! Jag är åter den 7 januari och läser inte min e-post.");
		outOfOffice.setSubject("Automatiskt svar: Kartläggning steg 2", "UTF-8");
		send(outOfOffice);
		send(reply(inbox(unclear.email()).get(0), unclear, "<otydlig@example.org>", """
				1. Brist på sjuksköterskor.
				1. Brist på undersköterskor.
				"""));
		MimeMessage byAssistant = reply(inbox(forwarded.email()).get(0), forwarded, "<assistent@example.org>",
				"1. Brist på chefer.");
		byAssistant.setFrom(new InternetAddress("assistent@kumla.example.org", "Assistenten", "UTF-8"));
		send(byAssistant);
		assertThat(this.reader.read()).isEqualTo(3);

		Map<PersonId, List<RecipientFact>> reasons = this.queries.recipients(id)
			.stream()
			.collect(Collectors.toMap(RecipientStatus::person, RecipientStatus::reasons));
		assertThat(reasons.get(away.id())).first()
			.isEqualTo(new RecipientFact.OutOfOffice(at(2026, 12, 1, 9, 0), LocalDate.of(2027, 1, 7)));
		assertThat(reasons.get(unclear.id())).first()
			.isEqualTo(new RecipientFact.AskedToClarify(at(2026, 12, 1, 9, 0), 1));
		assertThat(reasons.get(forwarded.id())).first()
			.isEqualTo(new RecipientFact.HeldForReview(at(2026, 12, 1, 9, 0)));
		assertThat(reasons.get(silent.id())).first().isInstanceOf(RecipientFact.NoReplyYet.class);

		Digest leads = this.digests.compile(id, Digest.View.PERSONS, Language.SV);
		assertThat(leads.notAnswered()).hasSize(4).allSatisfy(line -> assertThat(line.reason()).isNotBlank());
		assertThat(leads.notAnswered())
			.anySatisfy(line -> assertThat(line.reason()).startsWith("frånvarande till 7 januari 2027"))
			.anySatisfy(line -> assertThat(line.reason()).contains("ombedd att förtydliga en gång"))
			.anySatisfy(line -> assertThat(line.reason()).contains("väntar på granskning"));
	}

	@Test
	void showsAReplyThatRecordedNothingAsAReplyNotAsSilence() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "otolkat", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		// what the intake records for a numbered reply none of whose answers could be
		// read
		this.jdbc
			.sql("""
					INSERT INTO email_inbound (id, message_key, message_id, received_at, status, detail, send_out_id, person_id,
					                           not_understood)
					VALUES (RANDOM_UUID(), '<otolkat@example.org>', '<otolkat@example.org>', ?, 'RECORDED',
					        'NUMBERED, 0 answer(s), 2 not understood', ?, ?, TRUE)
					""")
			.params(java.time.OffsetDateTime.parse("2026-12-02T09:00:00+01:00"), id.value(), person.id().value())
			.update();

		RecipientStatus status = this.queries.recipients(id)
			.stream()
			.filter(s -> s.person().equals(person.id()))
			.findFirst()
			.orElseThrow();

		assertThat(status.reasons()).first()
			.isEqualTo(new RecipientFact.RepliedNotUnderstood(Instant.parse("2026-12-02T08:00:00Z")));
		assertThat(this.queries.texts().describe(status.reasons(), Language.EN))
			.startsWith("replied 2 December 2026, but the reply recorded nothing");
	}

	@Test
	void processesAnEmailKeptButNotProcessedBeforeAStopWhenItIsReadAgain() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "avbrott", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage reply = reply(inbox(person.email()).get(0), person, "<avbrott@kumla.example.org>",
				"1. Svar som kom fram före avbrottet.");
		byte[] raw = raw(reply);
		// The process stopped after keeping the email, before acting on it.
		this.jdbc
			.sql("""
					INSERT INTO email_inbound (id, message_key, message_id, raw, received_at, status)
					VALUES (RANDOM_UUID(), '<avbrott@kumla.example.org>', '<avbrott@kumla.example.org>', ?, CURRENT_TIMESTAMP, 'RECEIVED')
					""")
			.param(raw)
			.update();

		assertThat(this.processor.accept(raw, null)).isEqualTo(InboundStatus.RECORDED);
		assertThat(this.processor.accept(raw, null)).isEqualTo(InboundStatus.RECEIVED);

		assertThat(this.responses.find(id, person.id()).orElseThrow().answeredCount()).isOne();
		assertThat(confirmations(person.email())).hasSize(1);
	}

	@Test
	void keepsAReplyWithoutATokenAndRecordsNothing() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "utan-token", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage stray = new MimeMessage(Session.getInstance(new Properties()));
		stray.setFrom(new InternetAddress(person.email()));
		stray.setRecipient(Message.RecipientType.TO, new InternetAddress("enkat@samla.example.org"));
		stray.setSubject("Svar på enkäten", "UTF-8");
		stray.setText("1. Vårt svar", "UTF-8");
		stray.saveChanges();
		stray.setHeader("Message-ID", "<stray@kumla.example.org>");
		send(stray);

		assertThat(this.reader.read()).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<stray@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("NO_TOKEN");
		assertThat(this.responses.find(id, person.id())).isEmpty();
	}

	@Test
	void holdsAReplyFromAnotherSenderForReviewAndRecordsItOnlyWhenAnOperatorAccepts() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "granskning", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person chief = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(chief.email()).get(0);
		MimeMessage byAssistant = reply(invitation, chief, "<assistent@kumla.example.org>", "1. Brist på chefer.");
		byAssistant.setFrom(new InternetAddress("assistent@kumla.example.org", "Assistenten", "UTF-8"));
		send(byAssistant);

		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(this.responses.find(id, chief.id())).isEmpty();
		List<HeldMail> held = this.review.held();
		assertThat(held).singleElement().satisfies(mail -> {
			assertThat(mail.from()).isEqualTo("assistent@kumla.example.org");
			assertThat(mail.invited()).isEqualTo(chief.email());
		});

		assertThat(this.review.accept(held.get(0).id(), chief.id(), "operator", false).outcome()).isEqualTo("RECORDED");

		assertThat(this.responses.find(id, chief.id()).orElseThrow().steps().get(0).answer())
			.isEqualTo(new TextAnswer("Brist på chefer."));
		assertThat(this.review.held()).isEmpty();
		assertThat(this.jdbc.sql("SELECT decision FROM email_review_decision").query(String.class).list())
			.containsExactly("ACCEPTED");
		assertThat(confirmations(chief.email())).hasSize(1);
	}

	@Test
	void aHardBounceMarksTheAddressSoTheNextMessageGoesByTeams() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "studs", "Kartläggning steg 2 (mejl)", "kumla");
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		this.jdbc.sql("INSERT INTO email_token (token, send_out_id, person_id, created_at) VALUES (?, ?, ?, ?)")
			.params("e6tqlw2bxnyr5hcu", id.value(), person.id().value(), java.time.OffsetDateTime.now())
			.update();
		byte[] bounce = java.nio.file.Files
			.readAllBytes(java.nio.file.Path.of("src/test/resources/email/corpus/26-bounce-hard-5.1.1.eml"));

		assertThat(this.processor.accept(bounce, null)).isEqualTo(InboundStatus.BOUNCE);

		assertThat(this.routes.isReachable(person.id(), se.samla.shared.Channel.EMAIL)).isFalse();
		assertThat(this.responses.find(id, person.id())).isEmpty();
		this.routes.markReachable(person.id(), se.samla.shared.Channel.EMAIL);
	}

	@Test
	void asksToClarifyAnAmbiguousReplyAndRecordsNothing() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "otydligt", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		send(reply(inbox(person.email()).get(0), person, "<otydligt@kumla.example.org>", """
				1. Brist på sjuksköterskor.
				1. Brist på undersköterskor.
				"""));

		assertThat(this.reader.read()).isEqualTo(1);

		assertThat(this.responses.find(id, person.id())).isEmpty();
		assertThat(inbox(person.email())).filteredOn(m -> subject(m).startsWith("Vi behöver förtydligande")).hasSize(1);
		send(reply(inbox(person.email()).get(0), person, "<otydligt-igen@kumla.example.org>", "Se svar nedan"));
		assertThat(this.reader.read()).isEqualTo(1);
		assertThat(inbox(person.email())).as("one request to clarify a day")
			.filteredOn(m -> subject(m).startsWith("Vi behöver förtydligande"))
			.hasSize(1);
		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<otydligt@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("AMBIGUOUS");
	}

	@Test
	void recordsAnswersAChiefTypedUnderEachQuestionInOutlooksUnmarkedQuote() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "outlookinline", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(person.email()).get(0);
		StringBuilder quote = new StringBuilder();
		int next = 1;
		for (String line : ReplyBody.extract(invitation).text().split("\n")) {
			quote.append(line).append('\n');
			if (next <= 5 && line.startsWith(next + ". ")) {
				quote.append("Vårt svar ").append(next).append(" står här.\n");
				next++;
			}
		}
		assertThat(next).as("all five questions found in the invitation's text").isEqualTo(6);
		send(reply(invitation, person, "<outlook-inline@kumla.example.org>", """
				Hej! Svaren står under respektive fråga.

				Från: Samla <samla@samla.example.org>
				Skickat: den 1 december 2026 09:00
				Till: %s <%s>
				Ämne: Kartläggning steg 2 (mejl)

				%s""".formatted(person.name(), person.email(), quote)));

		assertThat(this.reader.read()).isEqualTo(1);

		ResponseState state = this.responses.find(id, person.id()).orElseThrow();
		assertThat(state.steps().get(0).answer()).isEqualTo(new TextAnswer("Vårt svar 1 står här."));
		assertThat(state.steps().get(4).answer()).isEqualTo(new TextAnswer("Vårt svar 5 står här."));
		assertThat(state.isSubmitted()).isTrue();
		assertThat(inbox(person.email())).noneMatch(m -> subject(m).startsWith("Vi behöver förtydligande"));
	}

	@Test
	void answersAReplyToAClosedSendOutPolitelyAndRecordsNothing() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "stangt", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(person.email()).get(0);
		this.clock.set(at(2026, 12, 21, 9, 0));
		send(reply(invitation, person, "<sent@kumla.example.org>", "1. Ett sent svar."));

		assertThat(this.reader.read()).isEqualTo(1);

		assertThat(this.responses.find(id, person.id())).isEmpty();
		assertThat(inbox(person.email())).anyMatch(m -> subject(m).startsWith("Utskicket är stängt"));
	}

	@Test
	void explainsWhatAnEmailWouldRecordWithoutChangingAnything() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "forklaring", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = inbox(person.email()).get(0);
		byte[] reply = raw(reply(invitation, person, "<forklaring@kumla.example.org>", """
				Fråga 1: Svårt att rekrytera sjuksköterskor.
				Fråga 4: Attrahera tillsammans.
				"""));

		MailExplanation explanation = this.inspector.explain(reply);

		assertThat(explanation.status()).isEqualTo("RECORDED");
		assertThat(explanation.sendOut()).isEqualTo("forklaring");
		assertThat(explanation.personName()).isEqualTo(person.name());
		assertThat(explanation.answers()).extracting(MailExplanation.Answer::number).containsExactly(1, 4);
		assertThat(explanation.answers().get(1).answer()).isEqualTo("Attrahera tillsammans.");
		assertThat(this.responses.find(id, person.id())).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM email_inbound").query(Long.class).single()).isZero();
	}

	private MimeMessage reply(MimeMessage invitation, Person from, String messageId, String body) throws Exception {
		MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
		reply.setFrom(new InternetAddress(from.email(), from.name(), "UTF-8"));
		reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
		reply.setSubject("SV: " + invitation.getSubject(), "UTF-8");
		reply.setHeader("In-Reply-To", invitation.getMessageID());
		reply.setText(body, "UTF-8");
		reply.saveChanges();
		reply.setHeader("Message-ID", messageId);
		return reply;
	}

	private static void send(MimeMessage message) throws Exception {
		Mails.send(mail.getSmtp().getPort(), message);
	}

	private static byte[] raw(MimeMessage message) throws Exception {
		return Mails.raw(message);
	}

	private static List<MimeMessage> inbox(String address) {
		return Mails.inbox(mail, address);
	}

	private static List<MimeMessage> confirmations(String address) {
		return Mails.confirmations(mail, address);
	}

}
