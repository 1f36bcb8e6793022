package se.samla.answers;

import java.time.Instant;

import se.samla.shared.Channel;
import se.samla.surveys.AnswerValue;

/**
 * One change to a response, as kept in the audit trail.
 *
 * @param at when
 * @param step the question changed, or {@code null} for the response as a whole
 * @param action what happened
 * @param before the answer before, or {@code null}
 * @param after the answer after, or {@code null}
 * @param channel the channel it came by
 * @param sourceMessageId the message that carried it, or {@code null}
 * @param operator the operator who decided the change (accepted an email held for review,
 * erased the person's data), or {@code null} when the respondent made it
 * @param originalSender the address of the email's sender when an operator accepted an
 * email someone else sent, or {@code null}
 */
public record AuditEntry(Instant at, StepKey step, Action action, AnswerValue before, AnswerValue after,
		Channel channel, String sourceMessageId, String operator, String originalSender) {

	/** The kinds of change. */
	public enum Action {

		STARTED, ANSWERED, CHANGED, SKIPPED, SUBMITTED,

		/** An operator accepted an email held for review as this response's answers. */
		ACCEPTED_FROM_REVIEW,

		/** The person's free text was removed (erasure on request, or retention). */
		ERASED

	}

}
