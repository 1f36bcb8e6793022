package se.samla.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email held for an operator (e.g. an assistant answering with the chief's token),
 * with what it would record next to what the invited person has recorded now, so the
 * operator does not decide blind.
 *
 * @param id the email's id in Samla
 * @param receivedAt when it was read
 * @param date the date the sender's client put on it, or {@code null}
 * @param messageId its Message-ID, or {@code null}
 * @param from the sender's address
 * @param subject its subject
 * @param sendOut the send-out its token belongs to, or {@code null}
 * @param invited the person the token was sent to, or {@code null}
 * @param reason why it is held
 * @param outcome what accepting it for the invited person would do (RECORDED, AMBIGUOUS,
 * CLOSED, ...)
 * @param answers question by question: what the email would record and what is recorded
 * now
 */
public record HeldMail(UUID id, Instant receivedAt, Instant date, String messageId, String from, String subject,
		String sendOut, String invited, String reason, String outcome, List<Answer> answers) {

	/**
	 * One question of the invited person's response.
	 *
	 * @param number the question's number
	 * @param question its text
	 * @param inEmail what the email would record, or {@code null} when it does not answer
	 * it
	 * @param recorded what is recorded now, or {@code null} when nothing is
	 */
	public record Answer(int number, String question, String inEmail, String recorded) {
	}

}
