package se.samla.email;

import java.time.Instant;
import java.util.UUID;

/**
 * An email held for an operator (e.g. an assistant answering with the chief's token).
 *
 * @param id the email's id in Samla
 * @param receivedAt when it was read
 * @param from the sender's address
 * @param subject its subject
 * @param sendOut the send-out its token belongs to, or {@code null}
 * @param invited the person the token was sent to, or {@code null}
 * @param reason why it is held
 */
public record HeldMail(UUID id, Instant receivedAt, String from, String subject, String sendOut, String invited,
		String reason) {
}
