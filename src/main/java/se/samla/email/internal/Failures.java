package se.samla.email.internal;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;

/**
 * Tells a failure that passes (the database or the mail server away for a while) from one
 * that the same email will always meet, so that the first is tried again and the second
 * goes to a person at once.
 */
final class Failures {

	private Failures() {
	}

	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataIntegrityViolationException) {
				return false;
			}
			if (cause instanceof DataAccessException || cause instanceof SQLException || cause instanceof MailException
					|| cause instanceof SocketException || cause instanceof SocketTimeoutException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
