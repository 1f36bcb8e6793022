package se.samla.surveys;

import java.util.List;
import java.util.Optional;

/**
 * The questionnaires Samla knows: the current definitions read from
 * {@code conversations/} at start-up, and every earlier version that responses were given
 * to.
 */
public interface Questionnaires {

	/** The current definitions, ordered by id. */
	List<Questionnaire> current();

	/** The current definition of one questionnaire. */
	Optional<Questionnaire> current(QuestionnaireId id);

	/**
	 * A definition as it was at a given version, for interpreting the responses given to
	 * it.
	 * @throws UnknownQuestionnaireException if that version was never loaded
	 */
	Questionnaire version(QuestionnaireId id, String version);

}
