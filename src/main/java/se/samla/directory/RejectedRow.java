package se.samla.directory;

/**
 * A row an import rejected.
 *
 * @param line the physical line of the file where the row starts (the header is line 1)
 * @param reason why, e.g. "invalid e-mail address 'anna.example.org'"
 */
public record RejectedRow(int line, String reason) {

	@Override
	public String toString() {
		return "line " + this.line + ": " + this.reason;
	}

}
