package se.samla.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samla.directory.internal.CsvParser.CsvRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvParserTests {

	@Test
	void splitsOnSemicolonsAndKeepsSemicolonsInsideQuotes() {
		List<CsvRecord> records = CsvParser.parse("a;\"b;c\";d\n");
		assertThat(records).singleElement().satisfies(record -> {
			assertThat(record.fields()).containsExactly("a", "b;c", "d");
			assertThat(record.line()).isEqualTo(1);
		});
	}

	@Test
	void readsDoubledQuotesAsOneQuote() {
		List<CsvRecord> records = CsvParser.parse("\"Projektet \"\"Trygga kompetensen\"\"\";\"\"\n");
		assertThat(records.get(0).fields()).containsExactly("Projektet \"Trygga kompetensen\"", "");
	}

	@Test
	void keepsLineBreaksInsideQuotesAndNumbersRecordsByTheirFirstPhysicalLine() {
		String text = "Id;Effekt\r\nA1;\"första raden\r\nandra raden\r\ntredje\"\r\nA2;kort\r\n";
		List<CsvRecord> records = CsvParser.parse(text);
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 5);
		assertThat(records.get(1).fields()).containsExactly("A1", "första raden\nandra raden\ntredje");
		assertThat(records.get(2).fields()).containsExactly("A2", "kort");
	}

	@Test
	void acceptsCrlfLfAndAMissingFinalLineBreak() {
		assertThat(CsvParser.parse("a;b\r\nc;d\ne;f")).extracting(CsvRecord::fields)
			.containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
	}

	@Test
	void takesAQuoteInsideAnUnquotedFieldLiterally() {
		assertThat(CsvParser.parse("15\" skärm;x\n").get(0).fields()).containsExactly("15\" skärm", "x");
	}

	@Test
	void reportsAQuoteThatIsNeverClosedWithTheLineItStartsOn() {
		assertThatExceptionOfType(CsvFormatException.class)
			.isThrownBy(() -> CsvParser.parse("a;b\nc;d\ne;\"never closed\nf;g\n"))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("line 3");
	}

	@Test
	void decodesUtf8WithBom() {
		byte[] bytes = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"Namn;Språk\n".getBytes(StandardCharsets.UTF_8));
		assertThat(CsvParser.decode(bytes)).isEqualTo("Namn;Språk\n");
	}

	@Test
	void decodesUtf8WithoutBom() {
		assertThat(CsvParser.decode("Hällefors;Örebro;Laxå".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("Hällefors;Örebro;Laxå");
	}

	@Test
	void decodesWindows1252WhenTheBytesAreNotUtf8() {
		byte[] bytes = "Hällefors;Örebro;Laxå".getBytes(CsvParser.WINDOWS_1252);
		assertThat(CsvParser.decode(bytes)).isEqualTo("Hällefors;Örebro;Laxå");
	}

	@Test
	void rejectsUtf16WithAnExplanation() {
		byte[] bytes = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, "N".getBytes(StandardCharsets.UTF_16LE));
		assertThatExceptionOfType(CsvFormatException.class).isThrownBy(() -> CsvParser.decode(bytes))
			.withMessageContaining("CSV UTF-8");
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
