package se.samla.digests.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tags answers with the development areas by the keywords shipped in
 * {@code conversations/themes.yml}; the answers are written as the chiefs write them in
 * step 2 (the strategic choices and wishes for county-wide collaboration in DOMAIN.md).
 */
class ThemeMatcherTests {

	static final String SPRAK = "Språk- och kulturkompetens";

	static final String ATTRAHERA = "Attrahera till yrken i branschen";

	static final String UTBILDNING = "Dialog och samverkan med utbildningsaktörer";

	static final String TEKNIK = "Nyttja tekniken";

	static final String CHEFER = "Utveckla chefer";

	static final String MEDARBETARE = "Utveckla medarbetare";

	static final String KOMPETENS = "Rätt använd kompetens";

	static final String SAMVERKAN = "Samverkan mellan organisationer";

	static final ThemeMatcher MATCHER = ThemeMatcher.load(Path.of("conversations/themes.yml"));

	@Test
	void theShippedFileHasTheEightAreasOfTheDomainInOrder() {
		assertThat(MATCHER.areas()).containsExactly(SPRAK, ATTRAHERA, UTBILDNING, TEKNIK, CHEFER, MEDARBETARE,
				KOMPETENS, SAMVERKAN);
	}

	static Stream<Arguments> answersAboutOneArea() {
		return Stream.of(Arguments.of(SPRAK, "Vi behöver stärka språkkompetensen hos våra medarbetare."), Arguments.of(
				SPRAK,
				"Språk. Många av våra undersköterskor har svenska som andraspråk och vi vill utbilda fler språkombud."),
				Arguments.of(SPRAK,
						"Ökad kulturkompetens behövs när fler brukare och anställda har utländsk bakgrund."),
				Arguments.of(ATTRAHERA, "Öka attraktivitet och status för yrken och branschen."),
				Arguments.of(ATTRAHERA, "Vända konkurrens till att attrahera tillsammans."),
				Arguments.of(ATTRAHERA, "Villkorsfrågor och lönestruktur, och flexibla arbetstider."),
				Arguments.of(UTBILDNING,
						"Utökad dialog kring utbildning med gymnasieskolan och Vård- och omsorgscollege."),
				Arguments.of(UTBILDNING, "Vi tar emot studenter på VFU men behöver fler utbildade handledare."),
				Arguments.of(TEKNIK, "Vi behöver nyttja tekniken bättre, till exempel välfärdsteknik i hemtjänsten."),
				Arguments.of(TEKNIK, "Läkemedelsrobotar och digital nattillsyn frigör tid för brukarna."),
				Arguments.of(CHEFER, "Rusta chefer: cheferna behöver bättre förutsättningar och stöd."),
				Arguments.of(CHEFER, "Insatser för chefer, till exempel ledarskapsutbildning för första linjen."),
				Arguments.of(MEDARBETARE, "Ökat fokus på att behålla och utveckla befintlig personal."),
				Arguments.of(MEDARBETARE,
						"Vi erbjuder kompetensutveckling och tydliga karriärvägar för undersköterskor."),
				Arguments.of(KOMPETENS, "Differentiera arbetsuppgifter så att sjuksköterskorna räcker till."),
				Arguments.of(KOMPETENS, "Vi inför uppgiftsväxling och serviceassistenter i äldreomsorgen."),
				Arguments.of(SAMVERKAN, "Samverkan mellan kommun och Region Örebro län."), Arguments.of(SAMVERKAN,
						"Vi vill se gemensamma anställningar och hospitering mellan kommunerna och regionen."));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("answersAboutOneArea")
	void tagsAnAnswerWithTheAreaItIsAbout(String area, String answer) {
		assertThat(MATCHER.areasOf(answer)).containsExactly(area);
	}

	@ParameterizedTest(name = "{1} is {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Utveckla chefer                              | chef
			Utveckla chefer                              | chefer
			Utveckla chefer                              | Chefernas
			Utveckla chefer                              | chefens
			Utveckla chefer                              | LEDARSKAPET
			Utveckla medarbetare                         | utveckla medarbetarna
			Utveckla medarbetare                         | karriärvägarna
			Utveckla medarbetare                         | mentorerna
			Dialog och samverkan med utbildningsaktörer  | utbildningsaktörerna
			Dialog och samverkan med utbildningsaktörer  | praktikplatsen
			Dialog och samverkan med utbildningsaktörer  | vård och omsorgscollege
			Dialog och samverkan med utbildningsaktörer  | VO-college
			Språk- och kulturkompetens                   | språket
			Språk- och kulturkompetens                   | Språkombuden
			Språk- och kulturkompetens                   | svenskan
			Språk- och kulturkompetens                   | kulturella
			Attrahera till yrken i branschen             | attraktivare
			Attrahera till yrken i branschen             | arbetsvillkoren
			Nyttja tekniken                              | välfärdstekniken
			Nyttja tekniken                              | digitalt
			Nyttja tekniken                              | digitaliseringen
			Rätt använd kompetens                        | arbetsuppgifterna
			Rätt använd kompetens                        | valideringen
			Rätt använd kompetens                        | differentierade
			Samverkan mellan organisationer              | länsgemensamma
			Samverkan mellan organisationer              | kommunerna och regionen
			""")
	void matchesInflectedFormsWhateverTheCase(String area, String text) {
		assertThat(MATCHER.areasOf(text)).containsExactly(area);
	}

	@ParameterizedTest(name = "{1} is {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Språk- och kulturkompetens       | andraspråk
			Språk- och kulturkompetens       | teckenspråket
			Språk- och kulturkompetens       | språkutvecklande arbetsplatser
			Språk- och kulturkompetens       | mångkulturella
			Nyttja tekniken                  | teknikstödet
			Nyttja tekniken                  | läkemedelsrobotar
			Utveckla medarbetare             | lönekarriär
			Utveckla medarbetare             | karriärmöjligheter
			Utveckla chefer                  | chefsledarskap
			Attrahera till yrken i branschen | sommarrekryteringen
			""")
	void matchesKeywordsOfFiveLettersOrMoreAsTheStartOrEndOfACompound(String area, String text) {
		assertThat(MATCHER.areasOf(text)).containsExactly(area);
	}

	@Test
	void shortKeywordsMatchOnlyWholeWordsSoEnhetschefIsNotAboutDevelopingChiefs() {
		assertThat(MATCHER.areasOf("Det är svårt att rekrytera enhetschefer.")).containsExactly(ATTRAHERA);
		assertThat(MATCHER.areasOf("Enhetscheferna saknas på flera enheter.")).isEmpty();
		assertThat(MATCHER.areasOf("Vi rapporterar till nämnden.")).isEmpty();
	}

	@Test
	void phrasesMatchTheirWordsInARowIgnoringSmallWords() {
		assertThat(MATCHER.hits("Vi vill ha samverkan mellan kommunerna och regionen."))
			.containsExactly(entry(SAMVERKAN, 1));
		assertThat(MATCHER.hits("Vi vill ha samverkan med regionen.")).containsExactly(entry(SAMVERKAN, 1));
		assertThat(MATCHER.areasOf("Kommunen har egen personal och regionen har sin.")).isEmpty();
		assertThat(MATCHER.areasOf("Svenska som andraspråk")).containsExactly(SPRAK);
		assertThat(MATCHER.areasOf("Rätt kompetens på rätt plats")).containsExactly(KOMPETENS);
	}

	@Test
	void tagsAnAnswerAboutTwoAreasWithBothInAreaOrder() {
		assertThat(MATCHER.hits("Vi vill samverka länsgemensamt kring språkombud och svenska för vårdpersonal."))
			.containsExactly(entry(SPRAK, 2), entry(SAMVERKAN, 1));
		assertThat(MATCHER.areasOf("Insatser för att rekrytera och behålla sjuksköterskor.")).containsExactly(ATTRAHERA,
				MEDARBETARE);
	}

	@Test
	void countsEachPlaceThatMatchesOnceEvenWhereKeywordsOverlap() {
		assertThat(MATCHER.hits("Språkombud, språkcafé och svenska för vårdpersonal."))
			.containsExactly(entry(SPRAK, 3));
		assertThat(MATCHER.hits("Kompetensutveckling, kompetensutveckling och mer kompetensutveckling!"))
			.containsExactly(entry(MEDARBETARE, 3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Vi har inga synpunkter just nu.", "Inget att tillägga.",
			"Sjuksköterskor och undersköterskor är kritiska yrkesbefattningar de kommande åren.",
			"Läget är sårbart för distriktsläkare och skötare.", "Resultatet stämmer väl med vår egen bild.",
			"Vi följer upp i ledningsgruppen och rapporterar till nämnden i december.",
			"Kommunen har många äldre och en stor pensionsavgång.", "Löneanspråken är höga bland sökande.",
			"Vi förespråkar en tydligare plan.", "Universitetssjukhuset har också brist på sjuksköterskor.",
			"Vi tolkar resultatet som att läget är oförändrat.", "Vi vill bibehålla kvaliteten i omsorgen.",
			"Det är viktigt att lära sig av varandra.", "" })
	void findsNoAreaInAnAnswerAboutSomethingElse(String answer) {
		assertThat(MATCHER.hits(answer)).isEmpty();
	}

	@Test
	void findsNoAreaInNoText() {
		assertThat(MATCHER.hits(null)).isEmpty();
		assertThat(MATCHER.areasOf("   \n ")).isEmpty();
	}

	@Test
	void picksTheAnswersWithTheMostMatchesAsQuotes() {
		List<String> answers = List.of("Vi behöver fler språkombud.",
				"Språkombud, svenska för vårdpersonal och mer kulturkompetens i hela förvaltningen.",
				"Inga synpunkter.", "Språket är ett hinder, och svenskan behöver stärkas hos många.");
		assertThat(MATCHER.quotes(SPRAK, answers, 2)).containsExactly(answers.get(1), answers.get(3));
		assertThat(MATCHER.quotes(SPRAK, answers, 10)).containsExactly(answers.get(1), answers.get(3), answers.get(0));
		assertThat(MATCHER.quotes(TEKNIK, answers, 3)).isEmpty();
	}

	@Test
	void prefersQuotesNearTwoHundredCharactersAmongEquallyGoodAnswers() {
		String shortAnswer = "Fler språkombud.";
		String wellSized = "Vi har utbildat språkombud på tre av våra äldreboenden och ser redan att dokumentationen blir "
				+ "bättre. Nu vill vi sprida arbetssättet till hemtjänsten och LSS under nästa år, gärna med stöd av "
				+ "andra kommuner.";
		assertThat(MATCHER.quotes(SPRAK, List.of(shortAnswer, wellSized), 1)).containsExactly(wellSized);
	}

	@Test
	void quotesAnAnswerGivenTwiceOnce() {
		List<String> answers = List.of("Fler språkombud behövs.", "Fler  språkombud\nbehövs.", "Språkombud!");
		assertThat(MATCHER.quotes(SPRAK, answers, 3)).containsExactly("Fler språkombud behövs.", "Språkombud!");
	}

	@Test
	void shortensALongAnswerAtASentenceEnd() {
		String first = "Vi behöver stärka språkkompetensen hos medarbetarna i hemtjänsten, där många har svenska som "
				+ "andraspråk och dokumentationen blir lidande.";
		String second = "Språkombud finns på några enheter men inte på alla, och vi saknar tid för handledning av "
				+ "dem i vardagen på arbetsplatserna.";
		String third = "Dessutom vill vi samarbeta med andra kommuner kring material och utbildningar för "
				+ "språkombuden, eftersom vi är för små för att göra det själva.";
		String quote = MATCHER.quotes(SPRAK, List.of(first + " " + second + " " + third), 1).get(0);
		assertThat(quote).hasSizeLessThanOrEqualTo(300).isEqualTo(first + " " + second + " …");
	}

	@Test
	void shortensAtAWordWhenNoSentenceEndsInTime() {
		String answer = "Språkombud " + "och mer stöd till medarbetarna ".repeat(15);
		String quote = MATCHER.quotes(SPRAK, List.of(answer), 1).get(0);
		assertThat(quote).hasSizeLessThanOrEqualTo(300).hasSizeGreaterThan(250).endsWith(" …");
		String kept = quote.substring(0, quote.length() - 2);
		assertThat(answer).startsWith(kept);
		assertThat(answer.charAt(kept.length())).isEqualTo(' ');
	}

	@Test
	void startsALongQuoteAtTheSentenceThatMatchesWhenTheMatchComesLate() {
		String filler = "Läget för sjuksköterskor är fortsatt ansträngt och vi ser ingen förändring de kommande åren "
				+ "trots många försök att förbättra det.";
		String answer = filler + " " + filler + " " + filler + " Vi vill därför utbilda fler språkombud. " + filler;
		String quote = MATCHER.quotes(SPRAK, List.of(answer), 1).get(0);
		assertThat(quote).hasSizeLessThanOrEqualTo(300).startsWith("… Vi vill därför utbilda fler språkombud.");
	}

	@Test
	void summarisesAllAnswersPerAreaWithTheIndexOfEachQuote() {
		List<String> answers = List.of("Vi behöver rusta chefer.", "", "Inga synpunkter.",
				"Chefer och ledarskap, och språkombud.", "Fler språkombud.");
		List<ThemeMatcher.Summary> summaries = MATCHER.summarise(answers, 3);
		assertThat(summaries).extracting(ThemeMatcher.Summary::area).containsExactlyElementsOf(MATCHER.areas());
		assertThat(summaries).extracting(ThemeMatcher.Summary::answers).containsExactly(2, 0, 0, 0, 2, 0, 0, 0);
		assertThat(summaries.get(4).quotes()).containsExactly(
				new ThemeMatcher.Excerpt(3, "Chefer och ledarskap, och språkombud."),
				new ThemeMatcher.Excerpt(0, "Vi behöver rusta chefer."));
		assertThat(summaries.get(0).quotes()).extracting(ThemeMatcher.Excerpt::index).containsExactly(3, 4);
	}

	@Test
	void givesTheSameAnswersFromManyThreads() {
		List<String> answers = IntStream.range(0, 2_000)
			.mapToObj((i) -> (i % 3 == 0) ? "Rusta chefer och stärka språkkompetens nr " + i
					: "Samverkan mellan kommun och region, del " + i)
			.toList();
		List<Map<String, Integer>> sequential = answers.stream().map(MATCHER::hits).toList();
		assertThat(answers.parallelStream().map(MATCHER::hits).toList()).isEqualTo(sequential);
	}

	@Test
	void keywordsGivenInCodeFollowTheSameRules() {
		Map<String, List<String>> keywords = new LinkedHashMap<>();
		keywords.put("Chefer", List.of("chef", "ledarskap"));
		keywords.put("Teknik", List.of("digitala verktyg"));
		ThemeMatcher matcher = ThemeMatcher.of(keywords);
		assertThat(matcher.areas()).containsExactly("Chefer", "Teknik");
		assertThat(matcher.hits("Cheferna vill ha chefsledarskap och digitala verktyg, inte enhetschefer."))
			.containsExactly(entry("Chefer", 2), entry("Teknik", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.of(Map.of("Chefer", List.of("och för"))))
			.withMessageContaining("'och för'");
	}

	@Test
	void reportsEveryProblemOfAMalformedFileWithFileAndLine(@TempDir Path directory) throws IOException {
		Path file = write(directory, """
				areas:
				  - name: Nyttja tekniken
				    keywords: [teknik, och]
				  - name: Utveckla chefer
				    keyword: [chef]
				  - name: Nyttja tekniken
				    keywords: []
				exceptions: [löne anspråk]
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.load(file))
			.isInstanceOf(ThemeFileException.class)
			.satisfies((ex) -> assertThat(((ThemeFileException) ex).problems()).containsExactly(
					file + ":3: area 'Nyttja tekniken': keyword 'och' has only small words (och, för, med, ...), "
							+ "which are ignored in answers",
					file + ":4: area 'Utveckla chefer': missing 'keywords'",
					file + ":5: area 'Utveckla chefer': unknown key 'keyword' (expected one of name, keywords)",
					file + ":6: area 'Nyttja tekniken' is listed twice (first on line 2)",
					file + ":7: area 'Nyttja tekniken': 'keywords' is empty; list at least one",
					file + ":8: 'exceptions': exception 'löne anspråk' must be a single word of letters"));
	}

	@Test
	void reportsAKeyWrittenTwiceAtItsSecondLineInsteadOfLettingTheLastWin(@TempDir Path directory) throws IOException {
		Path file = write(directory, """
				areas:
				  - name: Nyttja tekniken
				    keywords: [teknik]
				    keywords: [digital]
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.load(file))
			.withMessage(file + ":4: area 1: key 'keywords' appears twice (first on line 3)");
	}

	@Test
	void reportsInvalidYamlWithItsLine(@TempDir Path directory) throws IOException {
		Path file = write(directory, """
				areas:
				  - name: Nyttja tekniken
				    keywords: [teknik, digital
				  - name: Utveckla chefer
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.load(file))
			.withMessageStartingWith(file + ":4: invalid YAML: ");
	}

	@Test
	void reportsAFileWithoutAreas(@TempDir Path directory) throws IOException {
		Path empty = write(directory, "# nothing yet\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.load(empty))
			.withMessage(
					empty + ":1: the file is empty; expected 'areas:' with the development areas and their keywords");
		Path other = write(directory, "omraden:\n  - Nyttja tekniken\n");
		assertThatIllegalArgumentException().isThrownBy(() -> ThemeMatcher.load(other))
			.withMessage(other + ":1: unknown key 'omraden' (expected one of areas, exceptions)\n" + other
					+ ":1: missing 'areas': the development areas and their keywords");
	}

	private static Path write(Path directory, String content) throws IOException {
		Path file = Files.createTempFile(directory, "themes", ".yml");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
