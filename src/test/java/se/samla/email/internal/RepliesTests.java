package se.samla.email.internal;

import java.time.Clock;
import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer to a person's email is reported as sent only when a mail server took it. */
class RepliesTests {

	@Test
	void saysNothingWasSentWhereNoMailServerIsConfigured() throws Exception {
		Replies replies = new Replies(new StaticListableBeanFactory().getBeanProvider(JavaMailSenderImpl.class), null,
				null, null, Clock.systemUTC());

		boolean sent = replies.send(null, null, "confirm/<x@example.org>", "Tack", List.of("Tack!"),
				new MimeMessage((Session) null));

		assertThat(sent).isFalse();
	}

}
