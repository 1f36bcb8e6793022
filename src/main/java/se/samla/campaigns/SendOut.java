package se.samla.campaigns;

import java.time.Instant;
import java.util.Objects;

import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/**
 * One send-out: a questionnaire asked of an audience between an opening time and a
 * deadline.
 *
 * @param id the send-out's id
 * @param title its name as respondents see it
 * @param questionnaire the questionnaire it asks
 * @param audience who it goes to
 * @param opensAt when it opens
 * @param deadline the last moment answers are accepted ("sista svarsdag")
 * @param closedAt when an operator closed it early, or {@code null}
 * @param source the file it was defined in
 */
public record SendOut(SendOutId id, String title, QuestionnaireId questionnaire, Audience audience, Instant opensAt,
		Instant deadline, Instant closedAt, String source) {

	public SendOut {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(questionnaire, "questionnaire");
		if (!deadline.isAfter(opensAt)) {
			throw new IllegalArgumentException("send-out " + id + ": the deadline must come after the opening time");
		}
	}

	public SendOutState state(Instant now) {
		if (this.closedAt != null || now.isAfter(this.deadline)) {
			return SendOutState.CLOSED;
		}
		return now.isBefore(this.opensAt) ? SendOutState.SCHEDULED : SendOutState.OPEN;
	}

}
