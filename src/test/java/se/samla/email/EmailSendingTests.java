package se.samla.email;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import se.samla.answers.Source;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import static se.samla.support.Mails.header;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;
import static se.samla.support.Stockholm.at;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and reminders go out over real SMTP (GreenMail), numbered and answerable by
 * reply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
				"samla.email.from=samla@region.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost" })
@Import(TestClockConfiguration.class)
class EmailSendingTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	se.samla.web.AnswerLinks links;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clear() throws Exception {
		mail.purgeEmailFromAllMailboxes();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
	}

	@Test
	void sendsANumberedInvitationThatCanBeAnsweredByReply() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "mejl-inbjudan", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();

		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage invitation = received[0];
		assertThat(invitation.getSubject()).startsWith("Kartläggning steg 2 (mejl) – svara senast 18 december 2026");
		assertThat(invitation.getReplyTo()[0].toString()).matches("enkat\\+[a-z2-7]{16}@samla\\.example\\.org");
		assertThat(invitation.getHeader("X-Auto-Response-Suppress")).containsExactly("OOF, AutoReply");
		assertThat(invitation.getHeader("Auto-Submitted")).isNull();
		assertThat(invitation.getMessageID()).matches("<samla\\.[0-9a-f]{32}@samla\\.example\\.org>");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM email_sent WHERE message_id = ?")
			.param(invitation.getMessageID())
			.query(Long.class)
			.single()).isOne();
		MimeMultipart alternative = (MimeMultipart) invitation.getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		String text = GreenMailUtil.getBody(alternative.getBodyPart(0));
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
		String plain = (String) alternative.getBodyPart(0).getContent();
		assertThat(plain).contains("1. Vad ser ni för mönster i resultatet")
			.contains("5. Övriga tankar/medskick")
			.contains("Skriv frågans nummer före varje svar")
			.contains("Sista svarsdag är 18 december 2026");
		assertThat(text).isNotBlank();

		// the personal link to the answer pages, in both parts, opening this person's
		// response
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("Du kan också svara i webbläsaren: (http://localhost:8080/svar/([A-Za-z0-9_-]{43}))")
			.matcher(plain);
		assertThat(link.find()).as("the web link in %s", plain).isTrue();
		assertThat((String) alternative.getBodyPart(1).getContent()).contains("href=\"" + link.group(1) + "\"")
			.contains("Svara i webbläsaren");
		Person invited = this.directory.personByEmail(recipient(invitation)).orElseThrow();
		assertThat(this.links.resolve(link.group(2))).hasValue(new se.samla.web.AnswerLinks.Target(id, invited.id()));
	}

	@Test
	void remindsOnlyThoseMissingThreadedUnderTheInvitationAndShowsWhatIsAnswered() throws Exception {
		SendOutId id = Stockholm.stepTwo(this.sendOuts, "mejl-paminnelse", "Kartläggning steg 2 (mejl)", "kumla");
		this.clock.set(at(2026, 12, 1, 9, 0));
		this.dispatcher.run();
		List<Person> people = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		Person answered = people.get(0);
		Person partly = people.get(1);
		ResponseState done = this.responses.startOrResume(id, answered.id(), Channel.EMAIL);
		done.steps()
			.stream()
			.filter(step -> step.question().required())
			.forEach(step -> this.responses.answer(done.id(), step.key(), new TextAnswer("Svar"),
					Source.of(Channel.EMAIL, null)));
		this.responses.submit(done.id(), Source.of(Channel.EMAIL, null));
		ResponseState started = this.responses.startOrResume(id, partly.id(), Channel.EMAIL);
		this.responses.answer(started.id(), started.steps().get(0).key(), new TextAnswer("Brist på sjuksköterskor"),
				Source.of(Channel.EMAIL, null));
		String invitationId = Arrays.stream(mail.getReceivedMessages())
			.filter(m -> recipient(m).equals(partly.email()))
			.findFirst()
			.orElseThrow()
			.getMessageID();

		this.clock.set(at(2026, 12, 8, 9, 0));
		this.dispatcher.run();

		List<MimeMessage> reminders = Arrays.stream(mail.getReceivedMessages())
			.filter(m -> header(m, "Auto-Submitted") != null)
			.toList();
		assertThat(mail.getReceivedMessages()).hasSize(3);
		assertThat(reminders).hasSize(1);
		MimeMessage reminder = reminders.get(0);
		assertThat(recipient(reminder)).isEqualTo(partly.email());
		assertThat(reminder.getSubject()).startsWith("Påminnelse: Kartläggning steg 2 (mejl)");
		assertThat(reminder.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(reminder.getHeader("In-Reply-To")).containsExactly(invitationId);
		String plain = (String) ((MimeMultipart) reminder.getContent()).getBodyPart(0).getContent();
		assertThat(plain).contains("Ditt svar hittills: Brist på sjuksköterskor");
	}

}
