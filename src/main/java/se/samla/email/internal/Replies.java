package se.samla.email.internal;

import java.time.Clock;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import se.samla.campaigns.SendOut;
import se.samla.directory.Person;
import se.samla.email.EmailProperties;

/**
 * Answers a person's email: confirmations, requests to clarify, notes that a send-out has
 * closed. Threaded under their message, marked {@code Auto-Submitted: auto-replied} (so
 * no auto-responder answers back), with the reply token so they can simply reply again,
 * and a Message-ID derived from the email it answers, so processing an email twice can
 * never produce a second answer with different content.
 */
@Component
class Replies {

	private final ObjectProvider<JavaMailSenderImpl> sender;

	private final MailComposer composer;

	private final EmailRecords records;

	private final EmailProperties properties;

	private final Clock clock;

	Replies(ObjectProvider<JavaMailSenderImpl> sender, MailComposer composer, EmailRecords records,
			EmailProperties properties, Clock clock) {
		this.sender = sender;
		this.composer = composer;
		this.records = records;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return whether the mail server accepted the answer (false: email is off here)
	 */
	boolean send(Person person, SendOut sendOut, String key, String subject, List<String> paragraphs,
			MimeMessage inReplyTo) throws MessagingException, java.io.UnsupportedEncodingException {
		return send(person, sendOut, key, "REPLY", subject, paragraphs, inReplyTo);
	}

	/**
	 * @return whether the mail server accepted the answer (false: email is off here)
	 */
	boolean send(Person person, SendOut sendOut, String key, String kind, String subject, List<String> paragraphs,
			MimeMessage inReplyTo) throws MessagingException, java.io.UnsupportedEncodingException {
		if (this.sender.getIfAvailable() == null) {
			return false;
		}
		return sendTo(new InternetAddress(person.email(), person.name(), "UTF-8"), person, sendOut, key, kind, subject,
				paragraphs, inReplyTo);
	}

	/**
	 * Answers someone other than the invited person about a reply on their invitation (a
	 * colleague who answered a forwarded invitation); a reply to it carries the
	 * invitation's token again.
	 * @param to who sent the email being answered
	 * @param invited the person the invitation (and the token) belongs to
	 * @return whether the mail server accepted the answer (false: email is off here)
	 */
	boolean sendTo(InternetAddress to, Person invited, SendOut sendOut, String key, String kind, String subject,
			List<String> paragraphs, MimeMessage inReplyTo)
			throws MessagingException, java.io.UnsupportedEncodingException {
		JavaMailSenderImpl mailSender = this.sender.getIfAvailable();
		if (mailSender == null) {
			return false;
		}
		String token = this.records.tokenFor(sendOut.id(), invited.id(), this.clock.instant());
		String messageId = this.composer.messageId(key);
		SMTPMessage reply = new MailComposer.StableIdMessage(mailSender.getSession(), messageId);
		reply.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(), "UTF-8"));
		reply.setRecipient(Message.RecipientType.TO, to);
		reply.setReplyTo(new InternetAddress[] { new InternetAddress(this.properties.replyAddress(token)) });
		reply.setEnvelopeFrom(this.properties.bounceAddress(token));
		reply.setSubject(subject, "UTF-8");
		reply.setHeader("Auto-Submitted", "auto-replied");
		reply.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		String original = inReplyTo.getMessageID();
		if (original != null) {
			reply.setHeader("In-Reply-To", original);
			reply.setHeader("References", original);
		}
		reply.setText(String.join("\n\n", paragraphs) + "\n", "UTF-8", "plain");
		reply.saveChanges();
		mailSender.send(reply);
		this.records.recordSent(messageId, token, key, kind, this.clock.instant());
		return true;
	}

}
