package se.samla.surveys;

import java.util.List;

/**
 * Why an answer or a request was not accepted: a message key from the {@code messages}
 * bundle and its arguments, so every channel can say it in the respondent's language.
 */
public record Problem(String code, List<Object> arguments) {

	public Problem {
		arguments = List.copyOf(arguments);
	}

	public static Problem of(String code, Object... arguments) {
		return new Problem(code, List.of(arguments));
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
