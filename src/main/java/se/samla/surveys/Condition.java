package se.samla.surveys;

import java.util.Set;

/**
 * Makes a question a conditional follow-up: it is asked only when the answer to another
 * (earlier) question contains one of the given option or level ids. For a matrix, any
 * rated cell counts; for a multiple choice, any chosen option.
 *
 * @param questionId the question whose answer decides
 * @param anyOf the option or level ids that trigger the follow-up
 */
public record Condition(String questionId, Set<String> anyOf) {

	public Condition {
		anyOf = Set.copyOf(anyOf);
	}

}
