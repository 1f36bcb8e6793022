package se.samla.email.internal;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a kept email's bytes as a message, the one way every part of the email module
 * does. Headers written in raw UTF-8 instead of RFC 2047 words (RFC 6532, and what many
 * clients and list servers send) are read as UTF-8: Jakarta Mail's default reads them as
 * ISO-8859-1, and a Swedish subject or sender's name comes out as "KartlÃ¤ggning".
 */
final class RawMail {

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		SESSION = Session.getInstance(properties);
	}

	private RawMail() {
	}

	static MimeMessage parse(byte[] raw) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
	}

}
