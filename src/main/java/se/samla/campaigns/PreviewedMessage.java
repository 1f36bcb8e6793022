package se.samla.campaigns;

import java.time.Instant;

import se.samla.directory.PersonId;

/**
 * A message a send-out would send at a given moment, as shown by the preview.
 *
 * @param person the recipient
 * @param name the recipient's name
 * @param kind what would be sent
 * @param number the reminder's number, else 0
 * @param plannedAt the planned moment it belongs to
 */
public record PreviewedMessage(PersonId person, String name, MessageKind kind, int number, Instant plannedAt) {
}
