package se.samla.email.internal.reading;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the signature from the end of what a person wrote, so that names, titles and
 * footers never become part of an answer.
 */
final class Signatures {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern MOBILE_SIGNATURE = Pattern.compile("^\\s*(?:skickat från min|skickat från outlook|"
			+ "skickat från e-post|sent from my|sent from outlook|sent from mail|hämta outlook för|get outlook for)\\b.*",
			FLAGS);

	/** A sign-off, alone or followed by a short name on the same line. */
	private static final Pattern SIGN_OFF = Pattern
		.compile(
				"^\\s*(?:med vänlig(?:a)? hälsning(?:ar)?|vänlig(?:a)? hälsning(?:ar)?|bästa hälsningar|hälsningar|"
						+ "mvh|m\\.v\\.h\\.?|best regards|kind regards|regards)[,.!]?(?:\\s+[\\p{L}.-]+){0,4}\\s*$",
				FLAGS);

	private static final int SIGN_OFF_TAIL = 12;

	private Signatures() {
	}

	/**
	 * Cuts the signature from the lines at or after {@code from}: a "-- " line, a mobile
	 * client's "Skickat från min iPhone", or a sign-off followed by a short tail without
	 * numbered answers (a municipal GDPR footer goes with it).
	 * @param lines the reply's lines
	 * @param from the first line that may start a signature
	 * @return the lines above the signature
	 */
	static List<String> strip(List<String> lines, int from) {
		for (int index = Math.max(from, 0); index < lines.size(); index++) {
			String line = lines.get(index);
			if (line.equals("-- ") || line.strip().equals("--") || MOBILE_SIGNATURE.matcher(line).matches()) {
				return lines.subList(0, index);
			}
			if (SIGN_OFF.matcher(line).matches() && isShortTail(lines.subList(index + 1, lines.size()))) {
				return lines.subList(0, index);
			}
		}
		return lines;
	}

	private static boolean isShortTail(List<String> tail) {
		List<String> text = tail.stream().filter((line) -> !line.isBlank()).toList();
		return text.size() <= SIGN_OFF_TAIL && text.stream().noneMatch(NumberedLine::isNumbered);
	}

}
