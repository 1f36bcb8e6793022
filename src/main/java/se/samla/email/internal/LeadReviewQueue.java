package se.samla.email.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.email.AcceptedMail;
import se.samla.email.HeldMail;
import se.samla.email.HeldMailContent;
import se.samla.email.MailReview;
import se.samla.web.ReviewQueue;

/**
 * The review queue for the project leads' pages: {@link MailReview}, the same as the
 * operator's {@code review} command and API, in the web's terms.
 */
@Component
class LeadReviewQueue implements ReviewQueue {

	private final MailReview review;

	private final Directory directory;

	LeadReviewQueue(MailReview review, Directory directory) {
		this.review = review;
		this.directory = directory;
	}

	@Override
	public List<QueuedMail> held() {
		return this.review.held().stream().map(mail -> queued(mail, null)).toList();
	}

	@Override
	public Optional<QueuedMail> find(UUID id) {
		if (!this.review.isHeld(id)) {
			return Optional.empty();
		}
		Content content = this.review.content(id)
			.map(LeadReviewQueue::content)
			.orElse(new Content("", false, List.of()));
		return this.review.held()
			.stream()
			.filter(mail -> mail.id().equals(id))
			.findFirst()
			.map(mail -> queued(mail, content));
	}

	@Override
	public Decision accept(UUID id, String person, String by, boolean replace) {
		Person chosen = this.directory.personByEmail(person)
			.orElseThrow(() -> new IllegalArgumentException("no person " + person + " in the directory"));
		if (!this.review.isHeld(id)) {
			throw new IllegalArgumentException("no email held for review with id " + id);
		}
		AcceptedMail accepted = this.review.accept(id, chosen.id(), by, replace);
		return new Decision(accepted.outcome(), accepted.recorded(), accepted.replaced(), accepted.kept(),
				accepted.confirmedTo());
	}

	@Override
	public void discard(UUID id) {
		if (!this.review.isHeld(id)) {
			throw new IllegalArgumentException("no email held for review with id " + id);
		}
		this.review.discard(id);
	}

	private static QueuedMail queued(HeldMail mail, Content content) {
		Held held = (mail.reason() != null && mail.reason().startsWith("not understood")) ? Held.NOT_UNDERSTOOD
				: Held.OTHER_SENDER;
		return new QueuedMail(mail.id(), mail.receivedAt(), mail.date(), mail.from(), mail.subject(), mail.sendOut(),
				mail.invited(), held, mail.reason(),
				mail.answers()
					.stream()
					.map(answer -> new Answer(answer.number(), answer.question(), answer.inEmail(), answer.recorded()))
					.toList(),
				content);
	}

	private static Content content(HeldMailContent content) {
		return new Content(content.text(), content.cut(),
				content.attachments()
					.stream()
					.map(attachment -> new Attachment(attachment.name(), attachment.type(), attachment.size()))
					.toList());
	}

}
