package se.samla.email.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.MessageContent;
import se.samla.campaigns.MessageContent.Attachment;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.OutboxKey;
import se.samla.campaigns.OutgoingMessage;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.EmailProperties;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.web.AnswerLinks;

/**
 * Writes Samla's emails: multipart plain text and HTML from the templates in
 * {@code templates/email/}, in the recipient's language, with the questions numbered as
 * replies should number their answers; a message that carries its content (a digest) is
 * only turned into MIME. The headers carry the reply token, a Message-ID derived from the
 * outbox key (so a message sent again after a crash is the same message) and, on
 * reminders, the marks that keep auto-replies away.
 */
@Component
class MailComposer {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final ResponseManagement responses;

	private final Directory directory;

	private final EmailProperties properties;

	private final ZoneId zone;

	private final ReplyTexts replyTexts;

	private final RenderedBodies bodies;

	private final AnswerLinks links;

	MailComposer(ITemplateEngine templates, MessageSource messages, ResponseManagement responses, Directory directory,
			EmailProperties properties, CampaignProperties campaigns, ReplyTexts replyTexts, AnswerLinks links) {
		this.links = links;
		this.replyTexts = replyTexts;
		this.templates = templates;
		this.bodies = new RenderedBodies(templates);
		this.messages = messages;
		this.responses = responses;
		this.directory = directory;
		this.properties = properties;
		this.zone = campaigns.zone();
	}

	/**
	 * The Message-ID of the mail for an outbox key: stable, so a resend is the same
	 * message.
	 */
	String messageId(OutboxKey outboxKey) {
		return messageId(outboxKey.value());
	}

	/** The Message-ID of a mail that is not in the outbox (a reply), from its own key. */
	String messageId(String outboxKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(outboxKey.getBytes(StandardCharsets.UTF_8));
			return "<samla." + HexFormat.of().formatHex(hash, 0, 16) + "@" + this.properties.domain() + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	SMTPMessage compose(Session session, OutgoingMessage message, String token)
			throws MessagingException, UnsupportedEncodingException {
		if (message.content() != null) {
			return written(session, message, token);
		}
		Person person = message.recipient();
		Language language = person.language();
		Locale locale = language.locale();
		String title = message.sendOut().title();
		String deadline = DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
			.format(message.sendOut().deadline().atZone(this.zone));
		String subjectArgument = switch (message.kind()) {
			case ESCALATION -> Integer.toString(message.missing().size());
			case NO_ROUTE -> names(message).stream().findFirst().orElse("?");
			default -> deadline;
		};
		String subject = text("email.subject." + message.kind().name(), locale, title, subjectArgument);

		Context model = new Context(locale);
		model.setVariable("lang", locale.getLanguage());
		model.setVariable("subject", subject);
		model.setVariable("name", person.name().strip().split("\\s+")[0]);
		List<String> lead = new ArrayList<>();
		lead.add(text("email.lead." + message.kind().name(), locale, title,
				(message.kind() == MessageKind.NO_ROUTE) ? subjectArgument : deadline));
		List<QuestionLine> questions = new ArrayList<>();
		List<String> howTo = new ArrayList<>();
		List<String> people = List.of();
		String webLink = null;
		if (message.kind() == MessageKind.INVITATION || message.kind() == MessageKind.REMINDER
				|| message.kind() == MessageKind.NEW_LINK) {
			webLink = this.links.linkFor(message.sendOut().id(), person.id());
			ResponseState state = this.responses.preview(message.sendOut().id(), person.id());
			if (message.kind() == MessageKind.INVITATION && state.questionnaire().intro() != null) {
				lead.add(state.questionnaire().intro().in(language));
			}
			for (Step step : state.steps()) {
				ReplyTexts.Listed listed = this.replyTexts.listed(step, state, language);
				questions.add(new QuestionLine(listed.label(), listed.item(), listed.text(), listed.hint(),
						step.isAnswered() ? AnswerFormatter.format(step.question(), step.answer(), language) : null));
			}
			howTo.addAll(this.replyTexts.howTo(state.steps(), language));
		}
		else {
			people = names(message);
		}
		model.setVariable("lead", lead);
		model.setVariable("questions", questions);
		model.setVariable("people", people);
		model.setVariable("howTo", howTo);
		model.setVariable("webLink", webLink);

		SMTPMessage mail = new StableIdMessage(session, messageId(message.key()));
		mail.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(), "UTF-8"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(person.email(), person.name(), "UTF-8"));
		mail.setReplyTo(new InternetAddress[] { new InternetAddress(this.properties.replyAddress(token)) });
		mail.setEnvelopeFrom(this.properties.bounceAddress(token));
		mail.setSubject(subject, "UTF-8");
		mail.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		if (message.kind() != MessageKind.INVITATION) {
			mail.setHeader("Auto-Submitted", "auto-generated");
		}
		if (message.kind() == MessageKind.REMINDER || message.kind() == MessageKind.NEW_LINK) {
			String invitation = messageId(message.key().invitationKey());
			mail.setHeader("In-Reply-To", invitation);
			mail.setHeader("References", invitation);
		}
		MimeBodyPart html = new MimeBodyPart();
		html.setText(this.bodies.render("email/message", model, "name", true), "UTF-8", "html");
		mail.setContent(alternative(this.bodies.render("email/message.txt", model, "name", false), html));
		mail.saveChanges();
		return mail;
	}

