package se.samla.answers;

import java.util.List;

import se.samla.surveys.Problem;

/** What became of a request to change a response. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.AlreadyRecorded, Outcome.Rejected {

	/** The change was recorded; the state is the response after it. */
	record Accepted(ResponseState state) implements Outcome {
	}

	/** The same source message was recorded before: nothing changed. */
	record AlreadyRecorded(ResponseState state) implements Outcome {
	}

	/** Nothing changed, for the reasons given (to be shown to the respondent). */
	record Rejected(List<Problem> problems) implements Outcome {

		public Rejected {
			problems = List.copyOf(problems);
		}

		public static Rejected because(String code, Object... arguments) {
			return new Rejected(List.of(Problem.of(code, arguments)));
		}

	}

	default boolean isAccepted() {
		return this instanceof Accepted;
	}

}
