package se.samla.email.internal.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what a person wrote from the history their mail client quoted below it and
 * from their signature, for the quoting styles of Outlook (Swedish and English headers,
 * classic and new), Gmail, Apple Mail, Thunderbird and mobile clients. No library on
 * Maven Central does this, and the invitation itself is in the quote, so leaving it in
 * would turn our own questions into answers.
 * <p>
 * When a person answered inline, writing under each quoted question, the whole structure
 * is kept and flagged, so that the {@link AnswerMapper} can pair answers with questions.
 */
public final class QuoteStripper {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern SEPARATOR = Pattern
		.compile("^\\s*-{2,}\\s*(?:ursprungligt meddelande|original message|originalmeddelande|"
				+ "vidarebefordrat meddelande|forwarded message)\\s*-{2,}\\s*$", FLAGS);

	/** Outlook's plain-text separator above the header block. */
	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

	private static final Pattern FROM = Pattern.compile("^\\s*\\*?(?:från|from)\\s*:.*", FLAGS);

	/** Header fields that only a mail header has (a date), enough on their own. */
	private static final Pattern DATE_FIELD = Pattern.compile("^\\s*\\*?(?:skickat|datum|sent|date)\\s*:.*", FLAGS);

	private static final Pattern OTHER_FIELD = Pattern.compile("^\\s*\\*?(?:till|ämne|to|subject|kopia|cc)\\s*:.*",
			FLAGS);

	/**
	 * The start of an attribution: "Den …", "On …", a date ("2026-12-03", "3 dec. 2026")
	 * or a weekday.
	 */
	private static final Pattern ATTRIBUTION_START = Pattern
		.compile("^\\s*(?:den\\s|on\\s|\\d{1,4}[-/. ]|(?:mån|tis|ons|tors|fre|lör|sön|mon|tue|wed|thu|fri|sat|sun)"
				+ "\\p{L}*[ ,.])", FLAGS);

	/**
	 * The end of an attribution: "wrote:", "skrev:", "skrev Anna <anna@…>:", "skrev "X"
	 * &lt;x&gt; följande:". Text between "skrev" and the colon must look like a sender,
	 * so that "… skrev vi följande till nämnden:" in an answer is not taken for one.
	 */
	private static final Pattern ATTRIBUTION_END = Pattern
		.compile("(?:\\swrote\\s*:|\\sskrev(?:\\s+följande)?\\s*:|\\sskrev\\s[^:]*[<@\"][^:]*:)\\s*$", FLAGS);

	private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");

	private static final int HEADER_LOOKAHEAD = 4;

	private static final int ATTRIBUTION_LINES = 3;

	/**
	 * @param reply what the person wrote, without quotes and signature; when they
	 * answered inline, the whole text with its {@code >} lines
	 * @param quoted the quoted history, or an empty string
	 * @param inlineAnswers whether unquoted text appears between quoted lines
	 */
	public record Stripped(String reply, String quoted, boolean inlineAnswers) {
	}

	private QuoteStripper() {
	}

	/**
	 * @param text a reply's body with {@code \n} line ends
	 * @return the reply, its quoted history, and whether answers were written inline
	 */
	public static Stripped strip(String text) {
		return strip(text, Signer.UNKNOWN);
	}

	/**
	 * @param text a reply's body with {@code \n} line ends
	 * @param signer who wrote it, so that their own name and title are known as their
	 * signature
	 * @return the reply, its quoted history, and whether answers were written inline
	 */
	public static Stripped strip(String text, Signer signer) {
		List<String> lines = List.of(ReplyBody.normaliseNewlines(text).split("\n", -1));
		int historyStart = historyStart(lines);
		List<String> top = lines.subList(0, historyStart);
		String history = String.join("\n", lines.subList(historyStart, lines.size())).strip();
		if (isInline(top)) {
			return new Stripped(join(Signatures.inline(top, signer)), history, true);
		}
		List<String> reply = new ArrayList<>();
		List<String> quoted = new ArrayList<>();
		for (int index = 0; index < top.size(); index++) {
			String line = top.get(index);
			int attribution = attributionLength(top, index);
			if (attribution > 0 && followedByQuote(top, index + attribution)) {
				quoted.addAll(top.subList(index, index + attribution));
				index += attribution - 1;
			}
			else if (QUOTED.matcher(line).matches()) {
				quoted.add(line);
			}
			else {
				reply.add(line);
			}
		}
		if (!history.isEmpty()) {
			quoted.add(history);
		}
		return new Stripped(join(Signatures.strip(reply, signer)), join(quoted), false);
	}

