package se.samla.surveys;

import java.util.List;
import java.util.stream.Collectors;

import se.samla.shared.DefinitionProblem;

/**
 * Thrown when questionnaire files cannot be used. It carries every problem found, in all
 * files, so that one attempt to start (or one {@code validate}) shows everything that
 * needs fixing rather than one mistake at a time.
 */
public class QuestionnaireDefinitionException extends RuntimeException {

	private final List<DefinitionProblem> problems;

	public QuestionnaireDefinitionException(List<DefinitionProblem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return this.problems;
	}

	private static String describe(List<DefinitionProblem> problems) {
		String heading = (problems.size() == 1) ? "1 problem in the questionnaire definitions:"
				: problems.size() + " problems in the questionnaire definitions:";
		return problems.stream()
			.map(DefinitionProblem::toString)
			.collect(Collectors.joining("\n  ", heading + "\n  ", ""));
	}

}
