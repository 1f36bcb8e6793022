package se.samla.digests.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityRow;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.Change;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.Level;
import se.samla.digests.Digest.LevelCount;
import se.samla.digests.Digest.NamedRate;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.PersonLine;
import se.samla.digests.Digest.QuestionSection;
import se.samla.digests.Digest.Quote;
import se.samla.digests.Digest.Theme;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestTexts;

/**
 * The digest as an HTML email body that Outlook renders well: tables for layout, inline
 * styles only (Outlook's Word engine ignores style sheets and most CSS), no scripts, and
 * the charts as PNG images carried by the email ({@code cid:}), each with alt text that
 * states its figures. Every text is escaped, so an answer is shown as the text it is.
 * <p>
 * Written straight to an {@link Appendable}: a digest of a million answers is long, and a
 * template engine would hold it all twice.
 * <p>
 * As an email body it is bounded ({@link BodyLimits}): the first answers of each
 * question, the first rows of each list and a colour table summed up per level when it
 * has many responses, each with how many more the attached workbook holds, and never more
 * than the limit's size. As a file (the operator's) it holds everything.
 */
public final class HtmlDigest {

	private static final String FONT = "font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1f2328;";

	private static final String TABLE = "border-collapse:collapse;margin:6px 0 16px 0;";

	private static final String TH = "border:1px solid #c8ccd0;padding:4px 8px;background:#eef1f4;text-align:left;"
			+ "font-weight:bold;";

	private static final String TD = "border:1px solid #c8ccd0;padding:4px 8px;vertical-align:top;";

	private static final String H1 = "font-size:22px;margin:0 0 8px 0;";

	private static final String H2 = "font-size:18px;margin:24px 0 6px 0;border-bottom:2px solid #0f766e;";

	private static final String H3 = "font-size:15px;margin:16px 0 4px 0;";

	private final Appendable out;

	/** What has been written, when the body is bounded; else {@code null}. */
	private final BodyLimits.Counting counted;

	private final DigestTexts texts;

	private final BodyLimits limits;

	/** The charts by id. */
	private final Map<String, Chart> charts = new HashMap<>();

	/** The id of each colour table's chart. */
	private final Map<ColourTable, String> colourCharts = new IdentityHashMap<>();

	/** Where an image of a chart is: its Content-ID in an email, a file beside a file. */
	private final Function<Chart, String> source;

	private HtmlDigest(Appendable out, DigestTexts texts, BodyLimits limits, List<Chart> charts,
			Function<Chart, String> source) {
		this.counted = limits.bounded() ? new BodyLimits.Counting(out) : null;
		this.out = (this.counted != null) ? this.counted : out;
		this.source = source;
		charts.forEach(chart -> this.charts.put(chart.id(), chart));
		this.texts = texts;
		this.limits = limits;
	}

	/** Writes the whole digest, every answer: for a file. */
	public static void write(Digest digest, DigestTexts texts, Appendable out) throws IOException {
		write(digest, texts, BodyLimits.NONE, List.of(), Chart::fileName, out);
	}

