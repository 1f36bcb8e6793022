package se.samla.campaigns;

import java.time.Instant;

import se.samla.directory.PersonId;
import se.samla.shared.Channel;

/**
 * A message a send-out would send at a given moment, as shown by the preview.
 *
 * @param person the recipient
 * @param name the recipient's name
 * @param kind what would be sent
 * @param number the reminder's or digest's number, else 0
 * @param plannedAt when it goes out
 * @param channel the channel it would go by, or {@code null} if none reaches the person
 * @param label what it is in words ("reminder 2", "digest 1 (Teams card)")
 */
public record PreviewedMessage(PersonId person, String name, MessageKind kind, int number, Instant plannedAt,
		Channel channel, String label) {
}
