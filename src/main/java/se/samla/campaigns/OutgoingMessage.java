package se.samla.campaigns;

import java.util.List;

import se.samla.directory.Person;
import se.samla.directory.PersonId;

/**
 * One message handed to a channel: what to send, about which send-out, to whom. A message
 * whose kind has a {@link MessageContents} source carries its content, which the channel
 * renders as it is; the others (invitations, reminders, escalations, notices) the
 * channels write themselves, in the person's language.
 *
 * @param key the outbox key, unique per message: a channel can use it as an idempotency
 * key (e.g. to derive the email Message-ID)
 * @param sendOut the send-out
 * @param recipient the person it goes to
 * @param kind invitation, reminder, escalation or digest
 * @param number the reminder's number, else 0
 * @param missing for an escalation: the people who have not answered
 * @param content what the message says, when a source wrote it; else {@code null}
 */
public record OutgoingMessage(OutboxKey key, SendOut sendOut, Person recipient, MessageKind kind, int number,
		List<PersonId> missing, MessageContent content) {

	public OutgoingMessage {
		missing = (missing != null) ? List.copyOf(missing) : List.of();
	}

	/** The same message carrying its content. */
	public OutgoingMessage withContent(MessageContent content) {
		return new OutgoingMessage(this.key, this.sendOut, this.recipient, this.kind, this.number, this.missing,
				content);
	}

}
