package se.samla.surveys;

/**
 * Thrown when a questionnaire, or a version of it, is asked for that Samla never loaded.
 */
public class UnknownQuestionnaireException extends RuntimeException {

	public UnknownQuestionnaireException(String message) {
		super(message);
	}

}
