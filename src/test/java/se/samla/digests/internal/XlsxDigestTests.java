package se.samla.digests.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.digests.Digest;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestTexts;
import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest as an XLSX workbook: its sheets, and answers that stay plain text. */
class XlsxDigestTests {

	private static final DigestTexts SWEDISH = SampleDigests.texts(Language.SV);

	@TempDir
	Path temporary;

	@Test
	void sheetsComeInOrderWithSwedishNames() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.PERSONS))) {
			assertThat(sheetNames(workbook)).containsExactly("Översikt", "F1 Vilka yrken är svårast att…",
					"F2 Hur har aktiviteten gått", "Färg Nu", "Färg Om 1 år", "Förändring", "Teman", "Uppföljning",
					"Rådata");
			assertThat(sheetNames(workbook)).allSatisfy((name) -> assertThat(name).hasSizeLessThanOrEqualTo(31));
		}
	}

	@Test
	void everyTableSheetHasABoldHeaderRowThatIsFrozenAndFiltered() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.PERSONS))) {
			for (Sheet sheet : workbook) {
				if (sheet.getSheetName().equals("Översikt")) {
					continue;
				}
				PaneInformation pane = sheet.getPaneInformation();
				assertThat(pane).as(sheet.getSheetName()).isNotNull();
				assertThat(pane.isFreezePane()).as(sheet.getSheetName()).isTrue();
				assertThat(pane.getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
				assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).as(sheet.getSheetName()).isTrue();
				Cell first = sheet.getRow(0).getCell(0);
				assertThat(workbook.getFontAt(first.getCellStyle().getFontIndex()).getBold()).as(sheet.getSheetName())
					.isTrue();
			}
			XSSFSheet raw = workbook.getSheet("Rådata");
			assertThat(raw.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I4");
		}
	}

	@Test
	void rawDataHasOneRowPerAnswerWithNumbersAsNumbers() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.PERSONS))) {
			Sheet raw = workbook.getSheet("Rådata");
			assertThat(texts(raw.getRow(0))).containsExactly("Organisation", "Person", "Nr", "Fråga-id", "Fråga",
					"Aktivitet", "Svar", "Kanal", "Inskickat");
			assertThat(raw.getLastRowNum()).isEqualTo(3);
			Row first = raw.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Region Norr");
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Cecilia Carlsson");
			assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(6).getStringCellValue()).isEqualTo("Sjuksköterskor och barnmorskor");
			assertThat(first.getCell(8).getStringCellValue()).isEqualTo("Ja");
			assertThat(raw.getRow(3).getCell(5).getStringCellValue()).isEqualTo("A1 Introduktionsprogram");
		}
	}

	@Test
	void theOverviewHasTheRatesAsNumbersAndInThePersonsViewWhoIsMissing() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.PERSONS))) {
			Sheet overview = workbook.getSheet("Översikt");
			List<String> text = allText(overview);
			assertThat(text).contains("Sammanställning: Kompetensbehov 2026",
					"Sammanställd 7 december 2026 08:00. Sista svarsdag 18 december 2026.", "3 av 5 har svarat (60 %)",
					"Har inte svarat", "Anna Andersson", "anna.andersson@kommunsyd.example", "Går inte att nå",
					"Bo Berg", "Ingen e-postadress", "Nätverk Vård");
			Row regionNorr = rowStartingWith(overview, "Region Norr");
			assertThat(regionNorr.getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(regionNorr.getCell(2).getNumericCellValue()).isEqualTo(3);
			assertThat(regionNorr.getCell(3).getNumericCellValue()).isEqualTo(66);
			assertThat(regionNorr.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0\" %\"");
			Row total = rowStartingWith(overview, "Totalt");
			assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(60);
		}
	}

	@Test
	void thePersonsViewShowsWhoAnsweredBesideTheOrganisation() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.PERSONS))) {
			Sheet first = workbook.getSheetAt(1);
			assertThat(texts(first.getRow(0))).startsWith("Organisation", "Person", "Svar", "Utvecklingsområden");
			assertThat(texts(first.getRow(1))).containsExactly("Region Norr", "Cecilia Carlsson",
					"Sjuksköterskor och barnmorskor", "Rekrytering");
			Sheet second = workbook.getSheetAt(2);
			assertThat(texts(second.getRow(0))).startsWith("Organisation", "Person", "Aktivitet", "Svar");
			assertThat(allText(workbook.getSheet("Uppföljning"))).contains("Ansvariga som inte har rapporterat",
					"Fredrik Fors");
		}
	}

	@Test
	void theOrganisationsViewHasNoPersonColumnAndNoNamesAnywhere() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.ORGANISATIONS))) {
			assertThat(texts(workbook.getSheetAt(1).getRow(0))).startsWith("Organisation", "Svar");
			assertThat(texts(workbook.getSheet("Rådata").getRow(0))).containsExactly("Organisation", "Nr", "Fråga-id",
					"Fråga", "Aktivitet", "Svar", "Kanal", "Inskickat");
			List<String> text = new ArrayList<>();
			workbook.forEach((sheet) -> text.addAll(allText(sheet)));
			assertThat(text).contains("Sjuksköterskor och barnmorskor", "Svaren visas per organisation, utan namn.");
			assertThat(String.join("\n", text)).doesNotContain("Cecilia", "David Dahl", "Anna Andersson", "Bo Berg",
					"Fredrik Fors", "kommunsyd.example", "Har inte svarat", "Går inte att nå");
		}
	}

	@Test
	void theQuestionIsInTheFrozenHeaderRowBesideTheTable() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.ORGANISATIONS))) {
			assertThat(texts(workbook.getSheetAt(1).getRow(0))).last()
				.isEqualTo("Fråga 1: Vilka yrken är svårast att rekrytera?");
			assertThat(((XSSFSheet) workbook.getSheetAt(1)).getCTWorksheet().getAutoFilter().getRef())
				.isEqualTo("A1:C3");
		}
	}

	@Test
	void aColourSheetHasARowPerResponseWithTheLevelNamesInTheCellsFilledWithTheLevelsColours() throws IOException {
		try (XSSFWorkbook workbook = write(SampleDigests.digest(View.ORGANISATIONS))) {
			Sheet now = workbook.getSheet("Färg Nu");
			// the occupations across, the question and the counts per level beside them
			assertThat(texts(now.getRow(0))).containsExactly("Svar från", "Sjuksköterska", "Undersköterska",
					"Hur ser kompetensförsörjningen ut? – Nu", "Brist", "1.0", "Balans", "2.0");
			assertThat(fill(now.getRow(0).getCell(5))).isEqualTo("C00000");
			assertThat(now.getRow(0).getCell(6).getNumericCellValue()).isEqualTo(1);
			assertThat(now.getRow(0).getCell(8).getNumericCellValue()).isEqualTo(2);
			assertThat(texts(now.getRow(1))).containsExactly("Region Norr", "Brist", "Balans");
			assertThat(fill(now.getRow(1).getCell(1))).isEqualTo("C00000");
			assertThat(fill(now.getRow(1).getCell(2))).isEqualTo("70AD47");
			assertThat(texts(now.getRow(2))).containsExactly("Kommun Syd", "Balans");
			assertThat(now.getRow(2).getCell(2)).isNull();
			assertThat(now.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 1);
			assertThat(((XSSFSheet) now).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
			assertThat(fill(workbook.getSheet("Färg Om 1 år").getRow(1).getCell(2))).isEqualTo("FFC000");
		}
	}

	@Test
	void aColourTableWithMoreResponsesThanASheetHasColumnsOpensAndHoldsThemAll() throws IOException {
		int responses = 20_000;
		try (XSSFWorkbook workbook = write(SampleDigests.digestWithColourResponses(responses))) {
			Sheet now = workbook.getSheet("Färg Nu");
			assertThat(now.getLastRowNum()).isEqualTo(responses);
			assertThat(now.getRow(0).getLastCellNum()).isLessThan((short) 20);
			for (int r = 1; r <= responses; r++) {
				Row row = now.getRow(r);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(SampleDigests.respondent(r - 1));
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(((r - 1) % 2 == 0) ? "Brist" : "Balans");
			}
		}
	}

	@Test
	void aColourTableGoesOnInASecondSheetWhenTheFirstIsFull() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(SampleDigests.digestWithColourResponses(5), SWEDISH, out, 3, false);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			List<String> responses = new ArrayList<>();
			for (String name : List.of("Färg Nu", "Färg Nu (2)", "Färg Nu (3)")) {
				Sheet sheet = workbook.getSheet(name);
				assertThat(texts(sheet.getRow(0))).as(name).startsWith("Svar från", "Sjuksköterska");
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					responses.add(sheet.getRow(r).getCell(0).getStringCellValue());
				}
			}
			assertThat(responses).containsExactly(SampleDigests.respondent(0), SampleDigests.respondent(1),
					SampleDigests.respondent(2), SampleDigests.respondent(3), SampleDigests.respondent(4));
		}
	}

	@Test
	void answersThatLookLikeFormulasOrMarkupAreStringCellsWithExactlyThatText() throws IOException {
		Digest digest = SampleDigests.digestWithAnswers(View.PERSONS, SampleDigests.INJECTIONS);
		try (XSSFWorkbook workbook = write(digest)) {
			Sheet question = workbook.getSheetAt(1);
			Sheet raw = workbook.getSheet("Rådata");
			for (int i = 0; i < SampleDigests.INJECTIONS.size(); i++) {
				Cell answer = question.getRow(i + 1).getCell(2);
				assertThat(answer.getCellType()).isEqualTo(CellType.STRING);
				assertThat(answer.getStringCellValue()).isEqualTo(SampleDigests.INJECTIONS.get(i));
				assertThat(answer.getCellStyle().getQuotePrefixed()).isTrue();
				Cell rawAnswer = raw.getRow(i + 1).getCell(6);
				assertThat(rawAnswer.getCellType()).isEqualTo(CellType.STRING);
				assertThat(rawAnswer.getStringCellValue()).isEqualTo(SampleDigests.INJECTIONS.get(i));
			}
			assertNoFormulaAnywhere(workbook);
		}
	}

	@Test
	void theWorkbookHasNoFormulaAndNoHyperlinkAtAll() throws IOException {
		byte[] bytes = bytes(SampleDigests.digestWithAnswers(View.PERSONS, SampleDigests.INJECTIONS));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertNoFormulaAnywhere(workbook);
			for (Sheet sheet : workbook) {
				assertThat(((XSSFSheet) sheet).getHyperlinkList()).isEmpty();
			}
		}
		// nothing in the package's XML is a formula element. POI writes Zip64 data
		// descriptors (as Excel takes them), which java.util.zip.ZipInputStream cannot
		// read: ZipFile reads the central directory instead.
		Path file = this.temporary.resolve("digest.xlsx");
		Files.write(file, bytes);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
				assertThat(xml).as(entry.getName()).doesNotContain("<f>", "<f ", "<script>");
			}
		}
	}

	@Test
	void charactersXmlCannotHoldAreLeftOutAndExcelEscapesStayText() throws IOException {
		List<String> answers = List.of("ett\u0000två\u0007tre\u001Bfyra\uFFFF", "rad ett\nrad två\tflik",
				"_x0041_ och _X004a_", "emoji 😀 \uD800 ensam");
		try (XSSFWorkbook workbook = write(SampleDigests.digestWithAnswers(View.PERSONS, answers))) {
			Sheet question = workbook.getSheetAt(1);
			assertThat(question.getRow(1).getCell(2).getStringCellValue()).isEqualTo("etttvåtrefyra");
			assertThat(question.getRow(2).getCell(2).getStringCellValue()).isEqualTo("rad ett\nrad två\tflik");
			assertThat(question.getRow(3).getCell(2).getStringCellValue()).isEqualTo("_x0041_ och _X004a_");
			assertThat(question.getRow(4).getCell(2).getStringCellValue()).isEqualTo("emoji 😀  ensam");
		}
	}

	@Test
	void textsWithAndWithoutXmlSpecialCharactersComeBackUnchanged() throws IOException {
		List<String> answers = List.of("Åsa, Örjan och Ülle: 100 % — ✓ 😀", "a < b & c > d \"citat\" 'apostrof'",
				"hårt\u00A0mellanslag", "  inledande och avslutande blanksteg  ", "&amp; &lt;b&gt; ]]> <![CDATA[x]]>");
		try (XSSFWorkbook workbook = write(SampleDigests.digestWithAnswers(View.PERSONS, answers))) {
			Sheet question = workbook.getSheetAt(1);
			for (int i = 0; i < answers.size(); i++) {
				assertThat(question.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(answers.get(i));
			}
		}
	}

	@Test
	void aTextLongerThanACellHoldsIsCutWithAnEllipsis() throws IOException {
		String longAnswer = "a".repeat(40_000);
		try (XSSFWorkbook workbook = write(SampleDigests.digestWithAnswers(View.PERSONS, List.of(longAnswer)))) {
			String shown = workbook.getSheetAt(1).getRow(1).getCell(2).getStringCellValue();
			assertThat(shown).hasSize(32_767).endsWith("a…");
		}
		assertThat(XlsxDigest.cellText("_x0041_".repeat(5_000))).hasSizeLessThanOrEqualTo(32_767).endsWith("…");
		assertThat(XlsxDigest.cellText("😀".repeat(20_000))).hasSize(32_767).endsWith("😀…");
	}

	@Test
	void rawDataGoesOnInASecondSheetWhenTheFirstIsFull() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(SampleDigests.digest(View.ORGANISATIONS), SWEDISH, out, 3, false);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(sheetNames(workbook)).endsWith("Rådata", "Rådata (2)");
			Sheet first = workbook.getSheet("Rådata");
			Sheet second = workbook.getSheet("Rådata (2)");
			assertThat(first.getLastRowNum()).isEqualTo(2);
			assertThat(second.getLastRowNum()).isEqualTo(1);
			assertThat(texts(second.getRow(0))).first().isEqualTo("Organisation");
			assertThat(second.getPaneInformation().isFreezePane()).isTrue();
			assertThat(((XSSFSheet) second).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H2");
		}
	}

	@Test
	void sheetNamesAreShortSafeAndUnique() throws IOException {
		Digest digest = SampleDigests.digest(View.ORGANISATIONS,
				List.of(SampleDigests.section(1, "q1", "Kort", answer()),
						SampleDigests.section(2, "q2", "Vad/varför [kort]: *svar*? \\ 'citat'", answer()),
						SampleDigests.section(3, "q3", "En mycket lång fråga som inte får plats i ett bladnamn alls",
								answer()),
						SampleDigests.section(3, "q3b", "En mycket lång fråga som inte får plats i ett bladnamn alls",
								answer())));
		try (XSSFWorkbook workbook = write(digest)) {
			assertThat(sheetNames(workbook)).startsWith("Översikt", "F1 Kort", "F2 Vad varför kort svar 'citat",
					"F3 En mycket lång fråga som…", "F3 En mycket lång fråga som (2)");
		}
		XlsxDigest.SheetNames names = new XlsxDigest.SheetNames();
		assertThat(names.unique("History")).isEqualTo("History (2)");
		assertThat(names.unique("Rådata")).isEqualTo("Rådata");
		assertThat(names.unique("RÅDATA")).isEqualTo("RÅDATA (2)");
		assertThat(names.unique("'")).isEqualTo("-");
	}

	@Test
	void aQuestionWithoutAnswersSaysSo() throws IOException {
		Digest digest = SampleDigests.digest(View.ORGANISATIONS, List.of(SampleDigests.section(1, "q1", "Tom fråga")));
		try (XSSFWorkbook workbook = write(digest)) {
			Sheet question = workbook.getSheetAt(1);
			assertThat(question.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Inga svar än.");
			assertThat(((XSSFSheet) question).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:B1");
		}
	}

	@Test
	void theWorkbookIsInEnglishForAnEnglishReader() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(SampleDigests.digest(View.ORGANISATIONS), SampleDigests.texts(Language.EN), out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(sheetNames(workbook)).containsExactly("Overview", "Q1 Vilka yrken är svårast att…",
					"Q2 Hur har aktiviteten gått", "Colour Nu", "Colour Om 1 år", "Changes", "Themes", "Follow-up",
					"Raw data");
			assertThat(texts(workbook.getSheet("Raw data").getRow(0))).startsWith("Organisation", "No.", "Question id");
		}
	}

	private static OrganisationAnswers answer() {
		return new OrganisationAnswers("Region Norr", List.of(new AnswerLine(null, null, "Ja", List.of())));
	}

	private static void assertNoFormulaAnywhere(XSSFWorkbook workbook) {
		int cells = 0;
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
						.isNotEqualTo(CellType.FORMULA);
					cells++;
				}
			}
		}
		assertThat(cells).isGreaterThan(50);
	}

	private static XSSFWorkbook write(Digest digest) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes(digest)));
	}

	private static byte[] bytes(Digest digest) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxDigest.write(digest, SWEDISH, out);
		return out.toByteArray();
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			texts.add((cell.getCellType() == CellType.STRING) ? cell.getStringCellValue()
					: String.valueOf(cell.getNumericCellValue()));
		}
		return texts;
	}

	private static List<String> allText(Sheet sheet) {
		List<String> texts = new ArrayList<>();
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}
		}
		return texts;
	}

	private static Row rowStartingWith(Sheet sheet, String text) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
				return row;
			}
		}
		throw new AssertionError("no row starting with " + text);
	}

	private static String fill(Cell cell) {
		XSSFCellStyle style = ((XSSFCell) cell).getCellStyle();
		return style.getFillForegroundXSSFColor().getARGBHex().substring(2);
	}

}
