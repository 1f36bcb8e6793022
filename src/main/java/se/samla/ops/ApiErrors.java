package se.samla.ops;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import se.samla.answers.ResponseNotFoundException;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.surveys.UnknownQuestionnaireException;

/** Turns bad requests into 4xx problem details instead of 500s. */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler({ ResponseNotFoundException.class, UnknownQuestionnaireException.class,
			UnknownSendOutException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
