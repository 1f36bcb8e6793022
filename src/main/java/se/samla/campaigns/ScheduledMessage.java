package se.samla.campaigns;

import java.time.Instant;

import se.samla.directory.PersonId;
import se.samla.shared.Channel;

/**
 * One message a send-out's plan will still send, if nobody answers meanwhile.
 *
 * @param person the recipient
 * @param name the recipient's name
 * @param kind what is sent
 * @param number the reminder's or digest's number, else 0
 * @param teamsCard whether this is a digest's short card in Teams (the full digest goes
 * by email as a message of its own)
 * @param at when it goes out
 * @param channel the channel it would go by, per the route choice; {@code null} when no
 * channel reaches the person
 */
public record ScheduledMessage(PersonId person, String name, MessageKind kind, int number, boolean teamsCard,
		Instant at, Channel channel) {

	/** What it is, in words: "invitation", "reminder 2", "digest 1 (Teams card)". */
	public String label() {
		String label = switch (this.kind) {
			case INVITATION -> "invitation";
			case REMINDER -> "reminder " + this.number;
			case ESCALATION -> "escalation";
			case DIGEST -> "digest " + this.number;
			case NO_ROUTE -> "no-route notice";
			case NEW_LINK -> "new link " + this.number;
		};
		return this.teamsCard ? label + " (Teams card)" : label;
	}

}
