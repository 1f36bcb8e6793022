package se.samla.ops;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the problem details (RFC 9457) every error of the JSON endpoints is answered
 * with. The {@code detail} says what went wrong in Swedish, then {@code " / "}, then in
 * English, so that one string serves the operators and an English-speaking integrator
 * alike; {@code code} names the message for programs.
 */
@Component
class Problems {

	static final String SEPARATOR = " / ";

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail of(HttpStatusCode status, String code, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail(this.messages.getMessage(code, arguments, SWEDISH) + SEPARATOR
				+ this.messages.getMessage(code, arguments, Locale.ENGLISH));
		problem.setProperty("code", code);
		return problem;
	}

}
