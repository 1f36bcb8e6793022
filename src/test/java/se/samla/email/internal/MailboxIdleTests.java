package se.samla.email.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With IMAP IDLE a reply is read within seconds, long before the next poll (an hour away
 * here): the watcher nudges the Quartz mailbox job as soon as the server reports mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost", "spring.mail.port=3026", "samla.email.imap.enabled=true",
				"samla.email.imap.host=localhost", "samla.email.imap.port=3144", "samla.email.imap.ssl=false",
				"samla.email.imap.username=enkat@samla.example.org",
				"samla.email.imap.password=enkat@samla.example.org", "samla.email.imap.poll-interval=1h",
				"samla.campaigns.dispatch-interval=1h", "spring.quartz.auto-startup=true" })
@Import(TestClockConfiguration.class)
class MailboxIdleTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup[] { new ServerSetup(3026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(3144, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
		.withConfiguration(
				GreenMailConfiguration.aConfig().withUser("enkat@samla.example.org", "enkat@samla.example.org"))
		.withPerMethodLifecycle(false);

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ResponseManagement responses;

	@Autowired
	MutableClock clock;

	@Test
	void readsAReplyAsSoonAsItArrives() throws Exception {
		mail.getUserManager().setMessageDeliveryHandler(new PlusAddressing(mail.getUserManager()));
		SendOutId id = new SendOutId("idle");
		this.clock.set(LocalDateTime.of(2026, 12, 1, 9, 0).atZone(STOCKHOLM).toInstant());
		this.sendOuts.define(new SendOut(id, "Kartläggning steg 2 (idle)", new QuestionnaireId("steg2"),
				new Audience(Set.of(), Set.of(new OrganisationId("nora")), List.of(), false),
				LocalDateTime.of(2026, 12, 1, 8, 0).atZone(STOCKHOLM).toInstant(),
				LocalDateTime.of(2026, 12, 18, 17, 0).atZone(STOCKHOLM).toInstant(), null, null, "test",
				SendOutRules.defaults(STOCKHOLM), null));
		this.dispatcher.run();
		Person person = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).get(0);
		MimeMessage invitation = java.util.Arrays.stream(mail.getReceivedMessages())
			.filter(m -> recipient(m).equals(person.email()))
			.findFirst()
			.orElseThrow();
		Thread.sleep(1500);

		Properties settings = new Properties();
		settings.put("mail.smtp.host", "localhost");
		settings.put("mail.smtp.port", "3026");
		MimeMessage reply = new MimeMessage(Session.getInstance(settings));
		reply.setFrom(new InternetAddress(person.email()));
		reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
		reply.setSubject("SV: " + invitation.getSubject(), "UTF-8");
		reply.setText("1. Vi behöver fler sjuksköterskor.", "UTF-8");
		Transport.send(reply);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.responses.find(id, person.id()).map(state -> state.answeredCount() == 1).orElse(false));
		assertThat(this.responses.find(id, person.id()).orElseThrow().steps().get(0).isAnswered()).isTrue();
	}

	private static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
