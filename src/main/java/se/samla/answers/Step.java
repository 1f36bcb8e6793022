package se.samla.answers;

import se.samla.surveys.AnswerValue;
import se.samla.surveys.Question;

/**
 * One question of a response as the respondent sees it, with its place and what has been
 * recorded for it so far.
 *
 * @param key the step's key
 * @param question the question definition (of the response's questionnaire version)
 * @param itemLabel for per-activity questions the activity's title, else {@code null}
 * @param number 1-based position among the questions currently asked
 * @param of how many questions are currently asked
 * @param answer the recorded answer, or {@code null}
 * @param skipped whether the respondent skipped this (optional) question
 */
public record Step(StepKey key, Question question, String itemLabel, int number, int of, AnswerValue answer,
		boolean skipped) {

	public boolean isAnswered() {
		return this.answer != null;
	}

	/** Answered, or deliberately skipped: nothing more to ask. */
	public boolean isSettled() {
		return this.answer != null || this.skipped;
	}

}