	/**
	 * Where the history quoted without {@code >} starts: Outlook's separators and header
	 * blocks, or an attribution that is not followed by {@code >} lines.
	 */
	private static int historyStart(List<String> lines) {
		for (int index = 0; index < lines.size(); index++) {
			String line = lines.get(index);
			if (QUOTED.matcher(line).matches() || NumberedLine.isNumbered(line)) {
				continue;
			}
			if (SEPARATOR.matcher(line).matches() || UNDERSCORES.matcher(line).matches()
					|| isHeaderBlock(lines, index)) {
				return index;
			}
			int attribution = attributionLength(lines, index);
			if (attribution > 0 && !followedByQuote(lines, index + attribution)) {
				return index;
			}
		}
		return lines.size();
	}

	/**
	 * "Från:" followed by a date field, or by two other header fields, within a few
	 * lines; one "Till:" after a "Från:" can be part of an answer.
	 */
	private static boolean isHeaderBlock(List<String> lines, int index) {
		if (!FROM.matcher(lines.get(index)).matches()) {
			return false;
		}
		int others = 0;
		for (int next = index + 1; next < Math.min(lines.size(), index + 1 + HEADER_LOOKAHEAD); next++) {
			String line = lines.get(next);
			if (DATE_FIELD.matcher(line).matches()) {
				return true;
			}
			if (OTHER_FIELD.matcher(line).matches()) {
				others++;
			}
		}
		return others >= 2;
	}

	/**
	 * How many lines (one to three: Gmail wraps long attributions) form an attribution
	 * starting at the index, or 0.
	 */
	private static int attributionLength(List<String> lines, int index) {
		String first = lines.get(index);
		if (!ATTRIBUTION_START.matcher(first).find() || NumberedLine.isNumbered(first)) {
			return 0;
		}
		StringBuilder joined = new StringBuilder();
		for (int count = 1; count <= ATTRIBUTION_LINES && index + count <= lines.size(); count++) {
			String line = lines.get(index + count - 1);
			if (line.isBlank() || (count > 1 && QUOTED.matcher(line).matches())) {
				return 0;
			}
			joined.append(' ').append(line.strip());
			if (ATTRIBUTION_END.matcher(joined).find()) {
				return count;
			}
		}
		return 0;
	}

	private static boolean followedByQuote(List<String> lines, int index) {
		for (int next = index; next < lines.size(); next++) {
			if (!lines.get(next).isBlank()) {
				return QUOTED.matcher(lines.get(next)).matches();
			}
		}
		return false;
	}

	/** Unquoted, non-blank text with quoted lines both above and below it. */
	private static boolean isInline(List<String> lines) {
		int firstQuoted = -1;
		for (int index = 0; index < lines.size(); index++) {
			if (QUOTED.matcher(lines.get(index)).matches()) {
				firstQuoted = index;
				break;
			}
		}
		int lastQuoted = lastQuoted(lines);
		for (int index = firstQuoted + 1; firstQuoted >= 0 && index < lastQuoted; index++) {
			String line = lines.get(index);
			if (!line.isBlank() && !QUOTED.matcher(line).matches() && attributionLength(lines, index) == 0) {
				return true;
			}
		}
		return false;
	}

	private static int lastQuoted(List<String> lines) {
		for (int index = lines.size() - 1; index >= 0; index--) {
			if (QUOTED.matcher(lines.get(index)).matches()) {
				return index;
			}
		}
		return -1;
	}

	private static String join(List<String> lines) {
		return String.join("\n", lines).strip();
	}

}
