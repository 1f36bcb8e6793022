package se.samla.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads received test mail without checked exceptions. */
public final class Mails {

	private Mails() {
	}

	public static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String[] header(MimeMessage message, String name) {
		try {
			return message.getHeader(name);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
