package se.samla.email.internal;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import se.samla.email.EmailProperties;
import se.samla.web.SignInLinkRequested;

/**
 * Sends a project lead the sign-in link they asked for, at once (not through the outbox:
 * a link nobody received is asked for again, and the link must not be stored). A failure
 * is logged, never shown to whoever asked, so the form reveals nothing.
 */
@Component
class SignInMails {

	private static final Logger log = LoggerFactory.getLogger(SignInMails.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final EmailProperties properties;

	private final MessageSource messages;

	SignInMails(ObjectProvider<JavaMailSender> sender, EmailProperties properties, MessageSource messages) {
		this.sender = sender;
		this.properties = properties;
		this.messages = messages;
	}

	@EventListener
	void send(SignInLinkRequested request) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.warn("A sign-in link was asked for, but no mail server is configured: it was not sent");
			return;
		}
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(), "UTF-8"));
			helper.setTo(new InternetAddress(request.email(), request.name(), "UTF-8"));
			helper.setSubject(this.messages.getMessage("email.sign-in.subject", null, request.language().locale()));
			helper.setText(this.messages.getMessage("email.sign-in.text",
					new Object[] { request.name(), request.link(), request.minutes() }, request.language().locale()));
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Auto-Response-Suppress", "All");
			mail.send(message);
		}
		catch (Exception ex) {
			log.warn("A sign-in link could not be sent: {}", ex.getClass().getSimpleName());
		}
	}

}
