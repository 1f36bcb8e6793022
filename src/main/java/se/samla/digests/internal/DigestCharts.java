package se.samla.digests.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityHistory;
import se.samla.digests.Digest.Change;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.Level;
import se.samla.digests.Digest.LevelCount;
import se.samla.digests.Digest.NamedRate;
import se.samla.digests.Digest.YearStatus;
import se.samla.digests.DigestTexts;

/**
 * The digests' charts, drawn in one place with JFreeChart as PNG images of a fixed width
 * for email (Outlook shows neither SVG nor scripts): response rate per organisation and
 * per network, the colour ratings' levels per occupation for each period, the changes
 * since the previous round, and the follow-up's status year by year.
 * <p>
 * Nothing depends on colour alone: every bar carries its figure, every segment of a
 * stacked bar its level's (or status's) name and count, and each chart's alt text states
 * all its figures. Labels are black or white, whichever contrasts more with the fill.
 * <p>
 * The charts are drawn headless and deterministically (the same digest gives the same
 * bytes). A machine without fonts cannot draw text: then there are no charts and one
 * warning in the log, and the digest goes out without them.
 */
public final class DigestCharts {

	private static final Logger log = LoggerFactory.getLogger(DigestCharts.class);

	/** The width charts are shown at, in CSS pixels: fits an email's column. */
	public static final int WIDTH = 640;

	/** Drawn at twice the size, for sharp screens; shown at {@link #WIDTH}. */
	static final int SCALE = 2;

	static final String RATES_ORGANISATIONS = "rates-organisations";

	static final String RATES_NETWORKS = "rates-networks";

	static final String CHANGES = "changes";

	static final String FOLLOW_UP = "follow-up";

	/**
	 * At most this many bars in a chart of rates (a county has 13 organisations; a
	 * country-wide send-out's chart of 290 would be a poster, not an email's picture).
	 */
	static final int MAX_RATE_BARS = 25;

	/** At most this many bars in the chart of changes, the most frequent. */
	private static final int MAX_CHANGE_BARS = 15;

	/** The follow-up looks ahead to the plans' horizon. */
	private static final int HORIZON = 2030;

	private static final Color TEXT = new Color(0x1f2328);

	private static final Color GRID = new Color(0xd0d7de);

	private static final Color BAR = new Color(0x0f766e);

	private static final Color NO_STATUS = new Color(0xeef1f4);

	/** Status colours by the option's place: done, ongoing, regular work, not started. */
	private static final Color[] STATUS = { new Color(0x1a7f37), new Color(0x0969da), new Color(0x8250df),
			new Color(0xd0d7de), new Color(0xbf8700), new Color(0xcf222e) };

	private static final String FONT = Font.SANS_SERIF;

