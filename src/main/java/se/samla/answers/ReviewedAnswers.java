package se.samla.answers;

import java.util.List;

import se.samla.surveys.Problem;

/**
 * What an operator's acceptance of a held message did to a response, question by question
 * (numbers as the person sees them).
 *
 * @param recorded questions answered that had no answer before
 * @param replaced questions whose earlier answer was replaced (only with
 * {@link Acceptance#replace()})
 * @param kept questions whose earlier answer was kept instead of the message's
 * @param unchanged questions the message answered the same as recorded
 * @param rejected answers that did not validate, by question number
 * @param state the response afterwards
 */
public record ReviewedAnswers(List<Integer> recorded, List<Integer> replaced, List<Integer> kept,
		List<Integer> unchanged, List<Rejection> rejected, ResponseState state) {

	/** An answer the questionnaire rejected. */
	public record Rejection(int number, List<Problem> problems) {
	}

}
