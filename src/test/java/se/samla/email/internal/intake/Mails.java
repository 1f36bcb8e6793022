package se.samla.email.internal.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Builds messages for tests from raw RFC 5322 text, read as the intake reads them. */
final class Mails {

	static final Addresses ADDRESSES = Addresses.defaults("samla.example.org");

	private Mails() {
	}

	/** Parses raw message text; lines may end in LF, as in Java text blocks. */
	static MimeMessage parse(String raw) {
		return parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

	static MimeMessage parse(InputStream in) {
		try (in) {
			return LenientMessage.parse(in.readAllBytes());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