	static {
		// Spring Boot sets this too; a digest rendered outside it (a test, a command)
		// must
		// not reach for a display either
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private DigestCharts() {
	}

	/** Draws a chart as a PNG of the given size (in CSS pixels). */
	@FunctionalInterface
	interface Painter {

		byte[] png(JFreeChart chart, int width, int height);

	}

	/**
	 * The digest's charts, in the order the digest shows them; none, and one warning in
	 * the log, when they cannot be drawn.
	 */
	public static List<Chart> charts(Digest digest, DigestTexts texts) {
		return charts(digest, texts, DigestCharts::png);
	}

	static List<Chart> charts(Digest digest, DigestTexts texts, Painter painter) {
		return drawn(() -> all(digest, texts, painter)).orElse(List.of());
	}

	private static List<Chart> all(Digest digest, DigestTexts texts, Painter painter) {
		List<Chart> charts = new ArrayList<>();
		if (!digest.rates().organisations().isEmpty()) {
			charts.add(rates(RATES_ORGANISATIONS, texts.get("chart.rates.organisations"),
					bars(digest.rates().organisations()), painter));
		}
		if (!digest.rates().networks().isEmpty()) {
			charts.add(
					rates(RATES_NETWORKS, texts.get("chart.rates.networks"), bars(digest.rates().networks()), painter));
		}
		if (digest.followUp() != null
				&& digest.followUp().history().stream().anyMatch(activity -> !activity.years().isEmpty())) {
			charts.add(followUp(digest.followUp().history(), texts, painter));
		}
		for (int i = 0; i < digest.colourTables().size(); i++) {
			charts.add(colours(colourId(i), digest.colourTables().get(i), texts, painter));
		}
		if (digest.previousTitle() != null && !digest.changes().isEmpty()) {
			charts.add(changes(digest.changes(), digest.previousTitle(), texts, painter));
		}
		return charts;
	}

	/** What {@code drawing} draws; empty, and a warning in the log, when it cannot. */
	private static <T> Optional<T> drawn(Supplier<T> drawing) {
		try {
			return Optional.of(drawing.get());
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			// e.g. java.lang.Error "Probable fatal error: No fonts found" on a machine
			// without fonts: the digest is worth more than its pictures
			log.warn("Charts could not be drawn, so the digest goes without them (is a font installed? fc-list "
					+ "shows them): {}", ex.toString());
			return Optional.empty();
		}
	}

	/** The id of the chart of the {@code index}th colour table (from 0). */
	static String colourId(int index) {
		return "colours-" + (index + 1);
	}

	/** A bar: its label and its value. */
	public record Bar(String label, int value) {
	}

	/**
	 * A chart of response rates: one horizontal bar per name, labelled with its percent;
	 * empty, and a warning in the log, when it cannot be drawn.
	 */
	public static Optional<Chart> rates(String id, String title, List<Bar> shares) {
		return drawn(() -> rates(id, title, shares, DigestCharts::png));
	}

	private static List<Bar> bars(List<NamedRate> rates) {
		return rates.stream().map(rate -> new Bar(rate.name(), rate.rate().percent())).toList();
	}

	private static Chart rates(String id, String title, List<Bar> all, Painter painter) {
		List<Bar> shares = shown(all);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (Bar share : shares) {
			dataset.addValue(share.value(), "", unique(dataset, share.label()));
		}
		NumberAxis axis = new NumberAxis();
		// room right of a full bar for its label
		axis.setRange(0, 112);
		axis.setTickUnit(new NumberTickUnit(20, new DecimalFormat("0' %'")));
		JFreeChart chart = barChart(title, dataset, axis, BAR, "{2} %", false);
		return chart(id, title, ratesAltText(title, all), chart, barsHeight(all.size()), painter);
	}

	/**
	 * "Svarsfrekvens per organisation: Degerfors 80 %, Kumla 50 %."; of more than
	 * {@value #MAX_RATE_BARS}, the ones shown and how many of all: "… (25/290)."
	 */
	public static String ratesAltText(String title, List<Bar> all) {
		List<Bar> shares = shown(all);
		return title + ": "
				+ String.join(", ", shares.stream().map(share -> share.label() + " " + share.value() + " %").toList())
				+ ((shares.size() < all.size()) ? " (" + shares.size() + "/" + all.size() + ")" : "") + ".";
	}

	/** The bars a rate chart shows: the first {@value #MAX_RATE_BARS}, as the table. */
	private static List<Bar> shown(List<Bar> all) {
		return all.subList(0, Math.min(all.size(), MAX_RATE_BARS));
	}

	private static Chart changes(List<Change> changes, String previousTitle, DigestTexts texts, Painter painter) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Change change : changes) {
			counts.merge(change.from() + " → " + change.to(), 1, Integer::sum);
		}
		List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
		// most frequent first; ties in the order they first appear (a stable sort)
		sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
		List<Map.Entry<String, Integer>> shown = sorted.subList(0, Math.min(sorted.size(), MAX_CHANGE_BARS));
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<String> words = new ArrayList<>();
		int most = 1;
		for (Map.Entry<String, Integer> entry : shown) {
			dataset.addValue(entry.getValue(), "", entry.getKey());
			words.add(entry.getKey() + " " + entry.getValue());
			most = Math.max(most, entry.getValue());
		}
		if (sorted.size() > shown.size()) {
			int rest = sorted.subList(shown.size(), sorted.size()).stream().mapToInt(Map.Entry::getValue).sum();
			words.add(texts.get("chart.others", rest));
		}
		NumberAxis axis = countAxis(most);
		String title = texts.get("chart.changes", previousTitle);
		JFreeChart chart = barChart(title, dataset, axis, BAR, "{2}", false);
		return chart(CHANGES, title, title + ": " + String.join(", ", words) + ".", chart, barsHeight(shown.size()),
				painter);
	}

	/**
	 * One stacked bar per occupation: how many rated each level, each segment in the
	 * level's colour and labelled with its name and count.
	 */
	private static Chart colours(String id, ColourTable table, DigestTexts texts, Painter painter) {
		List<Level> levels = table.counts().stream().map(LevelCount::level).toList();
		List<String> names = levels.stream().map(Level::label).toList();
		List<String> shortNames = abbreviations(names);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		Map<String, Integer> levelIndex = new HashMap<>();
		for (int l = 0; l < levels.size(); l++) {
			levelIndex.put(levels.get(l).id(), l);
		}
		List<String> rows = new ArrayList<>();
		List<String> words = new ArrayList<>();
		int most = 1;
		for (String row : table.rows()) {
			int[] counts = new int[levels.size()];
			for (String column : table.columns()) {
				Level level = table.cell(row, column);
				Integer l = (level != null) ? levelIndex.get(level.id()) : null;
				if (l != null) {
					counts[l]++;
				}
			}
			String category = unique(dataset, row);
			rows.add(category);
			List<String> parts = new ArrayList<>();
			int total = 0;
			for (int l = 0; l < levels.size(); l++) {
				dataset.addValue(counts[l], Integer.valueOf(l), category);
				if (counts[l] > 0) {
					parts.add(names.get(l) + " " + counts[l]);
				}
				total += counts[l];
			}
			most = Math.max(most, total);
			words.add(row + ": " + (parts.isEmpty() ? texts.get("chart.no-ratings") : String.join(", ", parts)));
		}
		Paint[] fills = levels.stream().map(level -> (Paint) colour(level.colour())).toArray(Paint[]::new);
		SegmentRenderer renderer = new SegmentRenderer((row, column) -> fills[row], (row, column) -> {
			int count = dataset.getValue(row.intValue(), column.intValue()).intValue();
			return (count == 0) ? null : new String[] { segmentLabel(names.get(row), count),
					segmentLabel(shortNames.get(row), count), String.valueOf(count) };
		});
		LegendItemCollection legend = new LegendItemCollection();
		for (int l = 0; l < levels.size(); l++) {
			legend.add(legendItem(names.get(l), shortNames.get(l), fills[l]));
		}
		String title = texts.get("chart.colours", table.period());
		JFreeChart chart = stackedChart(title, dataset, countAxis(most), renderer, legend);
		return chart(id, title, title + ": " + String.join("; ", words) + ".", chart, stackedHeight(rows.size()),
				painter);
	}

	/**
	 * One bar per activity across the years, from the first followed up to
	 * {@value #HORIZON}: each year's segment in its status's colour and labelled with it.
	 */
	private static Chart followUp(List<ActivityHistory> history, DigestTexts texts, Painter painter) {
		TreeSet<Integer> yearsSeen = new TreeSet<>();
		Map<Integer, String> statusNames = new LinkedHashMap<>();
		history.forEach(activity -> activity.years().forEach(year -> {
			yearsSeen.add(year.year());
			statusNames.putIfAbsent(year.option(), year.status());
		}));
		int first = yearsSeen.first();
		int last = Math.max(HORIZON, yearsSeen.last());
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<YearStatus[]> byRow = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (ActivityHistory activity : history) {
			String category = unique(dataset, activity.activity() + " (" + activity.organisation() + ")");
			YearStatus[] years = new YearStatus[last - first + 1];
			activity.years().forEach(year -> years[year.year() - first] = year);
			byRow.add(years);
			// the first series lifts the bars to the first year, out of sight: the axis
			// starts there, so that each year's segment sits on its tick
			dataset.addValue(first - 0.5, "", category);
			int lastReported = activity.years().isEmpty() ? first - 1
					: activity.years().get(activity.years().size() - 1).year();
			for (int y = first; y <= last; y++) {
				dataset.addValue((y <= lastReported) ? 1 : 0, String.valueOf(y), category);
			}
			List<String> parts = activity.years().stream().map(year -> year.year() + " " + year.status()).toList();
			words.add(category + ": " + (parts.isEmpty() ? texts.get("chart.not-reported") : String.join(", ", parts)));
		}
		List<String> names = new ArrayList<>(statusNames.values());
		List<String> shortNames = abbreviations(names);
		Map<String, String> shortByName = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			shortByName.put(names.get(i), shortNames.get(i));
		}
		SegmentRenderer renderer = new SegmentRenderer((row, column) -> {
			if (row == 0) {
				return new Color(0, 0, 0, 0);
			}
			YearStatus status = byRow.get(column)[row - 1];
			return (status != null) ? statusColour(status.option()) : NO_STATUS;
		}, (row, column) -> {
			if (row == 0) {
				return null;
			}
			YearStatus status = byRow.get(column)[row - 1];
			if (status == null) {
				return (dataset.getValue(row.intValue(), column.intValue()).intValue() > 0) ? new String[] { "–" }
						: null;
			}
			return new String[] { status.status(), shortByName.get(status.status()) };
		});
		LegendItemCollection legend = new LegendItemCollection();
		statusNames
			.forEach((option, name) -> legend.add(legendItem(name, shortByName.get(name), statusColour(option))));
		NumberAxis axis = new NumberAxis();
		axis.setRange(first - 0.5, last + 0.5);
		NumberFormat year = NumberFormat.getIntegerInstance(Locale.ROOT);
		year.setGroupingUsed(false);
		axis.setTickUnit(new NumberTickUnit(1, year));
		String title = texts.get("chart.follow-up");
		JFreeChart chart = stackedChart(title, dataset, axis, renderer, legend);
		return chart(FOLLOW_UP, title, title + ": " + String.join("; ", words) + ".", chart,
				stackedHeight(history.size()), painter);
	}

	private static Chart chart(String id, String title, String altText, JFreeChart chart, int height, Painter painter) {
		return new Chart(id, title, altText, painter.png(chart, WIDTH, height), WIDTH, height);
	}

	private static JFreeChart barChart(String title, CategoryDataset dataset, NumberAxis axis, Color colour,
			String labelFormat, boolean legend) {
		BarRenderer renderer = new BarRenderer();
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setSeriesPaint(0, colour);
		renderer.setMaximumBarWidth(1.0);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator(labelFormat, NumberFormat.getIntegerInstance(Locale.ROOT)));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 12));
		renderer.setDefaultItemLabelPaint(TEXT);
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelAnchorOffset(4);
		return chart(title, dataset, axis, renderer, legend);
	}

	private static JFreeChart stackedChart(String title, CategoryDataset dataset, NumberAxis axis,
			SegmentRenderer renderer, LegendItemCollection legend) {
		JFreeChart chart = chart(title, dataset, axis, renderer, true);
		((CategoryPlot) chart.getPlot()).setFixedLegendItems(legend);
		return chart;
	}

	private static JFreeChart chart(String title, CategoryDataset dataset, NumberAxis axis, BarRenderer renderer,
			boolean legend) {
		CategoryAxis categories = new CategoryAxis();
		categories.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
		categories.setTickLabelPaint(TEXT);
		categories.setMaximumCategoryLabelWidthRatio(0.3f);
		categories.setMaximumCategoryLabelLines(2);
		categories.setCategoryMargin(0.25);
		categories.setLowerMargin(0.02);
		categories.setUpperMargin(0.02);
		axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
		axis.setTickLabelPaint(TEXT);
		axis.setAxisLineVisible(false);
		CategoryPlot plot = new CategoryPlot(dataset, categories, axis, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setInsets(new RectangleInsets(4, 4, 4, 12));
		JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.BOLD, 15), plot, legend);
		TextTitle heading = new TextTitle(title, new Font(FONT, Font.BOLD, 15));
		heading.setPaint(TEXT);
		heading.setPadding(new RectangleInsets(8, 8, 4, 8));
		chart.setTitle(heading);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		if (legend) {
			LegendTitle legendTitle = chart.getLegend();
			legendTitle.setItemFont(new Font(FONT, Font.PLAIN, 12));
			legendTitle.setItemPaint(TEXT);
			legendTitle.setFrame(BlockBorder.NONE);
			legendTitle.setPosition(RectangleEdge.TOP);
		}
		return chart;
	}

	private static NumberAxis countAxis(int most) {
		NumberAxis axis = new NumberAxis();
		axis.setRange(0, most * 1.08);
		axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
		return axis;
	}

	private static LegendItem legendItem(String name, String shortName, Paint paint) {
		String label = name.equals(shortName) ? name : name + " (" + shortName + ")";
		LegendItem item = new LegendItem(label, null, null, null, new Rectangle(-6, -6, 12, 12), paint);
		item.setOutlinePaint(TEXT);
		return item;
	}

	private static String segmentLabel(String name, int count) {
		return name + " " + count;
	}

	/** The height of a chart of horizontal bars, in CSS pixels. */
	public static int barsHeight(int bars) {
		return 80 + 30 * Math.max(Math.min(bars, MAX_RATE_BARS), 1);
	}

	private static int stackedHeight(int bars) {
		return 110 + 36 * Math.max(bars, 1);
	}

	/**
	 * The shortest prefixes that tell the names apart (at least one letter), e.g. "Ö",
	 * "H", "S", "B" for Övertalighet, Hållbart, Sårbart and Brist; a name as it is when
	 * it needs all its letters.
	 */
	static List<String> abbreviations(List<String> names) {
		for (int length = 1;; length++) {
			List<String> prefixes = new ArrayList<>();
			boolean allFull = true;
			for (String name : names) {
				String prefix = (name.length() <= length) ? name : name.substring(0, length);
				allFull &= name.length() <= length;
				prefixes.add(prefix);
			}
			if (prefixes.stream().map(prefix -> prefix.toLowerCase(Locale.ROOT)).distinct().count() == names.size()
					|| allFull) {
				return prefixes;
			}
		}
	}

	/** A category name not yet in the dataset: the same name twice gets a counter. */
	private static String unique(DefaultCategoryDataset dataset, String name) {
		String unique = name;
		for (int n = 2; dataset.getColumnIndex(unique) >= 0; n++) {
			unique = name + " (" + n + ")";
		}
		return unique;
	}

	private static Color statusColour(int option) {
		return (option >= 0) ? STATUS[option % STATUS.length] : GRID;
	}

	private static Color colour(String hex) {
		String safe = HtmlDigest.safeColour(hex);
		return new Color(Integer.parseInt(safe.substring(1), 16));
	}

	/**
	 * Black or white, whichever has the higher contrast ratio with the colour (WCAG 2.1);
	 * at least 4.5:1 for every colour.
	 */
	static Color labelColour(Color fill) {
		double luminance = luminance(fill);
		double withBlack = (luminance + 0.05) / 0.05;
		double withWhite = 1.05 / (luminance + 0.05);
		return (withBlack >= withWhite) ? Color.BLACK : Color.WHITE;
	}

	static double contrast(Color a, Color b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(Color colour) {
		return 0.2126 * channel(colour.getRed()) + 0.7152 * channel(colour.getGreen())
				+ 0.0722 * channel(colour.getBlue());
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	/** Draws the chart at twice the size, in a fixed manner, and encodes it as PNG. */
	static byte[] png(JFreeChart chart, int width, int height) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
			g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g2.scale(SCALE, SCALE);
			chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
		}
		finally {
			g2.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		try {
			if (!ImageIO.write(image, "png", out)) {
				throw new IOException("no PNG writer");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Stacked bars whose segments each have their own colour and a label drawn inside:
	 * the first of the offered labels that fits, none when none does.
	 */
	static final class SegmentRenderer extends StackedBarRenderer {

		private static final Font LABEL = new Font(FONT, Font.BOLD, 11);

		private final transient BiFunction<Integer, Integer, Paint> fills;

		private final transient BiFunction<Integer, Integer, String[]> labels;

		SegmentRenderer(BiFunction<Integer, Integer, Paint> fills, BiFunction<Integer, Integer, String[]> labels) {
			this.fills = fills;
			this.labels = labels;
			setBarPainter(new StandardBarPainter());
			setShadowVisible(false);
			setDrawBarOutline(true);
			setDefaultOutlinePaint(Color.WHITE);
			setDefaultOutlineStroke(new BasicStroke(1f));
			setMaximumBarWidth(1.0);
			setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
			setDefaultItemLabelsVisible(true);
		}

		@Override
		public Paint getItemPaint(int row, int column) {
			return this.fills.apply(row, column);
		}

		@Override
		public Paint getItemOutlinePaint(int row, int column) {
			// no edge on an invisible segment
			Paint fill = this.fills.apply(row, column);
			return (fill instanceof Color colour && colour.getAlpha() == 0) ? fill : Color.WHITE;
		}

		/** The labels a segment may carry, longest first; {@code null} for none. */
		String[] labels(int row, int column) {
			return this.labels.apply(row, column);
		}

		@Override
		protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
				CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
			String[] options = this.labels.apply(row, column);
			if (options == null) {
				return;
			}
			g2.setFont(LABEL);
			FontMetrics metrics = g2.getFontMetrics();
			for (String option : options) {
				if (option != null && metrics.stringWidth(option) + 6 <= bar.getWidth()
						&& metrics.getAscent() <= bar.getHeight()) {
					Paint fill = this.fills.apply(row, column);
					g2.setPaint((fill instanceof Color colour) ? labelColour(colour) : Color.BLACK);
					float x = (float) (bar.getCenterX() - metrics.stringWidth(option) / 2.0);
					float y = (float) (bar.getCenterY() + (metrics.getAscent() - metrics.getDescent()) / 2.0);
					g2.drawString(option, x, y);
					return;
				}
			}
		}

	}

}
