package se.samla.surveys.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import se.samla.surveys.QuestionnaireDefinitionException;

/**
 * Turns a failed start caused by questionnaire files into a short report listing each
 * {@code file:line: problem}, instead of a stack trace the editor of the files has to dig
 * through.
 */
class QuestionnaireDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<QuestionnaireDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, QuestionnaireDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the questionnaire files (the format is described in conversations/README.md) and start"
						+ " again. The 'validate' command checks them without starting Samla.",
				cause);
	}

}
