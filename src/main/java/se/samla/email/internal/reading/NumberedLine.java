package se.samla.email.internal.reading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that starts with a question number, as people write them: "1. …", "1) …", "1:
 * …", "Fråga 1: …", "Fr. 1 - …", "Question 1: …", "Q1 …". Shared by the stripper (a
 * numbered line is never a header) and the mapper (it starts an answer).
 *
 * @param number the number written
 * @param rest the text after the number and its separator
 */
record NumberedLine(int number, String rest) {

	/**
	 * A separator must be followed by a space or the end, so "1.5 miljoner" and "10:30"
	 * are not numbers of answers.
	 */
	private static final Pattern NUMBERED = Pattern.compile(
			"^\\s*(?:\\*\\s*)?(?:"
					+ "(?:fråga|fr\\.?|frågan|question|svar|q)\\s*(\\d{1,2})\\s*(?:[.):\\]]|\\s[-–])?(?=\\s|$)"
					+ "|(\\d{1,2})\\s*(?:[.):\\]]|\\s[-–])(?=\\s|$))\\s*(.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	static Optional<NumberedLine> parse(String line) {
		Matcher matcher = NUMBERED.matcher(line);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String digits = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		return Optional.of(new NumberedLine(Integer.parseInt(digits), matcher.group(3).strip()));
	}

	static boolean isNumbered(String line) {
		return NUMBERED.matcher(line).matches();
	}

}
