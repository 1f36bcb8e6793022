package se.samla.digests.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samla.digests.Digest;
import se.samla.digests.Digest.View;
import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw rows as CSV for Swedish Excel, with answers that stay plain text. */
class CsvDigestTests {

	@Test
	void startsWithAByteOrderMarkAndTheHeaderInSwedish() throws IOException {
		String csv = write(SampleDigests.digest(View.PERSONS));
		assertThat(csv).startsWith("\uFEFFOrganisation;Person;Nr;Fråga-id;Fråga;Aktivitet;Svar;Kanal;Inskickat\r\n");
	}

	@Test
	void everyRowEndsWithCrLfAndHasItsFieldsSeparatedBySemicolons() throws IOException {
		String csv = write(SampleDigests.digest(View.PERSONS));
		assertThat(csv).endsWith("\r\n");
		assertThat(csv.replace("\r\n", "")).doesNotContain("\r", "\n");
		assertThat(csv.substring(1).split("\r\n")).containsExactly(
				"Organisation;Person;Nr;Fråga-id;Fråga;Aktivitet;Svar;Kanal;Inskickat",
				"Region Norr;Cecilia Carlsson;1;q1;Vilka yrken är svårast att rekrytera?;;Sjuksköterskor och barnmorskor;Teams;Ja",
				"Kommun Syd;David Dahl;1;q1;Vilka yrken är svårast att rekrytera?;;Undersköterskor;Teams;Ja",
				"Region Norr;Cecilia Carlsson;2;q2;Hur har aktiviteten gått?;A1 Introduktionsprogram;Genomförd;Teams;Ja");
	}

	@Test
	void theOrganisationsViewHasNoPersonColumnAndNoNames() throws IOException {
		String csv = write(SampleDigests.digest(View.ORGANISATIONS));
		assertThat(csv).startsWith("\uFEFFOrganisation;Nr;Fråga-id;Fråga;Aktivitet;Svar;Kanal;Inskickat\r\n")
			.contains("\r\nRegion Norr;1;q1;")
			.doesNotContain("Cecilia", "David Dahl");
	}

	@Test
	void answersThatLookLikeFormulasGetAnApostropheInsideQuotes() throws IOException {
		String csv = write(SampleDigests.digestWithAnswers(View.ORGANISATIONS, SampleDigests.INJECTIONS));
		List<List<String>> rows = parse(csv.substring(1));
		List<String> answers = rows.subList(1, rows.size()).stream().map((row) -> row.get(5)).toList();
		assertThat(answers).containsExactly("'=HYPERLINK(\"http://evil.example\",\"klicka\")", "'+46 70 123", "'-1",
				"'@SUM(A1)", "<script>alert(1)</script>", "'=1+1");
		assertThat(csv).contains(";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klicka\"\")\";")
			.contains(";\"'+46 70 123\";")
			.contains(";\"'-1\";")
			.contains(";\"'@SUM(A1)\";")
			.contains(";<script>alert(1)</script>;")
			.contains(";\"'=1+1\";");
	}

	@Test
	void fieldsStartingWithATabOrCarriageReturnAreNeutralisedToo() {
		assertThat(CsvDigest.field("\t=1+1")).isEqualTo("\"'\t=1+1\"");
		assertThat(CsvDigest.field("\r=1+1")).isEqualTo("\"'\r=1+1\"");
		assertThat(CsvDigest.field("1+1=2")).isEqualTo("1+1=2");
		assertThat(CsvDigest.field("e-post@example.se")).isEqualTo("e-post@example.se");
		assertThat(CsvDigest.field(null)).isEmpty();
	}

	@Test
	void aFieldWithASemicolonQuotesAndNewlinesRoundTrips() throws IOException {
		String answer = "Vi behöver; \"fler\" sjuksköterskor\r\noch undersköterskor\nsnart";
		String csv = write(SampleDigests.digestWithAnswers(View.ORGANISATIONS, List.of(answer, "enkelt")));
		assertThat(csv).contains(";\"Vi behöver; \"\"fler\"\" sjuksköterskor\r\noch undersköterskor\nsnart\";");
		List<List<String>> rows = parse(csv.substring(1));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).hasSize(8);
		assertThat(rows.get(1).get(5)).isEqualTo(answer);
		assertThat(rows.get(2).get(5)).isEqualTo("enkelt");
	}

	@Test
	void theHeaderIsInEnglishForAnEnglishReader() throws IOException {
		StringWriter out = new StringWriter();
		CsvDigest.write(SampleDigests.digest(View.ORGANISATIONS), SampleDigests.texts(Language.EN), out);
		assertThat(out.toString())
			.startsWith("\uFEFFOrganisation;No.;Question id;Question;Activity;Answer;Channel;Submitted\r\n")
			.contains(";Teams;Yes\r\n");
	}

	private static String write(Digest digest) throws IOException {
		StringWriter out = new StringWriter();
		CsvDigest.write(digest, SampleDigests.texts(Language.SV), out);
		return out.toString();
	}

	/** RFC 4180 with semicolons, as a spreadsheet reads it. */
	private static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ';') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}

}
