package se.samla.answers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;
import se.samla.surveys.Questionnaire;

/**
 * A snapshot of one response: every question currently asked (conditional follow-ups
 * appear once their condition holds), what is recorded, and what comes next.
 *
 * @param id the response
 * @param sendOut the send-out it belongs to
 * @param person the respondent
 * @param questionnaire the questionnaire, at the version the response was started on
 * @param status in progress or submitted
 * @param steps the questions currently asked, in order
 * @param current the step the respondent was last shown, or {@code null}
 * @param deadline the last moment answers are accepted
 * @param submittedAt when it was (last) submitted, or {@code null}
 */
public record ResponseState(ResponseId id, SendOutId sendOut, PersonId person, Questionnaire questionnaire,
		ResponseStatus status, List<Step> steps, StepKey current, Instant deadline, Instant submittedAt) {

	public ResponseState {
		steps = List.copyOf(steps);
	}

	/** The first question neither answered nor skipped, if any. */
	public Optional<Step> next() {
		return this.steps.stream().filter(step -> !step.isSettled()).findFirst();
	}

	public Optional<Step> step(StepKey key) {
		return this.steps.stream().filter(step -> step.key().equals(key)).findFirst();
	}

	/** The step before the given one, for "back". */
	public Optional<Step> before(StepKey key) {
		for (int i = 1; i < this.steps.size(); i++) {
			if (this.steps.get(i).key().equals(key)) {
				return Optional.of(this.steps.get(i - 1));
			}
		}
		return Optional.empty();
	}

	/** The step after the given one, for "next" while editing. */
	public Optional<Step> after(StepKey key) {
		for (int i = 0; i < this.steps.size() - 1; i++) {
			if (this.steps.get(i).key().equals(key)) {
				return Optional.of(this.steps.get(i + 1));
			}
		}
		return Optional.empty();
	}

	/** Required questions still without an answer: submitting needs none. */
	public List<Step> missingRequired() {
		return this.steps.stream().filter(step -> step.question().required() && !step.isAnswered()).toList();
	}

	public boolean isComplete() {
		return missingRequired().isEmpty();
	}

	public boolean isSubmitted() {
		return this.status == ResponseStatus.SUBMITTED;
	}

	public long answeredCount() {
		return this.steps.stream().filter(Step::isAnswered).count();
	}

}
