package se.samla.surveys;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire as defined in one file of {@code conversations/}.
 *
 * @param id the questionnaire's id, e.g. {@code steg2}
 * @param version a hash of the file's content: stored with every response so that a
 * changed file never reinterprets answers given to an earlier version
 * @param title the name respondents and digests see
 * @param intro a short text shown before the first question, or {@code null}
 * @param repeat whether the questions are asked once, or once per plan activity the
 * respondent owns
 * @param scales the scales the questions use, by id
 * @param questions the questions in the order they are asked
 * @param source where the definition was read from (a file name), for messages
 */
public record Questionnaire(QuestionnaireId id, String version, Text title, Text intro, Repeat repeat,
		Map<String, Scale> scales, List<Question> questions, String source) {

	public Questionnaire {
		scales = Map.copyOf(scales);
		questions = List.copyOf(questions);
	}

	public Optional<Question> question(String questionId) {
		return this.questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
	}

	/** How often the questions are asked within one response. */
	public enum Repeat {

		/** Every question once. */
		ONCE,
		/**
		 * Every question once per plan activity the respondent owns (the yearly
		 * follow-up).
		 */
		PER_OWNED_ACTIVITY

	}

}
