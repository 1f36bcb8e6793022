package se.samla.email.internal.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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

	/**
	 * A separator line with a few words between runs of dashes, equals signs or
	 * underscores: "-----Original Message-----", "-------- Message d'origine --------",
	 * "---------- Forwarded message ---------", in whatever language.
	 */
	private static final Pattern SEPARATOR = Pattern
		.compile("^\\s*[-=_]{2,}\\s*\\p{L}[\\p{L}' ]{1,40}?\\s*:?\\s*[-=_]{2,}\\s*$", FLAGS);

	/**
	 * A separator run followed by header text with a date: "==== Message du : 12/12/2016
	 * 13:20 De : …".
	 */
	private static final Pattern SEPARATOR_WITH_HEADER = Pattern.compile("^\\s*[-=_]{3,}\\s*\\p{L}.*:.*$");

	/** Forwarding markers, which never belong to an answer, with or without dashes. */
	private static final Pattern FORWARD = Pattern.compile("^[\\s>*-]*(?:begin forwarded message|forwarded message|"
			+ "vidarebefordrat (?:meddelande|brev|e-postmeddelande)|skickades vidare|videresendt (?:melding|meddelelse|"
			+ "besked)|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|message transféré|"
			+ "début du message réexpédié|doorgestuurd bericht|messaggio inoltrato|inizio messaggio inoltrato|"
			+ "mensaje reenviado|mensagem encaminhada|wiadomość przekazana dalej|przekazana wiadomość|"
			+ "välitetty viesti|edelleenlähetetty viesti)[\\s:.-]*$", FLAGS);

	/** Outlook's plain-text separator above the header block. */
	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

	/**
	 * A header field as mail clients print it above a quote, in any language: a label of
	 * one to three words, a colon (French puts a space before it), a value.
	 */
	private static final Pattern FIELD = Pattern
		.compile("^\\s*(\\p{L}[\\p{L}.'-]*(?: [\\p{L}.'-]+){0,2})\\s*:(?:\\s+(.*)|\\s*)$", FLAGS);

	/**
	 * The label of the sender field that starts a header block, in the languages we know.
	 */
	private static final Set<String> FROM_LABELS = Set.of("från", "from", "fra", "frå", "de", "van", "von", "da", "od",
			"lähettäjä", "afsender", "avsender", "remitente", "mittente", "expéditeur", "absender", "nadawca", "frá",
			"kimden", "от", "від", "sender", "feladó", "odesílatel", "envoyé par");

	/** The label of the field saying when the quoted message was sent. */
	private static final Set<String> SENT_LABELS = Set.of("skickat", "datum", "sent", "date", "envoyé", "envoyé le",
			"verzonden", "inviato", "gesendet", "enviado", "enviado el", "enviada em", "wysłano", "lähetetty", "sendt",
			"data", "fecha", "päivämäärä", "dato", "sent at");

	/**
	 * A field label anywhere in a line, for header blocks an HTML client ran together.
	 */
	private static final Pattern INNER_FIELD = Pattern.compile("\\s\\p{L}[\\p{L}.'-]*(?: \\p{L}[\\p{L}.'-]*)?\\s?:\\s");

	/**
	 * A date or time as headers print them: a year from 1900 to 2099, or hours and
	 * minutes ("13:09", "klo 17.50").
	 */
	private static final Pattern DATE_OR_TIME = Pattern
		.compile("(?<![\\d.,:])(?:(?:19|20)\\d{2}(?!\\d)|[0-2]?\\d[:.][0-5]\\d(?![\\d,]|\\.\\d))");

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@]+@[^\\s<>@]+\\.\\p{L}{2,}|<[^<>]*@[^<>]*>");

	/** "wrote" in the languages attribution lines are written in. */
	private static final String WROTE = "(?iu:wrote|writes|skrev|skriver|schrieb|a écrit|escribió|escribio|escreveu|"
			+ "ha scritto|scrisse|schreef|napisał|napisała|napisal|kirjoitti|skrive|írta|написал|написала|yazdı|"
			+ "pisze|kirjutas|napsal|napísal)";

	/**
	 * "wrote" at the end, bare or before "följande" or a capitalised sender, then a
	 * colon.
	 */
	private static final Pattern WROTE_END = Pattern
		.compile("(?:^|[\\s,])" + WROTE + "(?:\\s+(?iu:följande|the following|following|folgendes))?\\s*:?\\s*$"
				+ "|(?:^|[\\s,])" + WROTE + "(?:\\s+[\"'(]?\\p{Lu}[\\p{L}.'\")-]*){1,4}\\s*(?:<[^<>]*>)?\\s*:\\s*$"
				+ "|(?:^|[\\s,])" + WROTE + "\\s[^:]*[<@\"][^:]*:\\s*$");

	private static final Pattern WROTE_ANYWHERE = Pattern.compile("(?:^|[\\s,])" + WROTE + "(?=[\\s:,]|$)", FLAGS);

	/** A capitalised word after the first: a name. */
	private static final Pattern NAME = Pattern.compile("\\s[\"'(]?\\p{Lu}\\p{L}");

	private static final int FIELD_LOOKAHEAD = 6;

	private static final int ATTRIBUTION_CHARS = 300;

	private static final Pattern FROM = Pattern.compile("^\\s*\\*?(?:från|from)\\s*:.*", FLAGS);

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

	private static final int ATTRIBUTION_LINES = 4;

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
	 * @param text a reply's body with {@code \\n} line ends
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
		boolean cut = false;
		for (int index = 0; index < top.size(); index++) {
			String line = top.get(index);
			int attribution = attributionLength(top, index);
			if (attribution > 0 && followedByQuote(top, index + attribution)) {
				quoted.addAll(top.subList(index, index + attribution));
				index += attribution - 1;
				cut = true;
			}
			else if (QUOTED.matcher(line).matches()) {
				quoted.add(line);
				cut = true;
			}
			else if (!(cut && line.isBlank() && !reply.isEmpty() && reply.get(reply.size() - 1).isBlank())) {
				// the blank lines around a quote that was cut out become one
				reply.add(line);
				cut = cut && line.isBlank();
			}
		}
		if (!history.isEmpty()) {
			quoted.add(history);
		}
		return new Stripped(join(Signatures.strip(reply, signer)), join(quoted), false);
	}

	/**
	 * Where the history starts: a separator, a header block, a forwarding marker, an
	 * attribution that is not followed by {@code >} lines (the quote below it is
	 * unmarked), or an attribution whose {@code >} quote runs to the end of the text.
	 */
	private static int historyStart(List<String> lines) {
		for (int index = 0; index < lines.size(); index++) {
			String line = lines.get(index);
			if (QUOTED.matcher(line).matches() || NumberedLine.isNumbered(line)) {
				continue;
			}
			if (SEPARATOR.matcher(line).matches() || UNDERSCORES.matcher(line).matches()
					|| FORWARD.matcher(line).matches() || isHeaderBlock(lines, index)) {
				return index;
			}
			int attribution = attributionLength(lines, index);
			if (attribution > 0
					&& (!followedByQuote(lines, index + attribution) || nothingOwnAfter(lines, index + attribution))) {
				return index;
			}
		}
		return lines.size();
	}

	/**
	 * A header block above a quoted message, in any language: consecutive fields
	 * ("Från:", "Van:", "De :", "*From:*", "Date:", …) that include a sender field and
	 * either a sent-date field or a date or time with a third field or an address; or
	 * such fields run together on one line, as HTML clients leave them. Hotmail and
	 * Thunderbird put the date or subject first, so the sender may come later.
	 */
	private static boolean isHeaderBlock(List<String> lines, int index) {
		String first = unbold(lines.get(index));
		if (SEPARATOR_WITH_HEADER.matcher(first).matches() && DATE_OR_TIME.matcher(first).find()) {
			return true;
		}
		Matcher field = FIELD.matcher(first);
		if (!field.matches()) {
			return false;
		}
		String value = (field.group(2) != null) ? field.group(2) : "";
		if (isLabel(field.group(1), FROM_LABELS) && DATE_OR_TIME.matcher(value).find()
				&& countInnerFields(value) >= 2) {
			return true;
		}
		int fields = 0;
		boolean from = false;
		boolean sent = false;
		boolean date = false;
		boolean address = false;
		for (int next = index; next < Math.min(lines.size(), index + FIELD_LOOKAHEAD); next++) {
			Matcher more = FIELD.matcher(unbold(lines.get(next)));
			if (!more.matches()) {
				break;
			}
			String moreValue = (more.group(2) != null) ? more.group(2) : "";
			fields++;
			from |= isLabel(more.group(1), FROM_LABELS);
			sent |= isLabel(more.group(1), SENT_LABELS);
			date |= DATE_OR_TIME.matcher(moreValue).find();
			address |= ADDRESS.matcher(moreValue).find();
		}
		boolean startsWithSender = isLabel(field.group(1), FROM_LABELS);
		return from && fields >= 2 && ((startsWithSender && sent) || (date && (fields >= 3 || address)))
				|| legacyHeaderBlock(lines, index);
	}

	private static boolean isLabel(String label, Set<String> labels) {
		return labels.contains(label.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * "Från:" or "From:" followed by two other fields within a few lines; one "Till:"
	 * after a "Från:" can be part of an answer.
	 */
	private static boolean legacyHeaderBlock(List<String> lines, int index) {
		if (!FROM.matcher(lines.get(index)).matches()) {
			return false;
		}
		int others = 0;
		for (int next = index + 1; next < Math.min(lines.size(), index + 1 + FIELD_LOOKAHEAD); next++) {
			if (OTHER_FIELD.matcher(lines.get(next)).matches()) {
				others++;
			}
		}
		return others >= 2;
	}

	private static int countInnerFields(String value) {
		Matcher inner = INNER_FIELD.matcher(" " + value);
		int count = 0;
		while (inner.find()) {
			count++;
		}
		return count;
	}

	/** Outlook marks field names bold, which its plain text shows as stars. */
	private static String unbold(String line) {
		return line.replace("*", "");
	}

	/**
	 * How many lines (one to four: clients wrap long attributions) form an attribution
	 * starting at the index, or 0. An attribution is recognised by its shape rather than
	 * its words, so that any language works: a short line carrying a date or time and a
	 * sender, ending in a colon or in "wrote". Without a {@code >} quote below it, it
	 * must also name an address or end in a known word for "wrote".
	 */
	private static int attributionLength(List<String> lines, int index) {
		String first = lines.get(index);
		if (first.isBlank() || NumberedLine.isNumbered(first)) {
			return 0;
		}
		StringBuilder joined = new StringBuilder();
		for (int count = 1; count <= ATTRIBUTION_LINES && index + count <= lines.size(); count++) {
			String line = lines.get(index + count - 1);
			if (line.isBlank() || (count > 1 && (QUOTED.matcher(line).matches() || NumberedLine.isNumbered(line)))) {
				return 0;
			}
			joined.append(' ').append(line.strip());
			if (joined.length() > ATTRIBUTION_CHARS) {
				return 0;
			}
			if (isAttribution(joined.toString().strip(), followedByQuote(lines, index + count))) {
				return count;
			}
		}
		return 0;
	}

	static boolean isAttribution(String text, boolean quoteFollows) {
		if (ATTRIBUTION_START.matcher(text).find() && ATTRIBUTION_END.matcher(text).find()) {
			return true;
		}
		boolean colon = text.endsWith(":");
		boolean wroteEnd = WROTE_END.matcher(text).find();
		if (!colon && !wroteEnd) {
			return false;
		}
		boolean date = DATE_OR_TIME.matcher(text).find();
		boolean address = ADDRESS.matcher(text).find();
		if (date && (address || wroteEnd)) {
			return true;
		}
		boolean wrote = WROTE_ANYWHERE.matcher(text).find();
		boolean sender = address || NAME.matcher(text).find() || text.contains("\"");
		return quoteFollows && (date || address || wrote) && sender && (date || wrote);
	}

	private static boolean followedByQuote(List<String> lines, int index) {
		for (int next = index; next < lines.size(); next++) {
			if (!lines.get(next).isBlank()) {
				return QUOTED.matcher(lines.get(next)).matches();
			}
		}
		return false;
	}

	/** Whether the person wrote nothing after the index but quotes and a signature. */
	private static boolean nothingOwnAfter(List<String> lines, int index) {
		List<String> own = new ArrayList<>();
		for (String line : lines.subList(Math.min(index, lines.size()), lines.size())) {
			if (!QUOTED.matcher(line).matches()) {
				own.add(line);
			}
		}
		return join(Signatures.strip(own, Signer.UNKNOWN)).isEmpty();
	}

	/**
	 * Quoted lines with the person's own text after them and before them: answers written
	 * under quoted questions, or the person quoting something inside their own text. The
	 * {@link AnswerMapper} tells them apart by what is quoted.
	 */
	private static boolean isInline(List<String> lines) {
		int firstQuoted = -1;
		for (int index = 0; index < lines.size(); index++) {
			if (QUOTED.matcher(lines.get(index)).matches()) {
				firstQuoted = index;
				break;
			}
		}
		if (firstQuoted < 0) {
			return false;
		}
		int lastQuoted = lastQuoted(lines);
		for (int index = firstQuoted + 1; index < lastQuoted; index++) {
			String line = lines.get(index);
			if (!line.isBlank() && !QUOTED.matcher(line).matches() && attributionLength(lines, index) == 0) {
				return true;
			}
		}
		return ownTextBefore(lines, firstQuoted)
				&& !join(Signatures.strip(lines.subList(lastQuoted + 1, lines.size()), Signer.UNKNOWN)).isEmpty();
	}

	/**
	 * Own text above the first quote, which no attribution introduces: a quote under an
	 * attribution is someone else's message, not the person quoting inside their text.
	 */
	private static boolean ownTextBefore(List<String> lines, int firstQuoted) {
		boolean own = false;
		boolean attributed = false;
		for (int index = 0; index < firstQuoted; index++) {
			String line = lines.get(index);
			if (line.isBlank()) {
				continue;
			}
			int attribution = attributionLength(lines, index);
			if (attribution > 0) {
				index += attribution - 1;
				attributed = true;
				continue;
			}
			own = true;
			attributed = false;
		}
		return own && !attributed;
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
