package se.samla.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samla.directory.RejectedRow;
import se.samla.directory.internal.CsvSheet.Row;

import static org.assertj.core.api.Assertions.assertThat;

class CsvSheetTests {

	private static final Column NAME = Column.required("Namn", "name");

	private static final Column EFFECT = Column.optional("Förväntad effekt");

	private static final Column EMAIL = Column.required("E-post", "email");

	private static final List<Column> COLUMNS = List.of(NAME, EFFECT, EMAIL);

	@Test
	void matchesHeadersIgnoringCaseAccentsSpacesAndDashes() {
		CsvSheet sheet = read(" NAMN ;forvantad-effekt;epost\nAnna;Bättre;anna@example.org\n");
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.rows()).singleElement().satisfies(row -> {
			assertThat(row.get(NAME)).isEqualTo("Anna");
			assertThat(row.get(EFFECT)).isEqualTo("Bättre");
			assertThat(row.get(EMAIL)).isEqualTo("anna@example.org");
		});
	}

	@Test
	void namesUnknownAndMissingColumns() {
		CsvSheet sheet = read("Namn;Telefon\nAnna;070\n");
		assertThat(sheet.problems()).extracting(RejectedRow::toString)
			.containsExactly("line 1: unknown column 'Telefon' (expected Namn;Förväntad effekt;E-post)",
					"line 1: missing column 'E-post'");
		assertThat(sheet.rows()).isEmpty();
	}

	@Test
	void toleratesTrailingEmptyColumnsEmptyLinesAndAbsentOptionalColumns() {
		CsvSheet sheet = read(
				"Namn;E-post;;\r\nAnna;anna@example.org;;\r\n;;;\r\n\r\nBo;bo@example.org\r\n;;;\r\n\r\n");
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.rows()).extracting(Row::line).containsExactly(2, 5);
		assertThat(sheet.rows().get(1).get(EFFECT)).isEmpty();
	}

	@Test
	void rejectsAValueBeyondTheHeader() {
		CsvSheet sheet = read("Namn;E-post\nAnna;anna@example.org;Kumla\n");
		assertThat(sheet.problems()).singleElement().satisfies(problem -> assertThat(problem.line()).isEqualTo(2));
	}

	@Test
	void skipsExcelsSeparatorHint() {
		CsvSheet sheet = read("sep=;\nNamn;E-post\nAnna;anna@example.org\n");
		assertThat(sheet.problems()).isEmpty();
		assertThat(sheet.rows()).extracting(Row::line).containsExactly(3);
	}

	@Test
	void reportsAnEmptyFile() {
		assertThat(read("\n\n").problems()).extracting(RejectedRow::line).containsExactly(1);
	}

	private static CsvSheet read(String text) {
		return CsvSheet.read(text.getBytes(StandardCharsets.UTF_8), COLUMNS);
	}

}
