package se.samla.digests.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import se.samla.digests.Digest;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestProperties;
import se.samla.digests.DigestTexts;
import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest as an email body: a bounded selection that points to the workbook, which
 * holds everything.
 */
class EmailBodyTests {

	private static final DigestTexts SWEDISH = SampleDigests.texts(Language.SV);

	private static final BodyLimits DEFAULTS = BodyLimits.of(new DigestProperties(null, null).email());

	private static final int ANSWERS = 10_000;

	@Test
	void aDigestWithManyAnswersHasAnEmailBodyUnderTheBoundWithTheCountsAndThePointerToTheWorkbook() {
		Digest digest = SampleDigests.digestWithAnswers(View.PERSONS, answers(ANSWERS, 200));
		String html = HtmlDigest.toString(digest, SWEDISH, DEFAULTS);
		String text = TextDigest.toString(digest, SWEDISH, DEFAULTS);
		for (String body : List.of(html, text)) {
			assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024);
			assertThat(body).contains(answer(0, 200), answer(19, 200))
				.doesNotContain(answer(20, 200))
				.doesNotContain(answer(ANSWERS - 1, 200))
				.contains("… och 9\u00a0980 svar till, se bifogad arbetsbok.");
		}
	}

	@Test
	void theSizeBoundHoldsWhateverTheNumberOfAnswersShown() {
		BodyLimits generous = new BodyLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 200 * 1024);
		Digest digest = SampleDigests.digestWithAnswers(View.PERSONS, answers(ANSWERS, 1_000));
		String html = HtmlDigest.toString(digest, SWEDISH, generous);
		String text = TextDigest.toString(digest, SWEDISH, generous);
		for (String body : List.of(html, text)) {
			assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200 * 1024);
			assertThat(body).contains(answer(0, 1_000)).containsPattern("… och 9\u00a0\\d{3} svar till");
		}
		assertThat(html).endsWith("</html>\n");
	}

	@Test
	void aVeryLongAnswerIsCutInTheEmailAndWholeInTheFile() {
		String longAnswer = "Vi behöver fler sjuksköterskor. ".repeat(500);
		Digest digest = SampleDigests.digestWithAnswers(View.ORGANISATIONS, List.of(longAnswer));
		assertThat(TextDigest.toString(digest, SWEDISH, DEFAULTS)).doesNotContain(longAnswer.strip())
			.contains(longAnswer.substring(0, 1_000));
		assertThat(TextDigest.toString(digest, SWEDISH)).contains(longAnswer.strip());
	}

	@Test
	void theFullHtmlForAFileHoldsEveryAnswerAndNoCounts() {
		Digest digest = SampleDigests.digestWithAnswers(View.PERSONS, answers(1_000, 50));
		String html = HtmlDigest.toString(digest, SWEDISH);
		assertThat(html).contains(answer(0, 50), answer(999, 50)).doesNotContain("se bifogad arbetsbok.");
	}

	@Test
	void aSmallDigestIsShownWhole() {
		Digest digest = SampleDigests.digest(View.PERSONS);
		assertThat(HtmlDigest.toString(digest, SWEDISH, DEFAULTS)).isEqualTo(HtmlDigest.toString(digest, SWEDISH));
		assertThat(TextDigest.toString(digest, SWEDISH, DEFAULTS)).isEqualTo(TextDigest.toString(digest, SWEDISH));
	}

	@Test
	void aColourTableWithManyResponsesIsSummedUpPerOccupationAndLevelInTheEmail() {
		Digest digest = SampleDigests.digestWithColourResponses(1_000);
		String html = HtmlDigest.toString(digest, SWEDISH, DEFAULTS);
		assertThat(html).doesNotContain(SampleDigests.respondent(0))
			.contains("1\u00a0000 svar, summerade per nivå; varje svar finns i bifogad arbetsbok.")
			// Sjuksköterska: 500 Brist, 500 Balans; Undersköterska: 0 Brist, 1,000 Balans
			.containsPattern("Sjuksköterska</td><td[^>]*>500</td><td[^>]*>500</td>")
			.containsPattern("Undersköterska</td><td[^>]*>0</td><td[^>]*>1000</td>");
		assertThat(HtmlDigest.toString(digest, SWEDISH)).contains(SampleDigests.respondent(999));
	}

	@Test
	void theWorkbookOfADigestWithManyAnswersHoldsEveryAnswer() throws IOException {
		Digest digest = SampleDigests.digestWithAnswers(View.PERSONS, answers(ANSWERS, 50));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(digest, SWEDISH, out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet question = workbook.getSheetAt(1);
			Sheet raw = workbook.getSheet("Rådata");
			assertThat(question.getLastRowNum()).isEqualTo(ANSWERS);
			assertThat(raw.getLastRowNum()).isEqualTo(ANSWERS);
			for (int i = 0; i < ANSWERS; i++) {
				assertThat(question.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(answer(i, 50));
			}
		}
	}

	private static List<String> answers(int count, int length) {
		List<String> answers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			answers.add(answer(i, length));
		}
		return answers;
	}

	/** A distinct answer of about {@code length} characters. */
	private static String answer(int index, int length) {
		String head = "Svar nummer " + index + ":";
		return head + " Vi behöver fler undersköterskor".repeat(Math.max(1, (length - head.length()) / 32)) + ".";
	}

}
