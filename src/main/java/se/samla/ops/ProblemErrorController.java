package se.samla.ops;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (a filter, the servlet container, a
 * {@code sendError}) reach {@code /error}; Spring Boot's own error body would answer them
 * in another form than the API's, so this answers them with a problem detail too, and
 * without the exception's message.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	private final Problems problems;

	ProblemErrorController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		ProblemDetail problem;
		if (status == HttpStatus.NOT_FOUND) {
			problem = this.problems.of(status, "api.no-such-path", request.getMethod(), path);
		}
		else if (status == HttpStatus.UNAUTHORIZED) {
			problem = this.problems.of(status, "api.operator-token-required");
		}
		else if (status.is5xxServerError()) {
			problem = this.problems.of(status, "api.internal-error");
		}
		else {
			problem = this.problems.of(status, "api.request-failed", status.value());
		}
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException ex) {
			// a path the container could not make sense of: leave the instance out
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(Object code) {
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
