package se.samla.email;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Service;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.email.internal.InboundProcessor;
import se.samla.email.internal.InboundRecords;
import se.samla.email.internal.InboundRecords.InboundRow;
import se.samla.email.internal.InboundStatus;
import se.samla.email.internal.intake.LenientMessage;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.email.internal.reading.ReplyText;

/**
 * The emails held for an operator, and the operator's decisions on them: accept one as a
 * chosen person's answer, or discard it. Each decision is kept.
 */
@Service
public class MailReview {

	private final InboundRecords records;

	private final InboundProcessor processor;

	private final Directory directory;

	MailReview(InboundRecords records, InboundProcessor processor, Directory directory) {
		this.records = records;
		this.processor = processor;
		this.directory = directory;
	}

	/**
	 * The emails held for review, oldest first, each with what it would record next to
	 * what the invited person has recorded now.
	 */
	public List<HeldMail> held() {
		List<HeldMail> held = new ArrayList<>();
		for (InboundRow row : this.records.withStatus(InboundStatus.REVIEW)) {
			String from = "?";
			String subject = "";
			Instant date = null;
			String outcome = null;
			List<HeldMail.Answer> answers = List.of();
			if (row.raw() != null) {
				try {
					InboundProcessor.Preview preview = this.processor.preview(row.id());
					MimeMessage message = preview.message();
					from = (message.getFrom() != null && message.getFrom().length > 0
							&& message.getFrom()[0] instanceof InternetAddress address) ? address.getAddress() : "?";
					subject = (message.getSubject() != null) ? message.getSubject() : "";
					date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
					outcome = (preview.outcome() != null) ? preview.outcome().name() : null;
					answers = preview.answers();
				}
				catch (Exception ex) {
					// an email Samla could not process: who sent it and what about still
					// helps the operator
					from = "(unreadable)";
					try {
						MimeMessage message = LenientMessage.parse(row.raw());
						from = (message.getFrom() != null && message.getFrom().length > 0
								&& message.getFrom()[0] instanceof InternetAddress address) ? address.getAddress()
										: from;
						subject = (message.getSubject() != null) ? message.getSubject() : "";
						date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
					}
					catch (Exception unreadable) {
						// kept as "(unreadable)"
					}
				}
			}
			String invited = (row.person() != null)
					? this.directory.person(row.person()).map(Person::email).orElse(null) : null;
			held.add(new HeldMail(row.id(), row.receivedAt(), date, row.messageId(), from, subject,
					(row.sendOut() != null) ? row.sendOut().value() : null, invited, row.detail(), outcome, answers));
		}
		return held;
	}

	/**
	 * What a held email says: its text, decoded as the reply reader decodes it, and its
	 * attachments by name, type and size.
	 * @return empty when no such email is held, or when it cannot be read at all
	 */
	public Optional<HeldMailContent> content(UUID id) {
		Optional<InboundRow> row = this.records.find(id)
			.filter(found -> found.status() == InboundStatus.REVIEW && found.raw() != null);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		try {
			MimeMessage message = LenientMessage.parse(row.get().raw());
			ReplyText text = ReplyBody.extract(message);
			List<HeldMailContent.Attachment> attachments = new ArrayList<>();
			attachments(message, attachments, 0);
			return Optional.of(new HeldMailContent(text.text(), text.cut(), attachments));
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static void attachments(Part part, List<HeldMailContent.Attachment> found, int depth)
			throws MessagingException, IOException {
		if (depth > 10) {
			return;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				attachments(multipart.getBodyPart(i), found, depth + 1);
			}
			return;
		}
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
				|| part.isMimeType("message/rfc822")) {
			String type = part.getContentType();
			type = (type != null) ? type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
			found.add(new HeldMailContent.Attachment(part.getFileName(), type, size(part)));
		}
	}

	/** The decoded size: the size a part's header gives is the encoded one, if any. */
	private static long size(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			long size = 0;
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				size += read;
			}
			return size;
		}
	}

	/** Whether an email with this id was received, held or not. */
	public boolean exists(UUID id) {
		return this.records.find(id).isPresent();
	}

	/** Whether the email still waits for an operator's decision. */
	public boolean isHeld(UUID id) {
		return this.records.find(id).filter(row -> row.status() == InboundStatus.REVIEW).isPresent();
	}

	/**
	 * Records the held email as the answers of the given person. Answers the person has
	 * already recorded are kept unless {@code replace}; the operator's name goes into the
	 * audit trail with the email's sender.
	 * @throws IllegalArgumentException if no such email is held or the person is unknown
	 */
	public AcceptedMail accept(UUID id, PersonId person, String operator, boolean replace) {
		try {
			return this.processor.acceptFor(id, person, operator, replace);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the held email " + id + " could not be accepted: " + ex.getMessage(), ex);
		}
	}

	public void discard(UUID id) {
		this.processor.discard(id);
	}

}
