package se.samla.email.internal.reading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that starts with a question number, as people write them: "1. …", "1) …", "1:
 * …", "Fråga 1: …", "Fr. 1 - …", "Question 1: …", "Q1 …", also with the letter of a
 * follow-up question ("1a. …"). Shared by the stripper (a numbered line is never a
 * header) and the mapper (it starts an answer).
 *
 * @param number the number written
 * @param rest the text after the number and its separator
 * @param label the number with its letter as written, in lower case ("2", "1a")
 */
record NumberedLine(int number, String rest, String label) {

	/**
	 * A separator must be followed by a space or the end, so "1.5 miljoner" and "10:30"
	 * are not numbers of answers.
	 */
	private static final Pattern NUMBERED = Pattern.compile(
			"^\\s*(?:\\*\\s*)?(?:"
					+ "(?:fråga|fr\\.?|frågan|question|svar|q)\\s*(\\d{1,2})([a-z])?\\s*(?:[.):\\]]|\\s[-–])?(?=\\s|$)"
					+ "|(\\d{1,2})([a-z])?\\s*(?:[.):\\]]|\\s[-–])(?=\\s|$))\\s*(.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	static Optional<NumberedLine> parse(String line) {
		Matcher matcher = NUMBERED.matcher(line);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		boolean prefixed = matcher.group(1) != null;
		String digits = prefixed ? matcher.group(1) : matcher.group(3);
		String letter = prefixed ? matcher.group(2) : matcher.group(4);
		int number = Integer.parseInt(digits);
		String label = number + ((letter != null) ? letter.toLowerCase(Locale.ROOT) : "");
		return Optional.of(new NumberedLine(number, matcher.group(5).strip(), label));
	}

	static boolean isNumbered(String line) {
		return NUMBERED.matcher(line).matches();
	}

}