	/**
	 * Writes the digest with its charts, each as an {@code <img>} whose {@code src} comes
	 * from {@code source} (e.g. {@code cid:…} in an email, a file name beside a file).
	 */
	static void write(Digest digest, DigestTexts texts, BodyLimits limits, List<Chart> charts,
			Function<Chart, String> source, Appendable out) throws IOException {
		try {
			HtmlDigest html = new HtmlDigest(out, texts, limits, charts, source);
			for (int i = 0; i < digest.colourTables().size(); i++) {
				html.colourCharts.put(digest.colourTables().get(i), DigestCharts.colourId(i));
			}
			html.document(digest);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** The whole digest, every answer, as one string. */
	public static String toString(Digest digest, DigestTexts texts) {
		return toString(digest, texts, BodyLimits.NONE, List.of());
	}

	/** The digest as an email body without charts: a bounded selection. */
	static String toString(Digest digest, DigestTexts texts, BodyLimits limits) {
		return toString(digest, texts, limits, List.of());
	}

	/** The whole digest with its charts, each as {@code <img src="cid:…">}. */
	static String toString(Digest digest, DigestTexts texts, List<Chart> charts) {
		return toString(digest, texts, BodyLimits.NONE, charts);
	}

	/**
	 * The digest as an email body: a bounded selection (unless {@code limits} are
	 * {@link BodyLimits#NONE}), each chart as {@code <img src="cid:…">} by its
	 * {@link Chart#contentId()}.
	 */
	static String toString(Digest digest, DigestTexts texts, BodyLimits limits, List<Chart> charts) {
		Pieces html = new Pieces();
		try {
			write(digest, texts, limits, charts, chart -> "cid:" + chart.contentId(), html);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return html.toString();
	}

	/** Whether another row fits after {@code shown} of at most {@code limit}. */
	private boolean room(int shown, int limit) {
		return this.limits.room(shown, limit, (this.counted != null) ? this.counted.bytes() : 0);
	}

	/** "… och 9 812 svar till, se bifogad arbetsbok." when some were left out. */
	private void more(String code, int rest) {
		if (rest > 0) {
			raw("<p style=\"margin:0 0 12px 0;color:#57606a;\">").text(this.texts.get(code, rest)).raw("</p>\n");
		}
	}

	/**
	 * Text collected in pieces of about {@value #PIECE} characters and joined once at the
	 * end. In one growing buffer, the HTML of a large digest (60 million characters for
	 * 100,000 answers) would be copied at every doubling, take up to twice its size, and
	 * need a few huge arrays that a nearly full heap may have no room for in one piece;
	 * as pieces, only the result is one array.
	 */
	private static final class Pieces implements Appendable {

		static final int PIECE = 128 * 1024;

		private final List<String> done = new ArrayList<>();

		private StringBuilder current = new StringBuilder(PIECE);

		@Override
		public Appendable append(CharSequence text) {
			this.current.append(text);
			return full();
		}

		@Override
		public Appendable append(CharSequence text, int start, int end) {
			this.current.append(text, start, end);
			return full();
		}

		@Override
		public Appendable append(char c) {
			this.current.append(c);
			return full();
		}

		private Appendable full() {
			if (this.current.length() >= PIECE) {
				this.done.add(this.current.toString());
				this.current = new StringBuilder(PIECE);
			}
			return this;
		}

		@Override
		public String toString() {
			this.done.add(this.current.toString());
			this.current = new StringBuilder();
			return String.join("", this.done);
		}

	}

	private void document(Digest digest) {
		raw("<!DOCTYPE html>\n<html lang=\"" + this.texts.language().name().toLowerCase(Locale.ROOT)
				+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
		raw("<title>").text(this.texts.get("title", digest.title())).raw("</title></head>\n");
		raw("<body style=\"margin:0;padding:16px;" + FONT + "\">\n");
		raw("<table role=\"presentation\" width=\"100%\" style=\"max-width:960px;" + FONT + "\"><tr><td>\n");
		raw("<h1 style=\"" + H1 + "\">").text(this.texts.get("title", digest.title())).raw("</h1>\n");
		paragraph(this.texts.get("compiled", this.texts.dateTime(digest.compiledAt()),
				this.texts.date(digest.deadline())));
		paragraph(digest.open() ? this.texts.get("open") : this.texts.get("final"));
		paragraph(this.texts.get("view." + digest.view().name()));
		rates(digest);
		if (!digest.notAnswered().isEmpty() || !digest.unreachable().isEmpty()) {
			people(this.texts.get("not-answered"), digest.notAnswered());
			people(this.texts.get("unreachable"), digest.unreachable());
		}
		if (digest.followUp() != null) {
			followUp(digest);
		}
		if (!digest.colourTables().isEmpty()) {
			heading(this.texts.get("colours"));
			digest.colourTables().forEach(this::colourTable);
		}
		changes(digest);
		themes(digest);
		heading(this.texts.get("questions"));
		digest.questions().forEach(this::question);
		raw("<p style=\"color:#57606a;font-size:12px;margin-top:24px;\">").text(this.texts.get("footer")).raw("</p>\n");
		raw("</td></tr></table>\n</body></html>\n");
	}

	private void rates(Digest digest) {
		heading(this.texts.get("rates"));
		Digest.Rate overall = digest.rates().overall();
		paragraph(this.texts.get("rates.overall", overall.answered(), overall.asked(), overall.percent()));
		rateTable(this.texts.get("organisation"), digest.rates().organisations());
		chart(DigestCharts.RATES_ORGANISATIONS);
		if (!digest.rates().networks().isEmpty()) {
			rateTable(this.texts.get("network"), digest.rates().networks());
			chart(DigestCharts.RATES_NETWORKS);
		}
	}

	private void rateTable(String first, List<NamedRate> rates) {
		tableStart(first, this.texts.get("answered"), this.texts.get("asked"), this.texts.get("share"));
		for (NamedRate rate : rates) {
			raw("<tr>");
			cell(rate.name());
			number(rate.rate().answered());
			number(rate.rate().asked());
			raw("<td style=\"" + TD + "text-align:right;\">").text(rate.rate().percent() + " %").raw("</td>");
			raw("</tr>\n");
		}
		raw("</table>\n");
	}

	private void people(String title, List<PersonLine> people) {
		if (people.isEmpty()) {
			return;
		}
		subheading(title + " (" + people.size() + ")");
		tableStart(this.texts.get("person"), this.texts.get("organisation"), this.texts.get("email"),
				this.texts.get("reason"));
		int shown = 0;
		for (PersonLine person : people) {
			if (!room(shown, this.limits.rowsPerList())) {
				break;
			}
			raw("<tr>");
			cell(person.name());
			cell(person.organisation());
			cell(person.email());
			cell(person.reason());
			raw("</tr>\n");
			shown++;
		}
		raw("</table>\n");
		more("more.rows", people.size() - shown);
	}

	/**
	 * Occupations down, organisations across; every cell shows the level's name on its
	 * colour (bgcolor as well as style, for Outlook), so it reads in black and white.
	 */
	private void colourTable(ColourTable table) {
		subheading(this.texts.get("colours.period", table.question(), table.period()));
		chart(this.colourCharts.get(table));
		if (table.columns().size() > this.limits.rowsPerList()) {
			colourSummary(table);
			return;
		}
		raw("<table cellpadding=\"0\" cellspacing=\"0\" style=\"" + TABLE + "\"><tr>");
		header(this.texts.get("occupation"));
		table.columns().forEach(this::header);
		raw("</tr>\n");
		for (String row : table.rows()) {
			raw("<tr>");
			cell(row);
			for (String column : table.columns()) {
				Level level = table.cell(row, column);
				if (level == null) {
					cell("–");
				}
				else {
					levelCell("td", level, level.label());
				}
			}
			raw("</tr>\n");
		}
		raw("</table>\n");
		raw("<p style=\"margin:0 0 12px 0;\">");
		boolean first = true;
		for (LevelCount count : table.counts()) {
			if (!first) {
				raw(" · ");
			}
			first = false;
			text(count.level().label() + ": " + count.count());
		}
		raw("</p>\n");
	}

	/**
	 * A colour table with more responses than an email shows: occupations down, the
	 * levels across, how many responses gave each; the workbook has every response.
	 */
	private void colourSummary(ColourTable table) {
		raw("<table cellpadding=\"0\" cellspacing=\"0\" style=\"" + TABLE + "\"><tr>");
		header(this.texts.get("occupation"));
		for (LevelCount count : table.counts()) {
			levelCell("th", count.level(), count.level().label());
		}
		raw("</tr>\n");
		for (String row : table.rows()) {
			Map<String, Integer> counts = new HashMap<>();
			Map<String, Level> byColumn = table.cells().get(row);
			if (byColumn != null) {
				byColumn.values().forEach(level -> counts.merge(level.id(), 1, Integer::sum));
			}
			raw("<tr>");
			cell(row);
			for (LevelCount count : table.counts()) {
				number(counts.getOrDefault(count.level().id(), 0));
			}
			raw("</tr>\n");
		}
		raw("</table>\n");
		more("colours.more", table.columns().size());
	}

	private void levelCell(String tag, Level level, String text) {
		String colour = safeColour(level.colour());
		raw("<" + tag + " bgcolor=\"" + colour + "\" style=\"" + TD + "background:" + colour + ";color:"
				+ textColour(colour) + ";\">")
			.text(text)
			.raw("</" + tag + ">");
	}

	private void changes(Digest digest) {
		if (digest.previousTitle() == null && digest.changes().isEmpty()) {
			return;
		}
		heading(this.texts.get("changes"));
		if (digest.previousTitle() == null) {
			paragraph(this.texts.get("changes.first"));
			return;
		}
		paragraph(this.texts.get("changes.since", digest.previousTitle()));
		if (digest.changes().isEmpty()) {
			paragraph(this.texts.get("changes.none"));
			return;
		}
		tableStart(this.texts.get("subject-column"), this.texts.get("organisation"), this.texts.get("period"),
				this.texts.get("from"), this.texts.get("to"));
		int shown = 0;
		for (Change change : digest.changes()) {
			if (!room(shown, this.limits.rowsPerList())) {
				break;
			}
			shown++;
			raw("<tr>");
			cell(change.subject());
			cell(change.organisation());
			cell(change.period());
			cell(change.from());
			raw("<td style=\"" + TD + "font-weight:bold;\">").text(change.to()).raw("</td>");
			raw("</tr>\n");
		}
		raw("</table>\n");
		more("more.rows", digest.changes().size() - shown);
		chart(DigestCharts.CHANGES);
	}

	private void themes(Digest digest) {
		heading(this.texts.get("themes"));
		if (digest.themes().isEmpty()) {
			paragraph(this.texts.get("themes.none"));
			return;
		}
		for (Theme theme : digest.themes()) {
			subheading(theme.area() + " – " + this.texts.get("themes.count", theme.count()));
			for (Quote quote : theme.quotes()) {
				raw("<p style=\"margin:4px 0 4px 12px;padding-left:8px;border-left:3px solid #0f766e;\">”")
					.text(quote.text())
					.raw("”");
				if (quote.organisation() != null) {
					raw(" <span style=\"color:#57606a;\">– ").text(quote.organisation()).raw("</span>");
				}
				raw("</p>\n");
			}
		}
	}

	private void followUp(Digest digest) {
		heading(this.texts.get("follow-up"));
		boolean owners = digest.view() == View.PERSONS;
		List<String> headers = new ArrayList<>(List.of(this.texts.get("item"), this.texts.get("areas")));
		if (owners) {
			headers.add(this.texts.get("owner"));
		}
		headers.addAll(List.of(this.texts.get("organisation"), this.texts.get("status"), this.texts.get("effect"),
				this.texts.get("next-step")));
		tableStart(headers.toArray(String[]::new));
		int shown = 0;
		for (ActivityRow row : digest.followUp().activities()) {
			if (!room(shown, this.limits.rowsPerList())) {
				break;
			}
			shown++;
			raw("<tr>");
			cell(row.id() + " " + row.activity());
			cell(row.area());
			if (owners) {
				cell(row.owner());
			}
			cell(row.organisation());
			cell((row.status() != null) ? row.status() : "–");
			cell(row.effect());
			cell(row.nextStep());
			raw("</tr>\n");
		}
		raw("</table>\n");
		more("more.rows", digest.followUp().activities().size() - shown);
		chart(DigestCharts.FOLLOW_UP);
		people(this.texts.get("not-reported"), digest.followUp().notReported());
	}

	private void question(QuestionSection section) {
		subheading(section.number() + ". " + section.text());
		if (section.organisations().isEmpty()) {
			paragraph(this.texts.get("no-answers"));
			return;
		}
		boolean persons = section.organisations()
			.stream()
			.flatMap(organisation -> organisation.answers().stream())
			.anyMatch(answer -> answer.person() != null);
		boolean items = section.organisations()
			.stream()
			.flatMap(organisation -> organisation.answers().stream())
			.anyMatch(answer -> answer.item() != null);
		raw("<table cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" style=\"" + TABLE + "\"><tr>");
		header(this.texts.get("organisation"));
		if (persons) {
			header(this.texts.get("person"));
		}
		if (items) {
			header(this.texts.get("item"));
		}
		header(this.texts.get("answer"));
		raw("</tr>\n");
		int shown = 0;
		rows: for (OrganisationAnswers organisation : section.organisations()) {
			for (AnswerLine answer : organisation.answers()) {
				if (!room(shown, this.limits.answersPerQuestion())) {
					break rows;
				}
				shown++;
				raw("<tr>");
				cell(organisation.organisation());
				if (persons) {
					cell(answer.person());
				}
				if (items) {
					cell(answer.item());
				}
				raw("<td style=\"" + TD + "\">").multiline(this.limits.answer(answer.text()));
				if (!answer.areas().isEmpty()) {
					raw("<br><span style=\"color:#57606a;font-size:12px;\">").text(String.join(" · ", answer.areas()))
						.raw("</span>");
				}
				raw("</td></tr>\n");
			}
		}
		raw("</table>\n");
		more("more.answers", section.answerCount() - shown);
	}

	/**
	 * A chart as an image the email carries, at its size (Outlook takes the attributes),
	 * narrower on a small screen; nothing when the digest has no such chart.
	 */
	private void chart(String id) {
		Chart chart = (id != null) ? this.charts.get(id) : null;
		if (chart == null) {
			return;
		}
		raw("<p style=\"margin:8px 0 16px 0;\"><img src=\"").text(this.source.apply(chart))
			.raw("\" alt=\"")
			.text(chart.altText())
			.raw("\" width=\"" + chart.width() + "\" height=\"" + chart.height()
					+ "\" style=\"display:block;width:100%;max-width:" + chart.width()
					+ "px;height:auto;border:0;\"></p>\n");
	}

	private void tableStart(String... headers) {
		raw("<table cellpadding=\"0\" cellspacing=\"0\" style=\"" + TABLE + "\"><tr>");
		for (String header : headers) {
			header(header);
		}
		raw("</tr>\n");
	}

	private void heading(String text) {
		raw("<h2 style=\"" + H2 + "\">").text(text).raw("</h2>\n");
	}

	private void subheading(String text) {
		raw("<h3 style=\"" + H3 + "\">").text(text).raw("</h3>\n");
	}

	private void paragraph(String text) {
		raw("<p style=\"margin:4px 0;\">").text(text).raw("</p>\n");
	}

	private void header(String text) {
		raw("<th style=\"" + TH + "\">").text(text).raw("</th>");
	}

	private void cell(String text) {
		raw("<td style=\"" + TD + "\">").text((text != null) ? text : "").raw("</td>");
	}

	private void number(int value) {
		raw("<td style=\"" + TD + "text-align:right;\">").raw(Integer.toString(value)).raw("</td>");
	}

	private HtmlDigest raw(String html) {
		try {
			this.out.append(html);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Escaped text. */
	private HtmlDigest text(String text) {
		try {
			escape(text, this.out, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Escaped text whose line breaks are kept. */
	private HtmlDigest multiline(String text) {
		try {
			escape(text, this.out, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	static void escape(String text, Appendable out, boolean lineBreaks) throws IOException {
		if (text == null) {
			return;
		}
		// the runs of characters that stay as they are go in one piece, a text without
		// any other as the string it is (the quickest to append)
		int length = text.length();
		int first = 0;
		while (first < length && plain(text.charAt(first))) {
			first++;
		}
		if (first == length) {
			out.append(text);
			return;
		}
		int from = 0;
		for (int i = first; i < length; i++) {
			char c = text.charAt(i);
			if (plain(c)) {
				continue;
			}
			if (i > from) {
				out.append(text, from, i);
			}
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				case '\n' -> out.append(lineBreaks ? "<br>" : " ");
				case '\t' -> out.append(c);
				default -> {
					// other control characters, CR included, are left out
				}
			}
			from = i + 1;
		}
		if (length > from) {
			out.append(text, from, length);
		}
	}

	private static boolean plain(char c) {
		return c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'';
	}

	/** A colour from the questionnaire, or grey when it is not a plain hex colour. */
	static String safeColour(String colour) {
		return (colour != null && colour.matches("#[0-9a-fA-F]{6}")) ? colour : "#d0d7de";
	}

	/** Black or white text, whichever reads better on the colour. */
	static String textColour(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
		return (luminance > 150) ? "#000000" : "#ffffff";
	}

}
