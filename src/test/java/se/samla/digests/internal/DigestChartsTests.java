package se.samla.digests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityHistory;
import se.samla.digests.Digest.View;
import se.samla.digests.Digest.YearStatus;
import se.samla.shared.Language;

/**
 * The digests' charts: PNG pictures of a fixed width with alt text that states their
 * figures, segments labelled so that nothing depends on colour, and no charts (but a
 * digest) when they cannot be drawn.
 */
@ExtendWith(OutputCaptureExtension.class)
class DigestChartsTests {

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