	/**
	 * A message that carries its content (a digest): its text and HTML, the images the
	 * HTML shows and the files it names. It asks no questions, so it carries no reply
	 * token (a reply is kept and not taken for answers).
	 */
	private SMTPMessage written(Session session, OutgoingMessage message, String token)
			throws MessagingException, UnsupportedEncodingException {
		Person person = message.recipient();
		MessageContent content = message.content();
		SMTPMessage mail = new StableIdMessage(session, messageId(message.key()));
		mail.setFrom(new InternetAddress(this.properties.from(), this.properties.fromName(), "UTF-8"));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(person.email(), person.name(), "UTF-8"));
		mail.setEnvelopeFrom(this.properties.bounceAddress(token));
		mail.setSubject(content.subject(), "UTF-8");
		mail.setHeader("Auto-Submitted", "auto-generated");
		mail.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		mail.setContent(body(content));
		mail.saveChanges();
		return mail;
	}

	/**
	 * A content's MIME body: plain text beside HTML; the HTML with the images it shows
	 * (multipart/related, each image named by its Content-ID), so that a client showing
	 * the text shows no images; and the files beside both (multipart/mixed), only those
	 * the content names.
	 */
	static MimeMultipart body(MessageContent content) throws MessagingException {
		MimeBodyPart html = new MimeBodyPart();
		html.setText(content.html(), "UTF-8", "html");
		List<Attachment> images = content.inline();
		if (!images.isEmpty()) {
			MimeMultipart related = new MimeMultipart("related");
			related.addBodyPart(html);
			for (Attachment image : images) {
				MimeBodyPart part = attached(image);
				part.setContentID("<" + image.contentId() + ">");
				part.setDisposition(Part.INLINE);
				related.addBodyPart(part);
			}
			html = new MimeBodyPart();
			html.setContent(related);
		}
		MimeMultipart alternative = alternative(content.text(), html);
		List<Attachment> files = content.files();
		if (files.isEmpty()) {
			return alternative;
		}
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		mixed.addBodyPart(body);
		for (Attachment file : files) {
			MimeBodyPart part = attached(file);
			part.setDisposition(Part.ATTACHMENT);
			mixed.addBodyPart(part);
		}
		return mixed;
	}

	/** Plain text, then the HTML part: clients show the last they can. */
	private static MimeMultipart alternative(String text, MimeBodyPart html) throws MessagingException {
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8", "plain");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(html);
		return alternative;
	}

	private static MimeBodyPart attached(Attachment attachment) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.mediaType())));
		part.setFileName(attachment.name());
		return part;
	}

	private List<String> names(OutgoingMessage message) {
		return message.missing()
			.stream()
			.map(this.directory::person)
			.flatMap(Optional::stream)
			.map(p -> p.name() + " ("
					+ this.directory.organisation(p.organisation())
						.map(organisation -> organisation.name())
						.orElse(p.organisation().value())
					+ ")")
			.toList();
	}

	private String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	/**
	 * One question as the email lists it, by its stable label ({@code 2}, {@code 1a}).
	 */
	record QuestionLine(String label, String item, String text, String hint, String answered) {
	}

	/**
	 * Keeps the Message-ID Samla chose: JavaMail would otherwise make a new one on save.
	 */
	static final class StableIdMessage extends SMTPMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
