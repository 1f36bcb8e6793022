package se.samla.digests.internal;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.zip.Deflater;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.Level;
import se.samla.digests.Digest.LevelCount;
import se.samla.digests.Digest.NamedRate;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.PersonLine;
import se.samla.digests.Digest.QuestionSection;
import se.samla.digests.Digest.Rate;
import se.samla.digests.Digest.RawRow;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestTexts;

/**
 * Writes a digest as an XLSX workbook: an overview, a sheet per question, a sheet per
 * colour table, the changes, the themes, the follow-up and the raw data, each table with
 * a bold header row that is frozen and filtered.
 * <p>
 * Every text goes in as a string cell, never as a formula: an answer such as
 * {@code =HYPERLINK(…)} shows as exactly that text. The text cells are also marked "quote
 * prefixed", so that Excel keeps them text when someone edits one. Characters that XML
 * 1.0 does not allow are left out, Excel's own escapes ({@code _x0041_}) are escaped, and
 * a text longer than Excel's 32,767 characters is cut with an ellipsis.
 * <p>
 * The workbook is streamed ({@link SXSSFWorkbook}): only the last {@value #ROW_WINDOW}
 * rows of each sheet are in memory, the rest wait in a temporary file, so a million raw
 * rows fit in a small heap. A table longer than a sheet's 1,048,576 rows goes on in a
 * second sheet of the same name with " (2)".
 */
public final class XlsxDigest {

	/** Excel's limit of characters in one cell. */
	static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	/** Rows of a sheet kept in memory while writing; earlier ones are on disk. */
	private static final int ROW_WINDOW = 100;

	/**
	 * Whether the temporary sheet files are gzipped. Plain is faster and the files are
	 * deleted at once; compressed needs a tenth of the disk (see BENCHMARKS.md).
	 */
	private static final boolean COMPRESS_TEMP_FILES = false;

	private static final int MAX_SHEET_NAME = 31;

	private static final String ELLIPSIS = "…";

	private XlsxDigest() {
	}

	/**
	 * Writes the digest as an XLSX workbook to {@code out}, which is left open.
	 */
	public static void write(Digest digest, DigestTexts texts, OutputStream out) throws IOException {
		write(digest, texts, List.of(), out);
	}

	/**
	 * Writes the digest as an XLSX workbook to {@code out}, which is left open, with the
	 * charts on a sheet of their own after the overview (none when there are none).
	 */
	public static void write(Digest digest, DigestTexts texts, List<Chart> charts, OutputStream out)
			throws IOException {
		write(digest, texts, charts, out, SpreadsheetVersion.EXCEL2007.getMaxRows(), COMPRESS_TEMP_FILES);
	}

	static void write(Digest digest, DigestTexts texts, OutputStream out, int maxRowsPerSheet,
			boolean compressTempFiles) throws IOException {
		write(digest, texts, List.of(), out, maxRowsPerSheet, compressTempFiles);
	}

	static void write(Digest digest, DigestTexts texts, List<Chart> charts, OutputStream out, int maxRowsPerSheet,
			boolean compressTempFiles) throws IOException {
		try (SXSSFWorkbook workbook = new FastWorkbook(compressTempFiles)) {
			Book book = new Book(workbook, digest, texts, maxRowsPerSheet);
			book.charts = charts;
			book.write();
			workbook.write(out);
		}
	}

	/**
	 * The text as Excel can hold it and shows it: without the characters XML 1.0 does not
	 * allow (control characters other than tab, CR and LF, lone surrogates, U+FFFE and
	 * U+FFFF), at most {@value #MAX_CELL_TEXT} characters, with Excel's escape
	 * {@code _xHHHH_} escaped so that it is not read as a character code.
	 */
	static String cellText(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String legal = legal(text);
		String shown = (legal.length() <= MAX_CELL_TEXT) ? legal : cut(legal, MAX_CELL_TEXT - 1) + ELLIPSIS;
		String escaped = escapeExcel(shown);
		if (escaped.length() <= MAX_CELL_TEXT) {
			return escaped;
		}
		// only when the text is full of _xHHHH_: keep what fits once escaped
		int keep = shown.length();
		while (escaped.length() > MAX_CELL_TEXT) {
			keep -= escaped.length() - MAX_CELL_TEXT + 1;
			escaped = escapeExcel(cut(shown, keep) + ELLIPSIS);
		}
		return escaped;
	}

