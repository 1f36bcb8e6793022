package se.samla.digests.internal;

import java.util.List;

/**
 * Thrown when the themes keyword file ({@code conversations/themes.yml}) cannot be used.
 * Each problem reads {@code file:line: problem}; the message lists them all, so one
 * attempt shows everything that needs fixing.
 */
public final class ThemeFileException extends IllegalArgumentException {

	private final List<String> problems;

	ThemeFileException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	/** Every problem, {@code file:line: problem}, in the order of the file. */
	public List<String> problems() {
		return this.problems;
	}

}
