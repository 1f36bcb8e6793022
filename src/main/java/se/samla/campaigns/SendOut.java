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
 * @param pausedAt when an operator paused it (nothing is sent while paused), or
 * {@code null}
 * @param source the file it was defined in
 * @param rules reminders, sending hours, summer pause, escalation and digests
 * @param previous for a recurring send-out, last round's send-out (whose answers are
 * remembered), or {@code null}
 * @param enabled whether Samla sends it at all; the real send-outs shipped in
 * {@code scheduler/} are examples ({@code enabled: false}) until a deployment enables
 * them, so that a newcomer's demo never mails a real survey
 */
public record SendOut(SendOutId id, String title, QuestionnaireId questionnaire, Audience audience, Instant opensAt,
		Instant deadline, Instant closedAt, Instant pausedAt, String source, SendOutRules rules, SendOutId previous,
		boolean enabled) {

	public SendOut {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(questionnaire, "questionnaire");
		Objects.requireNonNull(rules, "rules");
		if (!deadline.isAfter(opensAt)) {
			throw new IllegalArgumentException("send-out " + id + ": the deadline must come after the opening time");
		}
	}

	/** An enabled send-out. */
	public SendOut(SendOutId id, String title, QuestionnaireId questionnaire, Audience audience, Instant opensAt,
			Instant deadline, Instant closedAt, Instant pausedAt, String source, SendOutRules rules,
			SendOutId previous) {
		this(id, title, questionnaire, audience, opensAt, deadline, closedAt, pausedAt, source, rules, previous, true);
	}

	/** The same send-out with another deadline (an operator's extension). */
	public SendOut withDeadline(Instant newDeadline) {
		return new SendOut(this.id, this.title, this.questionnaire, this.audience, this.opensAt, newDeadline,
				this.closedAt, this.pausedAt, this.source, this.rules, this.previous, this.enabled);
	}

	public SendOutState state(Instant now) {
		if (!this.enabled) {
			return SendOutState.DISABLED;
		}
		if (this.closedAt != null || now.isAfter(this.deadline)) {
			return SendOutState.CLOSED;
		}
		if (this.pausedAt != null) {
			return SendOutState.PAUSED;
		}
		return now.isBefore(this.opensAt) ? SendOutState.SCHEDULED : SendOutState.OPEN;
	}

}
