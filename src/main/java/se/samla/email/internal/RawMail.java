package se.samla.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import se.samla.email.internal.intake.LenientMessage;

/**
 * Reads a kept email's bytes as a message, the one way every part of the email module
 * does: strictly when the message is well-formed, leniently when it is not (see
 * {@link LenientMessage}), so that broken MIME never makes an email unprocessable.
 */
final class RawMail {

	private RawMail() {
	}

	static MimeMessage parse(byte[] raw) throws MessagingException {
		return LenientMessage.parse(raw);
	}

}
