package se.samla.email.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import se.samla.campaigns.Delivery;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.OutgoingMessage;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

/**
 * Sends Samla's messages by SMTP. Consecutive messages of one dispatch run share one SMTP
 * connection (one EHLO, many MAIL FROM), closed at the end of the run. A recipient the
 * server refuses outright (5xx) makes the address unreachable, so the dispatcher tries
 * Teams; a connection problem is a passing failure, retried on a later run.
 */
@Component
@ConditionalOnProperty(name = "samla.email.enabled", havingValue = "true")
class EmailChannel implements MessageChannel {

	private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

	private final JavaMailSenderImpl sender;

	private final MailComposer composer;

	private final EmailRecords records;

	private final Clock clock;

	private final MailLogin login;

	private Transport transport;

	/** Reply tokens prepared for the messages of the current run, by outbox key. */
	private final Map<String, String> tokens = new HashMap<>();

	EmailChannel(JavaMailSenderImpl sender, MailComposer composer, EmailRecords records, Clock clock, MailLogin login) {
		this.sender = sender;
		this.login = login;
		this.composer = composer;
		this.records = records;
		this.clock = clock;
		// JavaMail looks its stream provider up for every body part it creates: through
		// ServiceLoader (reading the service files of every jar) unless the provider is
		// named, which makes it one reflective call. That lookup was a fifth of a
		// send-out's time (BENCHMARKS.md, "A send-out end to end").
		System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean canReach(Person person) {
		return person.email() != null && !person.email().isBlank();
	}

	@Override
	public synchronized void prepare(List<OutgoingMessage> messages) {
		Map<SendOutId, List<OutgoingMessage>> bySendOut = new LinkedHashMap<>();
		messages.forEach(
				message -> bySendOut.computeIfAbsent(message.sendOut().id(), id -> new ArrayList<>()).add(message));
		bySendOut.forEach((sendOut, ofSendOut) -> {
			Map<PersonId, String> tokens = this.records.tokensFor(sendOut,
					ofSendOut.stream().map(message -> message.recipient().id()).toList(), this.clock.instant());
			ofSendOut.forEach(message -> {
				String token = tokens.get(message.recipient().id());
				if (token != null) {
					this.tokens.put(message.key().value(), token);
				}
			});
		});
	}

	@Override
	public synchronized Delivery deliver(OutgoingMessage message) {
		String token = token(message);
		SMTPMessage mail;
		try {
			mail = this.composer.compose(session(), message, token);
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			return new Delivery.Unreachable("cannot write the message: " + ex.getMessage());
		}
		try {
			Transport connected = transport();
			connected.sendMessage(mail, mail.getAllRecipients());
			return new Delivery.Sent(this.composer.messageId(message.key()));
		}
		catch (SendFailedException refused) {
			Address[] invalid = refused.getInvalidAddresses();
			if (invalid != null && invalid.length > 0) {
				return new Delivery.Unreachable("address refused by the mail server: " + refused.getMessage());
			}
			closeQuietly();
			return new Delivery.Failed("mail server did not accept the message: " + refused.getMessage());
		}
		catch (MessagingException ex) {
			closeQuietly();
			return new Delivery.Failed("mail server unavailable: " + ex.getMessage());
		}
	}

	/**
	 * Keeps the Message-ID of a sent message with its reply token, so that a reply that
	 * quotes only In-Reply-To finds its send-out and person.
	 */
	@Override
	public synchronized void accepted(OutgoingMessage message, Delivery.Sent sent) {
		this.records.recordSent(sent.reference(), token(message), message.key().value(), message.kind().name(),
				this.clock.instant());
	}

	/** The token prepared for the message, else the person's token looked up or made. */
	private String token(OutgoingMessage message) {
		String prepared = this.tokens.get(message.key().value());
		return (prepared != null) ? prepared
				: this.records.tokenFor(message.sendOut().id(), message.recipient().id(), this.clock.instant());
	}

	@Override
	public synchronized void endOfBatch() {
		closeQuietly();
		this.tokens.clear();
	}

	private Session session() {
		return this.sender.getSession();
	}

	private Transport transport() throws MessagingException {
		if (this.transport == null || !this.transport.isConnected()) {
			Transport fresh = session()
				.getTransport((this.sender.getProtocol() != null) ? this.sender.getProtocol() : "smtp");
			// the password, or the access token of the moment (a run may outlast a token)
			this.login.connect(fresh, this.sender.getHost(), this.sender.getPort(), this.sender.getUsername(),
					this.sender.getPassword());
			this.transport = fresh;
		}
		return this.transport;
	}

	private void closeQuietly() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing the SMTP connection failed", ex);
			}
			this.transport = null;
		}
	}

}
