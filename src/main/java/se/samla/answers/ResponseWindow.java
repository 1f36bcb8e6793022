package se.samla.answers;

import java.time.Instant;

import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/**
 * What the engine needs to know about a send-out: which questionnaire it asks and when
 * answers are accepted.
 *
 * @param sendOut the send-out
 * @param title the send-out's name as respondents see it
 * @param questionnaire the questionnaire it asks
 * @param opensAt the first moment answers are accepted
 * @param deadline the last moment answers are accepted (also after submitting)
 * @param closed closed early by an operator: nothing is accepted any more
 * @param previous for a recurring send-out, last round's send-out, whose answers are
 * shown as a reminder of what was said then; or {@code null}
 */
public record ResponseWindow(SendOutId sendOut, String title, QuestionnaireId questionnaire, Instant opensAt,
		Instant deadline, boolean closed, SendOutId previous) {

	public boolean accepts(Instant now) {
		return !this.closed && !now.isBefore(this.opensAt) && !now.isAfter(this.deadline);
	}

}
