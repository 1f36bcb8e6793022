package se.samla.shared;

/**
 * One thing wrong in a definition file (a questionnaire, a send-out, the themes), located
 * so that the person editing the file can go straight to it. Its {@link #toString()} is
 * the one way Samla names such a problem: {@code file:line:
 * problem}.
 *
 * @param file the file as it was named when read, e.g. {@code conversations/steg2.yml}
 * @param line the 1-based line, or {@code 0} when the problem concerns the whole file or
 * directory
 * @param message what is wrong, in plain English
 */
public record DefinitionProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line + ": " + this.message : this.file + ": " + this.message;
	}

}
