package se.samla.directory.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV the way Swedish Excel writes it: fields separated by semicolons, optionally
 * quoted with {@code "} (a quoted field may hold semicolons, doubled quotes and line
 * breaks), lines ending in CRLF or LF, text in UTF-8 (with or without BOM) or
 * Windows-1252. Every record knows the physical line it starts on, so that problems can
 * be reported where the user will find them.
 */
final class CsvParser {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final char SEPARATOR = ';';

	private static final char QUOTE = '"';

	private CsvParser() {
	}

	/**
	 * Decodes a file: a BOM means UTF-8; otherwise the bytes are decoded as strict UTF-8,
	 * and if they are not valid UTF-8, as Windows-1252 (what Excel's plain "CSV" saves on
	 * a Swedish Windows).
	 * @throws CsvFormatException for UTF-16, which Excel's "Unicode text" writes
	 */
	static String decode(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
				|| ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF))) {
			throw new CsvFormatException(1,
					"the file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, WINDOWS_1252);
		}
	}

	/**
	 * Splits text into records of raw (untrimmed) fields. Line breaks inside quoted
	 * fields are kept as {@code \n}. Blank lines come back as records with one empty
	 * field.
	 * @throws CsvFormatException if a quoted field is never closed
	 */
	static List<CsvRecord> parse(String text) {
		List<CsvRecord> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		int quoteLine = 0;
		boolean inQuotes = false;
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (inQuotes) {
				if (c == QUOTE) {
					if (i + 1 < length && text.charAt(i + 1) == QUOTE) {
						field.append(QUOTE);
						i += 2;
					}
					else {
						inQuotes = false;
						i++;
					}
				}
				else if (c == '\r' || c == '\n') {
					field.append('\n');
					line++;
					i += lineBreakLength(text, i);
				}
				else {
					field.append(c);
					i++;
				}
			}
			else if (c == QUOTE && field.isEmpty()) {
				inQuotes = true;
				quoteLine = line;
				i++;
			}
			else if (c == SEPARATOR) {
				fields.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (c == '\r' || c == '\n') {
				fields.add(field.toString());
				field.setLength(0);
				records.add(new CsvRecord(recordLine, fields));
				fields = new ArrayList<>();
				i += lineBreakLength(text, i);
				line++;
				recordLine = line;
			}
			else {
				// A quote inside an unquoted field is taken literally, as Excel does.
				field.append(c);
				i++;
			}
		}
		if (inQuotes) {
			throw new CsvFormatException(quoteLine,
					"a quoted field starting on line " + quoteLine + " is never closed (a \" is missing)");
		}
		if (!field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			records.add(new CsvRecord(recordLine, fields));
		}
		return records;
	}

	private static int lineBreakLength(String text, int index) {
		return (text.charAt(index) == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') ? 2 : 1;
	}

	/**
	 * One record as read.
	 *
	 * @param line the physical line the record starts on, from 1
	 * @param fields the raw field values
	 */
	record CsvRecord(int line, List<String> fields) {

		CsvRecord {
			fields = List.copyOf(fields);
		}

		boolean isBlank() {
			return this.fields.stream().allMatch(String::isBlank);
		}

	}

}
