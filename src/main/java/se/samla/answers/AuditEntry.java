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
 */
public record AuditEntry(Instant at, StepKey step, Action action, AnswerValue before, AnswerValue after,
		Channel channel, String sourceMessageId) {

	/** The kinds of change. */
	public enum Action {

		STARTED, ANSWERED, CHANGED, SKIPPED, SUBMITTED

	}

}
