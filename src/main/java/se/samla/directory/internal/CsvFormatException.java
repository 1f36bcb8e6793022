package se.samla.directory.internal;

/** A file that cannot be read as CSV at all, e.g. because a quote is never closed. */
class CsvFormatException extends RuntimeException {

	private final int line;

	CsvFormatException(int line, String message) {
		super(message);
		this.line = line;
	}

	int line() {
		return this.line;
	}

}
