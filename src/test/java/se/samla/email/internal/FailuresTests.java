package se.samla.email.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only failures that pass are tried again; the rest go to a person at once. */
class FailuresTests {

	@Test
	void aDatabaseOrMailServerAwayForAWhileIsTransient() {
		assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
		assertThat(Failures.isTransient(new MailSendException("421 try again later"))).isTrue();
		assertThat(Failures.isTransient(new IllegalStateException(new SQLTransientConnectionException("gone"))))
			.isTrue();
		assertThat(Failures.isTransient(new IOException(new ConnectException("refused")))).isTrue();
	}

	@Test
	void whatTheSameEmailWillAlwaysMeetIsNot() {
		assertThat(Failures.isTransient(new IllegalArgumentException("bad"))).isFalse();
		assertThat(Failures.isTransient(new NullPointerException())).isFalse();
		assertThat(Failures.isTransient(new DataIntegrityViolationException("too long"))).isFalse();
		assertThat(Failures.isTransient(new InboundProcessor.UnreadableMailException("no text"))).isFalse();
	}

}
