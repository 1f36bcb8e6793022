package se.samla.digests.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import se.samla.digests.Digest;
import se.samla.digests.Digest.RawRow;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestTexts;

/**
 * Writes a digest's raw rows as CSV the way Swedish Excel opens it with a double click: a
 * byte order mark first (so Excel reads UTF-8), semicolons between the fields, CRLF after
 * every row, and quotes as RFC 4180 has them around a field with a semicolon, a quote, CR
 * or LF (a quote inside doubled).
 * <p>
 * Answers are data, never formulas: a field that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or CR gets an apostrophe in front, inside quotes (OWASP's
 * advice against CSV injection), so {@code =1+1} arrives as the text {@code '=1+1}.
 */
public final class CsvDigest {

	static final char SEPARATOR = ';';

	static final String LINE_END = "\r\n";

	private CsvDigest() {
	}

	/**
	 * Writes the CSV to {@code out}, which should encode UTF-8, and flushes it; it is
	 * left open.
	 */
	public static void write(Digest digest, DigestTexts texts, Writer out) throws IOException {
		boolean persons = digest.view() == View.PERSONS;
		out.write('\uFEFF');
		List<String> header = new ArrayList<>();
		header.add(texts.get("organisation"));
		if (persons) {
			header.add(texts.get("person"));
		}
		header.add(texts.get("xlsx.number"));
		header.add(texts.get("xlsx.question-id"));
		header.add(texts.get("question"));
		header.add(texts.get("item"));
		header.add(texts.get("answer"));
		header.add(texts.get("channel"));
		header.add(texts.get("submitted"));
		StringBuilder line = new StringBuilder(256);
		for (int i = 0; i < header.size(); i++) {
			field(line, i, header.get(i));
		}
		out.append(line).append(LINE_END);
		String yes = texts.get("yes");
		String no = texts.get("no");
		for (RawRow raw : digest.raw()) {
			line.setLength(0);
			int i = 0;
			field(line, i++, raw.organisation());
			if (persons) {
				field(line, i++, raw.person());
			}
			// a number of our own: never neutralised
			line.append(SEPARATOR).append(raw.number());
			i++;
			field(line, i++, raw.questionId());
			field(line, i++, raw.question());
			field(line, i++, raw.item());
			field(line, i++, raw.answer());
			field(line, i++, raw.channel());
			field(line, i, raw.submitted() ? yes : no);
			out.append(line).append(LINE_END);
		}
		out.flush();
	}

	private static void field(StringBuilder line, int index, String value) {
		if (index > 0) {
			line.append(SEPARATOR);
		}
		line.append(field(value));
	}

	/**
	 * One field as written: quoted when it holds a separator, a quote, CR or LF, and with
	 * an apostrophe in front (inside quotes) when a spreadsheet would take it for a
	 * formula.
	 */
	static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		boolean formula = startsLikeFormula(value);
		boolean quote = formula;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == SEPARATOR || c == '"' || c == '\r' || c == '\n';
		}
		if (!quote) {
			return value;
		}
		StringBuilder field = new StringBuilder(value.length() + 4).append('"');
		if (formula) {
			field.append('\'');
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				field.append('"');
			}
			field.append(c);
		}
		return field.append('"').toString();
	}

	private static boolean startsLikeFormula(String value) {
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
