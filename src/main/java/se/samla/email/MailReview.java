package se.samla.email;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
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

	public List<HeldMail> held() {
		List<HeldMail> held = new ArrayList<>();
		for (InboundRow row : this.records.withStatus(InboundStatus.REVIEW)) {
			String from = "?";
			String subject = "";
			if (row.raw() != null) {
				try {
					MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
							new ByteArrayInputStream(row.raw()));
					from = (message.getFrom() != null && message.getFrom().length > 0)
							? ((InternetAddress) message.getFrom()[0]).getAddress() : "?";
					subject = (message.getSubject() != null) ? message.getSubject() : "";
				}
				catch (jakarta.mail.MessagingException ex) {
					from = "(unreadable)";
				}
			}
			String invited = (row.person() != null)
					? this.directory.person(row.person()).map(Person::email).orElse(null) : null;
			held.add(new HeldMail(row.id(), row.receivedAt(), from, subject,
					(row.sendOut() != null) ? row.sendOut().value() : null, invited, row.detail()));
		}
		return held;
	}

	/** Whether an email with this id was received, held or not. */
	public boolean exists(UUID id) {
		return this.records.find(id).isPresent();
	}

	/** Whether the email still waits for an operator's decision. */
	public boolean isHeld(UUID id) {
		return this.records.find(id).filter(row -> row.status() == InboundStatus.REVIEW).isPresent();
	}

	/** Records the held email as the answer of the given person; returns the outcome. */
	public String accept(UUID id, PersonId person) throws Exception {
		return this.processor.acceptFor(id, person).name();
	}

	public void discard(UUID id) {
		this.processor.discard(id);
	}

}
