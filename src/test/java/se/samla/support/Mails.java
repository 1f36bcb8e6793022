package se.samla.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import se.samla.directory.Person;

/**
 * Test mail as a person's mail client writes, sends and receives it: reads received mail
 * without checked exceptions, and sends over real SMTP what a client wrote.
 */
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

	/** The message's bytes, as they would go over the wire. */
	public static byte[] raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	/**
	 * Sends a message as a mail client does, over SMTP to {@code localhost:port}, keeping
	 * the Message-ID the client gave it.
	 */
	public static void send(int port, MimeMessage message) throws Exception {
		send(port, raw(message), false);
	}

	/**
	 * Sends bytes exactly as a mailer wrote them, broken MIME included: neither the
	 * Message-ID nor any other header is rewritten on the way.
	 */
	public static void sendAsWritten(int port, byte[] raw) throws Exception {
		send(port, raw, true);
	}

	private static void send(int port, byte[] raw, boolean asWritten) throws Exception {
		Properties settings = new Properties();
		settings.put("mail.smtp.host", "localhost");
		settings.put("mail.smtp.port", String.valueOf(port));
		MimeMessage copy = new MimeMessage(Session.getInstance(settings), new ByteArrayInputStream(raw)) {

			@Override
			protected void updateMessageID() {
				// keep the client's Message-ID, as a real mail client's message has its
				// own
			}

			@Override
			protected void updateHeaders() throws MessagingException {
				if (!asWritten) {
					super.updateHeaders();
				}
			}

		};
		Transport.send(copy, copy.getAllRecipients());
	}

	/** What the mail server received for one address, in order. */
	public static List<MimeMessage> inbox(GreenMailOperations mail, String address) {
		return Arrays.stream(mail.getReceivedMessages())
			.filter(message -> recipient(message).equalsIgnoreCase(address))
			.toList();
	}

	/** The confirmations Samla sent an address. */
	public static List<MimeMessage> confirmations(GreenMailOperations mail, String address) {
		return inbox(mail, address).stream().filter(m -> subject(m).startsWith("Tack för ditt svar")).toList();
	}

	/**
	 * A plain-text reply to an invitation, as a mail client writes it: to the
	 * invitation's Reply-To, "SV: " before its subject, In-Reply-To its Message-ID.
	 */
	public static MimeMessage reply(MimeMessage invitation, Person from, String messageId, String body)
			throws Exception {
		MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
		reply.setFrom(new InternetAddress(from.email(), from.name(), "UTF-8"));
		reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
		reply.setSubject("SV: " + invitation.getSubject(), "UTF-8");
		reply.setHeader("In-Reply-To", invitation.getMessageID());
		reply.setText(body, "UTF-8");
		reply.saveChanges();
		reply.setHeader("Message-ID", messageId);
		return reply;
	}

}
