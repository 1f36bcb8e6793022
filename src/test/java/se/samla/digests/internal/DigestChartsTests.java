package se.samla.digests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityHistory;
import se.samla.digests.Digest.View;
import se.samla.digests.Digest.YearStatus;
import se.samla.digests.DigestTexts;
import se.samla.shared.Language;
import se.samla.support.Fonts;

/**
 * The digests' charts: PNG pictures of a fixed width with alt text that states their
 * figures, segments labelled so that nothing depends on colour, and no charts (but a
 * digest) when they cannot be drawn.
 */
@ExtendWith(OutputCaptureExtension.class)
class DigestChartsTests {

	@BeforeAll
	static void fonts() {
		Fonts.ensureInstalled();
	}

	@Test
	void everyChartIsAPngOfTwiceItsShownSizeSixHundredAndFortyPixelsWide() throws IOException {
		List<Chart> charts = DigestCharts.charts(withHistory(SampleDigests.digest(View.ORGANISATIONS)),
				SampleDigests.texts(Language.SV));
		assertThat(charts).extracting(Chart::id)
			.containsExactly("rates-organisations", "rates-networks", "follow-up", "colours-1", "colours-2", "changes");
		Path folder = Path.of("target", "charts");
		Files.createDirectories(folder);
		for (Chart chart : charts) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
			assertThat(image).as(chart.id()).isNotNull();
			assertThat(chart.width()).isEqualTo(640);
			assertThat(image.getWidth()).isEqualTo(2 * chart.width());
			assertThat(image.getHeight()).isEqualTo(2 * chart.height());
			// small enough to carry in every digest email
			assertThat(chart.png().length).as(chart.id()).isLessThan(150_000);
			Files.write(folder.resolve(chart.fileName()), chart.png());
		}
	}

	@Test
	void theAltTextStatesTheFiguresInTheDigestsLanguage() {
		List<Chart> swedish = DigestCharts.charts(withHistory(SampleDigests.digest(View.ORGANISATIONS)),
				SampleDigests.texts(Language.SV));
		assertThat(chart(swedish, "rates-organisations").altText())
			.isEqualTo("Svarsfrekvens per organisation: Region Norr 66 %, Kommun Syd 50 %.");
		assertThat(chart(swedish, "rates-networks").altText())
			.isEqualTo("Svarsfrekvens per nätverk: Nätverk Vård 60 %.");
		assertThat(chart(swedish, "colours-1").altText())
			.isEqualTo("Färgskattning Nu: antal per yrke och nivå: Sjuksköterska: Brist 1, Balans 1; "
					+ "Undersköterska: Balans 1.");
		assertThat(chart(swedish, "changes").altText())
			.isEqualTo("Förändringar sedan Kompetensbehov 2025: Balans → Brist 1.");
		assertThat(chart(swedish, "follow-up").altText()).isEqualTo("Aktiviteternas status år för år: "
				+ "A1 Introduktionsprogram (Region Norr): 2025 Pågående, 2026 Genomfört.");
		List<Chart> english = DigestCharts.charts(withHistory(SampleDigests.digest(View.ORGANISATIONS)),
				SampleDigests.texts(Language.EN));
		assertThat(chart(english, "rates-organisations").altText())
			.startsWith("Response rate per organisation: Region Norr 66 %");
	}

	@Test
	void theSameDigestGivesTheSamePictures() {
		Digest digest = withHistory(SampleDigests.digest(View.ORGANISATIONS));
		List<Chart> once = DigestCharts.charts(digest, SampleDigests.texts(Language.SV));
		List<Chart> twice = DigestCharts.charts(digest, SampleDigests.texts(Language.SV));
		for (int i = 0; i < once.size(); i++) {
			assertThat(twice.get(i).png()).as(once.get(i).id()).isEqualTo(once.get(i).png());
		}
	}

	@Test
	void eachSegmentOfAStackedBarIsLabelledWithItsLevelsNameAndCount() {
		List<String> labels = new ArrayList<>();
		DigestCharts.charts(SampleDigests.digest(View.ORGANISATIONS), SampleDigests.texts(Language.SV),
				(chart, width, height) -> {
					org.jfree.chart.plot.CategoryPlot plot = (org.jfree.chart.plot.CategoryPlot) chart.getPlot();
					if (plot.getRenderer() instanceof DigestCharts.SegmentRenderer segments) {
						var dataset = plot.getDataset();
						for (int row = 0; row < dataset.getRowCount(); row++) {
							for (int column = 0; column < dataset.getColumnCount(); column++) {
								String[] options = segments.labels(row, column);
								if (options != null) {
									labels.add(dataset.getColumnKey(column) + ": " + options[0]);
								}
							}
						}
					}
					return new byte[0];
				});
		// the first table: Sjuksköterska Brist in one, Balans in the other;
		// Undersköterska
		// Balans
		assertThat(labels).contains("Sjuksköterska: Brist 1", "Sjuksköterska: Balans 1", "Undersköterska: Balans 1");
	}

	@Test
	void aChartOfManyOrganisationsShowsTheFirstTwentyFiveAndSaysHowManyThereAre() throws IOException {
		List<DigestCharts.Bar> bars = new ArrayList<>();
		for (int i = 1; i <= 290; i++) {
			bars.add(new DigestCharts.Bar("Kommun " + i, i % 101));
		}
		Chart chart = DigestCharts.rates("rates-organisations", "Svarsfrekvens per organisation", bars).orElseThrow();
		assertThat(chart.altText()).startsWith("Svarsfrekvens per organisation: Kommun 1 1 %, Kommun 2 2 %")
			.contains("Kommun 25 25 %")
			.doesNotContain("Kommun 26 ")
			.endsWith(" (25/290).");
		assertThat(ImageIO.read(new ByteArrayInputStream(chart.png())).getHeight()).isEqualTo(2 * chart.height())
			.isLessThan(2 * 900);
	}

	@Test
	void labelsAreBlackOrWhiteWithEnoughContrastOnEveryLevelsColour() {
		for (String hex : List.of("#3b82f6", "#22c55e", "#eab308", "#ef4444", "#C00000", "#70AD47", "#ffc000")) {
			Color fill = new Color(Integer.parseInt(hex.substring(1), 16));
			assertThat(DigestCharts.contrast(fill, DigestCharts.labelColour(fill))).as(hex).isGreaterThanOrEqualTo(4.5);
		}
	}

	@Test
	void shortLabelsTellTheLevelsApart() {
		assertThat(DigestCharts.abbreviations(List.of("Övertalighet", "Hållbart", "Sårbart", "Brist")))
			.containsExactly("Ö", "H", "S", "B");
		assertThat(DigestCharts.abbreviations(List.of("Surplus", "Sustainable", "Vulnerable", "Shortage")))
			.containsExactly("Sur", "Sus", "Vul", "Sho");
	}

	@Test
	void withoutFontsTheDigestHasNoChartsAndOneWarning(CapturedOutput output) {
		List<Chart> charts = DigestCharts.charts(SampleDigests.digest(View.ORGANISATIONS),
				SampleDigests.texts(Language.SV), (chart, width, height) -> {
					throw new Error("Probable fatal error: No fonts found.");
				});
		assertThat(charts).isEmpty();
		assertThat(output.getOut().lines().filter(line -> line.contains("Charts could not be drawn"))).hasSize(1);
	}

	@Test
	void theWorkbookHasADiagramSheetWithEachChartAsAPictureDescribedByItsAltText() throws IOException {
		Digest digest = withHistory(SampleDigests.digest(View.ORGANISATIONS));
		DigestTexts texts = SampleDigests.texts(Language.SV);
		List<Chart> drawn = DigestCharts.charts(digest, texts);
		// more than the rows a streamed sheet keeps in memory
		List<Chart> charts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			charts.addAll(drawn);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(digest, texts, charts, out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			// right after the overview
			assertThat(workbook.getSheetName(1)).isEqualTo("Diagram");
			XSSFSheet sheet = workbook.getSheet("Diagram");
			List<XSSFPicture> pictures = sheet.getDrawingPatriarch()
				.getShapes()
				.stream()
				.filter(XSSFPicture.class::isInstance)
				.map(XSSFPicture.class::cast)
				.toList();
			assertThat(pictures).hasSize(charts.size());
			for (int i = 0; i < charts.size(); i++) {
				XSSFPicture picture = pictures.get(i);
				Chart chart = charts.get(i);
				assertThat(picture.getPictureData().getData()).isEqualTo(chart.png());
				assertThat(picture.getCTPicture().getNvPicPr().getCNvPr().getDescr()).isEqualTo(chart.altText());
				// and beside it, as text
				int row = picture.getClientAnchor().getRow1();
				assertThat(sheet.getRow(row).getCell(1).getStringCellValue()).isEqualTo(chart.altText());
			}
		}
		ByteArrayOutputStream without = new ByteArrayOutputStream();
		XlsxDigest.write(digest, texts, List.of(), without);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(without.toByteArray()))) {
			assertThat(workbook.getSheet("Diagram")).isNull();
		}
	}

	@Test
	void theHtmlShowsEachChartByItsContentIdWithItsAltTextAndSize() {
		Digest digest = withHistory(SampleDigests.digest(View.ORGANISATIONS));
		DigestTexts texts = SampleDigests.texts(Language.SV);
		List<Chart> charts = DigestCharts.charts(digest, texts);
		org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(HtmlDigest.toString(digest, texts, charts));
		assertThat(html.select("img")).extracting(img -> img.attr("src"))
			.containsExactlyElementsOf(charts.stream().map(chart -> "cid:" + chart.contentId()).toList());
		for (Chart chart : charts) {
			org.jsoup.nodes.Element img = html.selectFirst("img[src=cid:" + chart.contentId() + "]");
			assertThat(img.attr("alt")).isEqualTo(chart.altText());
			assertThat(img.attr("width")).isEqualTo("640");
			assertThat(img.attr("height")).isEqualTo(String.valueOf(chart.height()));
		}
		assertThat(org.jsoup.Jsoup.parse(HtmlDigest.toString(digest, texts)).select("img")).isEmpty();
	}

	static Digest withHistory(Digest digest) {
		Digest.FollowUp followUp = digest.followUp();
		return new Digest(digest.sendOut(), digest.title(), digest.questionnaireTitle(), digest.compiledAt(),
				digest.deadline(), digest.open(), digest.view(), digest.rates(), digest.notAnswered(),
				digest.unreachable(), digest.questions(), digest.colourTables(), digest.changes(),
				digest.previousTitle(), digest.themes(),
				new Digest.FollowUp(followUp.activities(), followUp.notReported(),
						List.of(new ActivityHistory("A1 Introduktionsprogram", "Region Norr",
								List.of(new YearStatus(2025, "Pågående", 1), new YearStatus(2026, "Genomfört", 0))))),
				digest.raw());
	}

	private static Chart chart(List<Chart> charts, String id) {
		return charts.stream().filter(chart -> chart.id().equals(id)).findFirst().orElseThrow();
	}

}