	private static String legal(String text) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			int codePoint = text.codePointAt(i);
			if (!legal(codePoint)) {
				break;
			}
			i += Character.charCount(codePoint);
		}
		if (i == length) {
			return text;
		}
		StringBuilder kept = new StringBuilder(length).append(text, 0, i);
		while (i < length) {
			int codePoint = text.codePointAt(i);
			if (legal(codePoint)) {
				kept.appendCodePoint(codePoint);
			}
			i += Character.charCount(codePoint);
		}
		return kept.toString();
	}

	private static boolean legal(int codePoint) {
		return (codePoint >= 0x20 && codePoint <= 0xD7FF) || codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
				|| (codePoint >= 0xE000 && codePoint <= 0xFFFD) || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
	}

	/**
	 * Excel reads {@code _xHHHH_} in a string as the character HHHH; {@code _x005F} in
	 * front keeps it as it is.
	 */
	private static String escapeExcel(String text) {
		int at = text.indexOf('_');
		if (at < 0) {
			return text;
		}
		StringBuilder escaped = null;
		int copied = 0;
		for (; at >= 0; at = text.indexOf('_', at + 1)) {
			if (isExcelEscape(text, at)) {
				if (escaped == null) {
					escaped = new StringBuilder(text.length() + 12);
				}
				escaped.append(text, copied, at).append("_x005F");
				copied = at;
			}
		}
		return (escaped != null) ? escaped.append(text, copied, text.length()).toString() : text;
	}

	private static boolean isExcelEscape(String text, int at) {
		if (at + 7 > text.length() || (text.charAt(at + 1) != 'x' && text.charAt(at + 1) != 'X')
				|| text.charAt(at + 6) != '_') {
			return false;
		}
		for (int i = at + 2; i < at + 6; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	/** The first {@code length} characters, without half a surrogate pair at the end. */
	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = Math.max(length, 0);
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/**
	 * The streaming workbook, with two speed-ups for large digests: the package is
	 * deflated at the fastest level (the XML compresses well anyway), and a text is
	 * escaped a run of characters at a time instead of character by character.
	 */
	private static final class FastWorkbook extends SXSSFWorkbook {

		private final boolean compressTempFiles;

		FastWorkbook(boolean compressTempFiles) {
			super(null, ROW_WINDOW, compressTempFiles, false);
			this.compressTempFiles = compressTempFiles;
		}

		@Override
		protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
			ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
			zip.setLevel(Deflater.BEST_SPEED);
			return zip;
		}

		@Override
		protected SheetDataWriter createSheetDataWriter() throws IOException {
			return this.compressTempFiles ? new FastGzipSheetDataWriter() : new FastSheetDataWriter();
		}

	}

	private static final class FastSheetDataWriter extends SheetDataWriter {

		FastSheetDataWriter() throws IOException {
			super();
		}

		@Override
		public Writer createWriter(File file) throws IOException {
			return new Utf8Writer(decorateOutputStream(new FileOutputStream(file)));
		}

		@Override
		protected void outputEscapedString(String text) throws IOException {
			writeEscaped(text, this._out);
		}

	}

	private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

		FastGzipSheetDataWriter() throws IOException {
			super();
		}

		@Override
		public Writer createWriter(File file) throws IOException {
			return new Utf8Writer(decorateOutputStream(new FileOutputStream(file)));
		}

		@Override
		protected void outputEscapedString(String text) throws IOException {
			writeEscaped(text, this._out);
		}

	}

	/**
	 * Writes the text as POI's writer escapes it ({@code SheetDataWriter}, POI 5.5):
	 * {@code <>&"} as entities; tab, LF, CR and the no-break space as character
	 * references; other control characters, U+FFFE and U+FFFF as {@code ?}; everything
	 * else as it is. POI writes every character on its own; this writes the runs in
	 * between in one piece, with the same result.
	 */
	static void writeEscaped(String text, Writer out) throws IOException {
		if (text == null) {
			return;
		}
		int length = text.length();
		int from = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0xFFFE && c != '<' && c != '>' && c != '&' && c != '"' && c != 0xA0) {
				continue;
			}
			if (i > from) {
				out.write(text, from, i - from);
			}
			out.write(switch (c) {
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '&' -> "&amp;";
				case '"' -> "&quot;";
				case '\n' -> "&#xa;";
				case '\r' -> "&#xd;";
				case '\t' -> "&#x9;";
				case 0xA0 -> "&#xa0;";
				default -> "?";
			});
			from = i + 1;
		}
		if (length > from) {
			out.write(text, from, length - from);
		}
	}

	/**
	 * The writer of a temporary sheet file: UTF-8, the same bytes as POI's own
	 * {@code BufferedWriter} over an {@code OutputStreamWriter} (a surrogate without its
	 * other half as {@code ?}, a pair split over two writes joined), without their
	 * locking and per-call overhead: POI writes every cell in many small pieces.
	 */
	static final class Utf8Writer extends Writer {

		private final OutputStream out;

		private final byte[] buffer = new byte[64 * 1024];

		private int size;

		/** A high surrogate written last, waiting for its low half; or 0. */
		private char high;

		private boolean closed;

		Utf8Writer(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int c) throws IOException {
			ensureOpen();
			encode((char) c);
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			ensureOpen();
			for (int i = offset, end = offset + length; i < end; i++) {
				char c = text.charAt(i);
				if (c < 0x80 && this.high == 0) {
					if (this.size == this.buffer.length) {
						drain();
					}
					this.buffer[this.size++] = (byte) c;
				}
				else {
					encode(c);
				}
			}
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			ensureOpen();
			for (int i = offset, end = offset + length; i < end; i++) {
				encode(chars[i]);
			}
		}

		private void encode(char c) throws IOException {
			if (this.size > this.buffer.length - 4) {
				drain();
			}
			byte[] b = this.buffer;
			if (this.high != 0) {
				char high = this.high;
				this.high = 0;
				if (Character.isLowSurrogate(c)) {
					int codePoint = Character.toCodePoint(high, c);
					b[this.size++] = (byte) (0xF0 | (codePoint >> 18));
					b[this.size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
					b[this.size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
					b[this.size++] = (byte) (0x80 | (codePoint & 0x3F));
					return;
				}
				b[this.size++] = '?';
				encode(c);
				return;
			}
			if (c < 0x80) {
				b[this.size++] = (byte) c;
			}
			else if (c < 0x800) {
				b[this.size++] = (byte) (0xC0 | (c >> 6));
				b[this.size++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c)) {
				this.high = c;
			}
			else if (Character.isLowSurrogate(c)) {
				b[this.size++] = '?';
			}
			else {
				b[this.size++] = (byte) (0xE0 | (c >> 12));
				b[this.size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[this.size++] = (byte) (0x80 | (c & 0x3F));
			}
		}

		private void ensureOpen() throws IOException {
			if (this.closed) {
				throw new IOException("Stream closed");
			}
		}

		private void drain() throws IOException {
			this.out.write(this.buffer, 0, this.size);
			this.size = 0;
		}

		@Override
		public void flush() throws IOException {
			ensureOpen();
			drain();
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			if (this.high != 0) {
				this.high = 0;
				if (this.size == this.buffer.length) {
					drain();
				}
				this.buffer[this.size++] = '?';
			}
			try (OutputStream closing = this.out) {
				drain();
			}
			finally {
				this.closed = true;
			}
		}

	}

	/** A column of a table: its header and its width in characters. */
	private record Column(String header, int width) {
	}

	/** The workbook being written. */
	private static final class Book {

		private final SXSSFWorkbook workbook;

		private final Digest digest;

		private final DigestTexts texts;

		private final int maxRows;

		private final boolean persons;

		private final Styles styles;

		private final SheetNames names = new SheetNames();

		private List<Chart> charts = List.of();

		Book(SXSSFWorkbook workbook, Digest digest, DigestTexts texts, int maxRows) {
			this.workbook = workbook;
			this.digest = digest;
			this.texts = texts;
			this.maxRows = maxRows;
			this.persons = digest.view() == View.PERSONS;
			this.styles = new Styles(workbook);
		}

		void write() {
			overview();
			if (!this.charts.isEmpty()) {
				XlsxCharts.write(this.workbook, this.names.unique(this.texts.get("xlsx.sheet.charts")),
						this.texts.get("xlsx.charts", this.digest.title()), this.charts, this.styles.bold,
						this.styles.wrapped);
			}
			for (QuestionSection question : this.digest.questions()) {
				question(question);
			}
			boolean severalColourQuestions = this.digest.colourTables()
				.stream()
				.map(ColourTable::questionId)
				.distinct()
				.count() > 1;
			for (ColourTable table : this.digest.colourTables()) {
				colours(table, severalColourQuestions);
			}
			if (!this.digest.changes().isEmpty()) {
				changes();
			}
			if (!this.digest.themes().isEmpty()) {
				themes();
			}
			Digest.FollowUp followUp = this.digest.followUp();
			if (followUp != null
					&& (!followUp.activities().isEmpty() || (this.persons && !followUp.notReported().isEmpty()))) {
				followUp(followUp);
			}
			raw();
		}

		private void overview() {
			Sheet sheet = this.workbook.createSheet(this.names.unique(this.texts.get("overview")));
			widths(sheet, 36, 28, 32, 40);
			printed(sheet, false);
			int r = 0;
			text(sheet.createRow(r++), 0, this.texts.get("title", this.digest.title()), this.styles.title);
			String deadline = (this.digest.deadline() != null) ? this.texts.date(this.digest.deadline()) : "";
			text(sheet.createRow(r++), 0,
					this.texts.get("compiled", this.texts.dateTime(this.digest.compiledAt()), deadline),
					this.styles.plain);
			text(sheet.createRow(r++), 0, this.texts.get(this.digest.open() ? "open" : "final"), this.styles.plain);
			text(sheet.createRow(r++), 0, this.texts.get("view." + this.digest.view().name()), this.styles.plain);
			r++;
			Rate overall = this.digest.rates().overall();
			text(sheet.createRow(r++), 0, this.texts.get("rates"), this.styles.bold);
			text(sheet.createRow(r++), 0, this.texts.get("rates.overall", String.valueOf(overall.answered()),
					String.valueOf(overall.asked()), String.valueOf(overall.percent())), this.styles.plain);
			r++;
			r = rates(sheet, r, this.texts.get("organisation"), this.digest.rates().organisations(), overall);
			if (!this.digest.rates().networks().isEmpty()) {
				r = rates(sheet, r + 1, this.texts.get("network"), this.digest.rates().networks(), null);
			}
			if (this.persons) {
				r = people(sheet, r + 1, this.texts.get("not-answered"), this.digest.notAnswered());
				people(sheet, r + 1, this.texts.get("unreachable"), this.digest.unreachable());
			}
		}

		private int rates(Sheet sheet, int r, String what, List<NamedRate> rates, Rate total) {
			header(sheet.createRow(r++), what, this.texts.get("answered"), this.texts.get("asked"),
					this.texts.get("share"));
			for (NamedRate rate : rates) {
				rate(sheet.createRow(r++), rate.name(), rate.rate(), this.styles.plain);
			}
			if (total != null) {
				rate(sheet.createRow(r++), this.texts.get("xlsx.total"), total, this.styles.bold);
			}
			return r;
		}

		private void rate(Row row, String name, Rate rate, CellStyle style) {
			text(row, 0, name, style);
			number(row, 1, rate.answered(), this.styles.number);
			number(row, 2, rate.asked(), this.styles.number);
			number(row, 3, rate.percent(), this.styles.percent);
		}

		private int people(Sheet sheet, int r, String what, List<PersonLine> people) {
			if (people.isEmpty()) {
				return r - 1;
			}
			text(sheet.createRow(r++), 0, what, this.styles.bold);
			header(sheet.createRow(r++), this.texts.get("person"), this.texts.get("organisation"),
					this.texts.get("email"), this.texts.get("reason"));
			for (PersonLine person : people) {
				Row row = sheet.createRow(r++);
				text(row, 0, person.name(), this.styles.plain);
				text(row, 1, person.organisation(), this.styles.plain);
				text(row, 2, person.email(), this.styles.plain);
				text(row, 3, person.reason(), this.styles.wrapped);
			}
			return r;
		}

		private void question(QuestionSection question) {
			boolean items = question.organisations()
				.stream()
				.flatMap(organisation -> organisation.answers().stream())
				.anyMatch(answer -> answer.item() != null && !answer.item().isBlank());
			boolean areas = question.organisations()
				.stream()
				.flatMap(organisation -> organisation.answers().stream())
				.anyMatch(answer -> !answer.areas().isEmpty());
			List<Column> columns = new ArrayList<>();
			columns.add(new Column(this.texts.get("organisation"), 28));
			if (this.persons) {
				columns.add(new Column(this.texts.get("person"), 24));
			}
			if (items) {
				columns.add(new Column(this.texts.get("item"), 32));
			}
			columns.add(new Column(this.texts.get("answer"), 70));
			if (areas) {
				columns.add(new Column(this.texts.get("areas"), 30));
			}
			String number = String.valueOf(question.number());
			String name = SheetNames.shorten(this.texts.get("xlsx.sheet.question", number), question.text());
			String heading = this.texts.get("xlsx.question-heading", number, nullToEmpty(question.text()));
			Table table = new Table(name, columns, heading);
			for (OrganisationAnswers organisation : question.organisations()) {
				for (AnswerLine answer : organisation.answers()) {
					Row row = table.row();
					int c = 0;
					text(row, c++, organisation.organisation(), this.styles.plain);
					if (this.persons) {
						text(row, c++, answer.person(), this.styles.plain);
					}
					if (items) {
						text(row, c++, answer.item(), this.styles.wrapped);
					}
					text(row, c++, answer.text(), this.styles.wrapped);
					if (areas) {
						text(row, c, String.join(", ", answer.areas()), this.styles.wrapped);
					}
				}
			}
			if (table.isEmpty()) {
				table.after(table.sheet.createRow(1), this.texts.get("no-answers"));
			}
			table.finish();
		}

		/**
		 * One row per response, the occupations across (a questionnaire has a handful),
		 * so that any number of responses fits: a sheet has 16,384 columns but 1,048,576
		 * rows, and the rows go on in another sheet when it is full. The counts per level
		 * stand in the frozen header row, beside the question, always in sight.
		 */
		private void colours(ColourTable colours, boolean severalQuestions) {
			String label = nullToEmpty(colours.period());
			if (severalQuestions) {
				label = questionLabel(colours.questionId()) + " " + label;
			}
			List<Column> columns = new ArrayList<>();
			columns.add(new Column(this.texts.get("xlsx.response"), 32));
			colours.rows().forEach(occupation -> columns.add(new Column(occupation, 20)));
			String note = this.texts.get("colours.period", nullToEmpty(colours.question()),
					nullToEmpty(colours.period()));
			Table table = new Table(this.texts.get("xlsx.sheet.colours", label), columns, note, 1, (header) -> {
				int c = columns.size() + 2;
				for (LevelCount count : colours.counts()) {
					text(header, c++, count.level().label(), this.styles.level(count.level()));
					number(header, c++, count.count(), this.styles.number);
				}
			});
			List<Map<String, Level>> byOccupation = new ArrayList<>(colours.rows().size());
			colours.rows().forEach(occupation -> byOccupation.add(colours.cells().getOrDefault(occupation, Map.of())));
			for (String response : colours.columns()) {
				Row row = table.row();
				text(row, 0, response, this.styles.plain);
				for (int o = 0; o < byOccupation.size(); o++) {
					Level level = byOccupation.get(o).get(response);
					if (level != null) {
						text(row, o + 1, level.label(), this.styles.level(level));
					}
				}
			}
			table.finish();
		}

		/** "F3" for the question's number, or its id when it has no section. */
		private String questionLabel(String questionId) {
			return this.digest.questions()
				.stream()
				.filter(question -> question.questionId().equals(questionId))
				.findFirst()
				.map(question -> this.texts.get("xlsx.sheet.question", String.valueOf(question.number())))
				.orElse(nullToEmpty(questionId));
		}

		private void changes() {
			boolean periods = this.digest.changes().stream().anyMatch(change -> change.period() != null);
			List<Column> columns = new ArrayList<>();
			columns.add(new Column(this.texts.get("subject-column"), 36));
			columns.add(new Column(this.texts.get("organisation"), 28));
			if (periods) {
				columns.add(new Column(this.texts.get("period"), 14));
			}
			columns.add(new Column(this.texts.get("from"), 24));
			columns.add(new Column(this.texts.get("to"), 24));
			String note = (this.digest.previousTitle() != null)
					? this.texts.get("changes.since", this.digest.previousTitle()) : null;
			Table table = new Table(this.texts.get("xlsx.sheet.changes"), columns, note);
			for (Digest.Change change : this.digest.changes()) {
				Row row = table.row();
				int c = 0;
				text(row, c++, change.subject(), this.styles.wrapped);
				text(row, c++, change.organisation(), this.styles.plain);
				if (periods) {
					text(row, c++, change.period(), this.styles.plain);
				}
				text(row, c++, change.from(), this.styles.wrapped);
				text(row, c, change.to(), this.styles.wrapped);
			}
			table.finish();
		}

		private void themes() {
			Table table = new Table(this.texts.get("xlsx.sheet.themes"),
					List.of(new Column(this.texts.get("xlsx.area"), 30), new Column(this.texts.get("count"), 10),
							new Column(this.texts.get("organisation"), 28), new Column(this.texts.get("quotes"), 80)),
					null);
			for (Digest.Theme theme : this.digest.themes()) {
				// the count only once per area, so that the column adds up
				boolean first = true;
				for (Digest.Quote quote : theme.quotes()) {
					Row row = table.row();
					text(row, 0, theme.area(), this.styles.plain);
					if (first) {
						number(row, 1, theme.count(), this.styles.number);
						first = false;
					}
					text(row, 2, quote.organisation(), this.styles.plain);
					text(row, 3, quote.text(), this.styles.wrapped);
				}
				if (first) {
					Row row = table.row();
					text(row, 0, theme.area(), this.styles.plain);
					number(row, 1, theme.count(), this.styles.number);
				}
			}
			table.finish();
		}

		private void followUp(Digest.FollowUp followUp) {
			// the owners are named in the persons view only
			List<Column> columns = new ArrayList<>(List.of(new Column(this.texts.get("xlsx.id"), 10),
					new Column(this.texts.get("item"), 40), new Column(this.texts.get("xlsx.area"), 24)));
			if (this.persons) {
				columns.add(new Column(this.texts.get("owner"), 24));
			}
			columns.addAll(
					List.of(new Column(this.texts.get("organisation"), 28), new Column(this.texts.get("status"), 18),
							new Column(this.texts.get("effect"), 40), new Column(this.texts.get("next-step"), 40)));
			Table table = new Table(this.texts.get("xlsx.sheet.follow-up"), columns, null);
			for (Digest.ActivityRow activity : followUp.activities()) {
				Row row = table.row();
				int c = 0;
				text(row, c++, activity.id(), this.styles.plain);
				text(row, c++, activity.activity(), this.styles.wrapped);
				text(row, c++, activity.area(), this.styles.plain);
				if (this.persons) {
					text(row, c++, activity.owner(), this.styles.plain);
				}
				text(row, c++, activity.organisation(), this.styles.plain);
				text(row, c++, activity.status(), this.styles.plain);
				text(row, c++, activity.effect(), this.styles.wrapped);
				text(row, c, activity.nextStep(), this.styles.wrapped);
			}
			table.finish();
			if (this.persons && !followUp.notReported().isEmpty()) {
				// below the filtered table, like the overview's lists
				Sheet sheet = table.sheet;
				int r = table.next + 1;
				text(sheet.createRow(r++), 0, this.texts.get("not-reported"), this.styles.bold);
				header(sheet.createRow(r++), this.texts.get("person"), this.texts.get("organisation"),
						this.texts.get("email"), this.texts.get("reason"));
				for (PersonLine person : followUp.notReported()) {
					Row row = sheet.createRow(r++);
					text(row, 0, person.name(), this.styles.plain);
					text(row, 1, person.organisation(), this.styles.plain);
					text(row, 2, person.email(), this.styles.plain);
					text(row, 3, person.reason(), this.styles.plain);
				}
			}
		}

		private void raw() {
			List<Column> columns = new ArrayList<>();
			columns.add(new Column(this.texts.get("organisation"), 28));
			if (this.persons) {
				columns.add(new Column(this.texts.get("person"), 24));
			}
			columns.add(new Column(this.texts.get("xlsx.number"), 6));
			columns.add(new Column(this.texts.get("xlsx.question-id"), 14));
			columns.add(new Column(this.texts.get("question"), 40));
			columns.add(new Column(this.texts.get("item"), 28));
			columns.add(new Column(this.texts.get("answer"), 60));
			columns.add(new Column(this.texts.get("channel"), 12));
			columns.add(new Column(this.texts.get("submitted"), 10));
			String yes = this.texts.get("yes");
			String no = this.texts.get("no");
			Table table = new Table(this.texts.get("raw"), columns, null);
			for (RawRow raw : this.digest.raw()) {
				Row row = table.row();
				int c = 0;
				text(row, c++, raw.organisation(), this.styles.plain);
				if (this.persons) {
					text(row, c++, raw.person(), this.styles.plain);
				}
				number(row, c++, raw.number(), this.styles.number);
				text(row, c++, raw.questionId(), this.styles.plain);
				text(row, c++, raw.question(), this.styles.plain);
				text(row, c++, raw.item(), this.styles.plain);
				text(row, c++, raw.answer(), this.styles.plain);
				text(row, c++, raw.channel(), this.styles.plain);
				text(row, c, raw.submitted() ? yes : no, this.styles.plain);
			}
			table.finish();
		}

		private void header(Row row, String... headers) {
			for (int c = 0; c < headers.length; c++) {
				text(row, c, headers[c], this.styles.header);
			}
		}

		/**
		 * On paper: landscape, as wide as the page, and a table's header row on every
		 * page.
		 */
		private static void printed(Sheet sheet, boolean table) {
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setFitToPage(true);
			if (table) {
				sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
			}
		}

		private static void widths(Sheet sheet, int... characters) {
			for (int c = 0; c < characters.length; c++) {
				sheet.setColumnWidth(c, characters[c] * 256);
			}
		}

		/** A string cell, never a formula; nothing for no text. */
		private static void text(Row row, int column, String text, CellStyle style) {
			String value = cellText(text);
			if (!value.isEmpty()) {
				Cell cell = row.createCell(column);
				cell.setCellValue(value);
				cell.setCellStyle(style);
			}
		}

		private static void number(Row row, int column, double value, CellStyle style) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value);
			cell.setCellStyle(style);
		}

		/**
		 * A table on a sheet of its own: the header row frozen and filtered, and the rows
		 * going on in another sheet when one is full.
		 */
		private final class Table {

			private final String name;

			private final List<Column> columns;

			private final String note;

			private final int frozenColumns;

			private final Consumer<Row> besideHeader;

			private Sheet sheet;

			private int next;

			private int rows;

			Table(String name, List<Column> columns, String note) {
				this(name, columns, note, 0, (header) -> {
				});
			}

			/**
			 * A table whose first {@code frozenColumns} stay in sight too, and whose
			 * header row gets more beside the note on every sheet.
			 */
			Table(String name, List<Column> columns, String note, int frozenColumns, Consumer<Row> besideHeader) {
				this.name = name;
				this.columns = columns;
				this.note = note;
				this.frozenColumns = frozenColumns;
				this.besideHeader = besideHeader;
				open();
			}

			private void open() {
				this.sheet = Book.this.workbook.createSheet(Book.this.names.unique(this.name));
				Row header = this.sheet.createRow(0);
				for (int c = 0; c < this.columns.size(); c++) {
					this.sheet.setColumnWidth(c, this.columns.get(c).width() * 256);
					text(header, c, this.columns.get(c).header(), Book.this.styles.header);
				}
				if (this.note != null) {
					// beside the table, in the frozen row: always in sight, outside the
					// filter
					text(header, this.columns.size() + 1, this.note, Book.this.styles.bold);
				}
				this.besideHeader.accept(header);
				this.sheet.createFreezePane(this.frozenColumns, 1);
				printed(this.sheet, true);
				this.next = 1;
			}

			Row row() {
				if (this.next >= Book.this.maxRows) {
					finish();
					open();
				}
				this.rows++;
				return this.sheet.createRow(this.next++);
			}

			boolean isEmpty() {
				return this.rows == 0;
			}

			/** A line of text under the table, outside the filter. */
			void after(Row row, String text) {
				text(row, 0, text, Book.this.styles.plain);
			}

			void finish() {
				this.sheet.setAutoFilter(new CellRangeAddress(0, this.next - 1, 0, this.columns.size() - 1));
			}

		}

	}

	/** The cell styles, made once each: a workbook holds at most 64,000. */
	private static final class Styles {

		private final SXSSFWorkbook workbook;

		final CellStyle title;

		final CellStyle bold;

		final CellStyle header;

		final CellStyle plain;

		final CellStyle wrapped;

		final CellStyle number;

		final CellStyle percent;

		private final Map<String, CellStyle> levels = new HashMap<>();

		Styles(SXSSFWorkbook workbook) {
			this.workbook = workbook;
			XSSFFont titleFont = (XSSFFont) workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			XSSFFont boldFont = (XSSFFont) workbook.createFont();
			boldFont.setBold(true);

			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.title.setQuotePrefixed(true);

			this.bold = workbook.createCellStyle();
			this.bold.setFont(boldFont);
			this.bold.setQuotePrefixed(true);

			this.header = workbook.createCellStyle();
			this.header.setFont(boldFont);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header.setQuotePrefixed(true);

			this.plain = workbook.createCellStyle();
			this.plain.setVerticalAlignment(VerticalAlignment.TOP);
			this.plain.setQuotePrefixed(true);

			this.wrapped = workbook.createCellStyle();
			this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			this.wrapped.setWrapText(true);
			this.wrapped.setQuotePrefixed(true);

			this.number = workbook.createCellStyle();
			this.number.setVerticalAlignment(VerticalAlignment.TOP);

			this.percent = workbook.createCellStyle();
			this.percent.setVerticalAlignment(VerticalAlignment.TOP);
			this.percent.setDataFormat(workbook.createDataFormat().getFormat("0\" %\""));
		}

		/**
		 * The level's colour as the fill, with dark text on a light colour and light text
		 * on a dark one; the level's name in the cell keeps it readable in black and
		 * white.
		 */
		CellStyle level(Level level) {
			String hex = normalisedHex(level.colour());
			return this.levels.computeIfAbsent((hex != null) ? hex : "", (key) -> {
				XSSFCellStyle style = (XSSFCellStyle) this.workbook.createCellStyle();
				style.setAlignment(HorizontalAlignment.CENTER);
				style.setVerticalAlignment(VerticalAlignment.TOP);
				style.setQuotePrefixed(true);
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
				if (!key.isEmpty()) {
					int rgb = Integer.parseInt(key, 16);
					style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
					style.setFillForegroundColor(argb(rgb));
					if (dark(rgb)) {
						XSSFFont light = (XSSFFont) this.workbook.createFont();
						light.setColor(argb(0xFFFFFF));
						style.setFont(light);
					}
				}
				return style;
			});
		}

		/** "#C00000", "c00000" or "#c00" as "c00000"; {@code null} for anything else. */
		static String normalisedHex(String colour) {
			if (colour == null) {
				return null;
			}
			String hex = colour.trim();
			if (hex.startsWith("#")) {
				hex = hex.substring(1);
			}
			if (!hex.matches("[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}")) {
				return null;
			}
			if (hex.length() == 3) {
				hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2)
						+ hex.charAt(2);
			}
			return hex.toLowerCase(Locale.ROOT);
		}

		/** Opaque, as Excel wants it: "FFC00000", not "C00000". */
		private static XSSFColor argb(int rgb) {
			byte[] argb = { (byte) 0xFF, (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb };
			return new XSSFColor(argb, new DefaultIndexedColorMap());
		}

		private static boolean dark(int rgb) {
			double luminance = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
			return luminance < 128;
		}

	}

	/**
	 * Sheet names as Excel takes them: at most 31 characters, none of {@code []:*?/\},
	 * not starting or ending with an apostrophe, and unique regardless of case.
	 */
	static final class SheetNames {

		/** "History" is Excel's own. */
		private final Set<String> taken = new HashSet<>(Set.of("history"));

		String unique(String wanted) {
			String base = fit(safe(nullToEmpty(wanted)), MAX_SHEET_NAME);
			if (base.isEmpty()) {
				base = "-";
			}
			String name = base;
			for (int n = 2; !this.taken.add(name.toLowerCase(Locale.ROOT)); n++) {
				String suffix = " (" + n + ")";
				name = fit(base, MAX_SHEET_NAME - suffix.length()) + suffix;
			}
			return name;
		}

		/** "F1 Hur ser behovet ut…": the prefix and as much of the text as fits. */
		static String shorten(String prefix, String text) {
			String full = (safe(prefix) + " " + safe(nullToEmpty(text))).strip();
			if (full.length() <= MAX_SHEET_NAME) {
				return full;
			}
			String cut = cut(full, MAX_SHEET_NAME - 1);
			int space = cut.lastIndexOf(' ');
			if (space > prefix.length() + 8) {
				cut = cut.substring(0, space);
			}
			return fit(cut, MAX_SHEET_NAME - 1) + ELLIPSIS;
		}

		/** At most {@code length} characters, not ending in a space or an apostrophe. */
		private static String fit(String name, int length) {
			String fitted = cut(name, length).strip();
			while (fitted.endsWith("'")) {
				fitted = fitted.substring(0, fitted.length() - 1).strip();
			}
			return fitted;
		}

		private static String safe(String name) {
			StringBuilder safe = new StringBuilder(name.length());
			boolean space = false;
			for (int i = 0; i < name.length();) {
				int codePoint = name.codePointAt(i);
				i += Character.charCount(codePoint);
				boolean blank = Character.isWhitespace(codePoint) || !legal(codePoint) || codePoint < 0x20
						|| "[]:*?/\\".indexOf(codePoint) >= 0;
				if (blank) {
					space = true;
					continue;
				}
				if (space && safe.length() > 0) {
					safe.append(' ');
				}
				space = false;
				safe.appendCodePoint(codePoint);
			}
			while (safe.length() > 0 && safe.charAt(0) == '\'') {
				safe.deleteCharAt(0);
			}
			while (safe.length() > 0 && safe.charAt(safe.length() - 1) == '\'') {
				safe.deleteCharAt(safe.length() - 1);
			}
			return safe.toString();
		}

	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
