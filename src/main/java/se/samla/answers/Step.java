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
 * @param label the question's stable label within the response: the main questions are
 * numbered 1, 2, 3 … whether or not follow-ups are asked, and a follow-up takes the
 * number of the question before it and a letter ({@code 1a}), so a label keeps its
 * meaning when a follow-up appears or goes away (unlike {@code number})
 */
public record Step(StepKey key, Question question, String itemLabel, int number, int of, AnswerValue answer,
		boolean skipped, String label) {

	public Step {
		if (label == null) {
			label = Integer.toString(number);
		}
	}

	/** A step labelled by its position. */
	public Step(StepKey key, Question question, String itemLabel, int number, int of, AnswerValue answer,
			boolean skipped) {
		this(key, question, itemLabel, number, of, answer, skipped, null);
	}

	public boolean isAnswered() {
		return this.answer != null;
	}

	/** Answered, or deliberately skipped: nothing more to ask. */
	public boolean isSettled() {
		return this.answer != null || this.skipped;
	}

}
