package se.samla.email.internal;

import java.time.LocalDate;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
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

import se.samla.support.Mails;
import se.samla.answers.ResponseManagement;
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;

import static se.samla.support.Mails.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;

/**
 * End to end over real SMTP and IMAP: an absence notice that carries none of the
 * auto-reply headers (an Outlook rule, a notice written by hand) is not recorded as an
 * answer, status shows the person as away until the day the notice states, and their next
 * reminder waits until after that day while everyone else is reminded on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost", "samla.email.imap.enabled=true", "samla.email.imap.host=localhost",
				"samla.email.imap.ssl=false", "samla.email.imap.username=enkat@samla.example.org",
				"samla.email.imap.password=enkat@samla.example.org", "samla.email.imap.idle=false" })
@Import(TestClockConfiguration.class)
class AbsenceNoticeJourneyTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailPorts(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("samla.email.imap.port", () -> mail.getImap().getPort());
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
	SendOutQueries queries;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void plusAddressing() {
		JourneyStart.fresh(mail, this.jdbc);
	}

	@Test
	void anAbsenceNoticeWithoutHeadersIsNotAnAnswerShowsTheReturnDayAndHoldsTheReminderUntilAfterIt() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "franvaro", "Kartläggning steg 2 (frånvaro)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		Person away = people.get(0);
		Person silent = people.get(1);

		// what an Outlook rule sends: the reply's own subject, no Auto-Submitted, no
		// X-Autoreply
		send(reply(inbox(away.email()).get(0), away, "<borta-1@kumla.example.org>", """
				Hej!

				Jag är på konferens och tillbaka torsdag 10 december. Jag läser inte min e-post under tiden.
				Vid brådskande ärenden, kontakta min kollega på 019-123 45.

				Med vänlig hälsning
				%s
				""".formatted(away.name())));
		assertThat(this.reader.read()).isEqualTo(1);

		assertThat(this.jdbc.sql("SELECT status FROM email_inbound WHERE message_id = '<borta-1@kumla.example.org>'")
			.query(String.class)
			.single()).isEqualTo("AUTO_REPLY");
		assertThat(this.responses.find(id, away.id())).isEmpty();
		assertThat(inbox(away.email())).hasSize(1);
		RecipientStatus status = this.queries.recipients(id)
			.stream()
			.filter(recipient -> recipient.person().equals(away.id()))
			.findFirst()
			.orElseThrow();
		assertThat(status.reasons()).first()
			.isEqualTo(new RecipientFact.OutOfOffice(at(2026, 12, 1, 9, 0), LocalDate.of(2026, 12, 10)));

		// the first reminder is due on 8 December: not for someone away until the 10th
		this.clock.set(at(2026, 12, 8, 9, 0));
		this.dispatcher.run();
		assertThat(reminders(silent)).hasSize(1);
		assertThat(reminders(away)).isEmpty();

		this.clock.set(at(2026, 12, 10, 9, 0));
		this.dispatcher.run();
		assertThat(reminders(away)).isEmpty();

		this.clock.set(at(2026, 12, 11, 9, 0));
		this.dispatcher.run();
		assertThat(reminders(away)).hasSize(1);
	}

	private static List<MimeMessage> reminders(Person person) {
		return inbox(person.email()).stream().filter(m -> subject(m).startsWith("Påminnelse")).toList();
	}

	private static void send(MimeMessage message) throws Exception {
		Mails.send(mail.getSmtp().getPort(), message);
	}

	private static List<MimeMessage> inbox(String address) {
		return Mails.inbox(mail, address);
	}

}
