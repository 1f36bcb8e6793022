package se.samla.ops;

import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import se.samla.answers.ResponseNotFoundException;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.shared.Refusal;
import se.samla.surveys.UnknownQuestionnaireException;

/**
 * Answers every error raised while handling a request with a problem detail in Swedish
 * and English: Spring MVC's own (missing parameter, wrong method, unknown path,
 * unreadable body, ...) through {@link ResponseEntityExceptionHandler}, Samla's refusals,
 * and anything unexpected as a 500 that tells nothing of the inside.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final Problems problems;

	ApiErrors(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> refused(Refusal refusal) {
		HttpStatus status = switch (refusal.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		return problem(status, refusal.code(), refusal.arguments());
	}

	/** What a module reports as unknown where the controller has not already said so. */
	@ExceptionHandler({ ResponseNotFoundException.class, UnknownQuestionnaireException.class,
			UnknownSendOutException.class })
	ResponseEntity<Object> notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "api.not-found");
	}

	/** A module's check of its input, where the controller has not already made it. */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> badRequest(IllegalArgumentException ex) {
		log.debug("Refused a request: {}", ex.getMessage());
		return problem(HttpStatus.BAD_REQUEST, "api.bad-request");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, NativeWebRequest request) {
		HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
		log.error("Request {} {} failed", (servlet != null) ? servlet.getMethod() : "?",
				(servlet != null) ? servlet.getRequestURI() : "?", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.internal-error");
	}

	/** Spring MVC's errors: the same status and headers, a text of Samla's own. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = describe(ex, status, request);
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

	private ProblemDetail describe(Exception ex, HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			log.error("Request failed", ex);
			return this.problems.of(status, "api.internal-error");
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return this.problems.of(status, "api.missing-parameter", missing.getParameterName());
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return this.problems.of(status, "api.invalid-parameter", mismatch.getName(), mismatch.getValue());
		}
		if (ex instanceof TypeMismatchException mismatch) {
			return this.problems.of(status, "api.invalid-parameter", mismatch.getPropertyName(), mismatch.getValue());
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return this.problems.of(status, "api.method-not-allowed", method.getMethod(),
					list(method.getSupportedHttpMethods()));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException media) {
			return this.problems.of(status, "api.media-type-not-supported",
					(media.getContentType() != null) ? media.getContentType() : "-",
					list(media.getSupportedMediaTypes()));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException media) {
			return this.problems.of(status, "api.not-acceptable", list(media.getSupportedMediaTypes()));
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
			return this.problems.of(status, "api.no-such-path", servlet.getMethod(), servlet.getRequestURI());
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return this.problems.of(status, "api.unreadable-body");
		}
		if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
			return this.problems.of(status, "api.invalid-input");
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return this.problems.of(status, "api.too-large");
		}
		return this.problems.of(status, "api.request-failed", status.value());
	}

	private ResponseEntity<Object> problem(HttpStatus status, String code, Object... arguments) {
		return ResponseEntity.status(status).body(this.problems.of(status, code, arguments));
	}

	private static String list(Collection<?> values) {
		return (values == null || values.isEmpty()) ? "-"
				: values.stream().map(Object::toString).collect(Collectors.joining(", "));
	}

}
