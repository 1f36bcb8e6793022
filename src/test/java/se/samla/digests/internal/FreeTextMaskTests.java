package se.samla.digests.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.samla.surveys.AnswerValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the views without persons mask in free text: the names of the directory's people
 * as chiefs write them (signatures, greetings, possessives, without diacritics), any
 * email address and Swedish phone numbers, and what they keep: ordinary words that are
 * also surnames, places, years, dates, percentages and counts.
 */
class FreeTextMaskTests {

	static final FreeTextMask MASK = FreeTextMask.of(
			List.of("Mats Öberg", "Karin Lindqvist", "Åsa Nordin", "Anna-Karin Berg-Nilsson", "Per Engström",
					"Daniel Ström", "Annika Ek", "Linda Strand", "Helena Forsberg", "Jonas Dahl", "Pieter van der Berg",
					"Sara Ahmadi"),
			List.of("Askersund", "Degerfors", "Nora", "Region Örebro län", "Hallsberg"),
			List.of("Socialchef", "HR-chef", "Projektledare Trygga kompetensen"));

	@Test
	void aChiefsSignatureLosesTheNameButKeepsTheRoleAndOrganisation() {
		assertThat(MASK.mask("Vi behöver fler språkombud.\n\n/Mats Mats Öberg Socialchef, Degerfors kommun"))
			.isEqualTo("Vi behöver fler språkombud.\n\n/[namn] Socialchef, Degerfors kommun");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Hälsningar Karin                          | Hälsningar [namn]
			Med vänliga hälsningar,\\nKarin            | Med vänliga hälsningar,\\n[namn]
			Mvh Karin                                 | Mvh [namn]
			hälsningar karin                          | hälsningar [namn]
			Tack! /Karin                              | Tack! /[namn]
			Hej Karin, här kommer svaren.             | Hej [namn], här kommer svaren.
			Se ovan.\\nKarin                           | Se ovan.\\n[namn]
			Hälsningar Åsa                            | Hälsningar [namn]
			Hälsningar Asa                            | Hälsningar [namn]
			Hälsningar Anna-Karin                     | Hälsningar [namn]
			Tack Per för hjälpen                      | Tack [namn] för hjälpen
			Tack för svaret, Karin!                   | Tack för svaret, [namn]!
			""")
	void aFirstNameIsMaskedInAGreetingOrSignature(String text, String masked) {
		assertThat(MASK.mask(text.replace("\\n", "\n"))).isEqualTo(masked.replace("\\n", "\n"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Prata med Mats Öberg om det.              | Prata med [namn] om det.
			Prata med mats öberg om det.              | Prata med [namn] om det.
			Prata med MATS ÖBERG om det.              | Prata med [namn] om det.
			Prata med Mats Oberg om det.              | Prata med [namn] om det.
			Prata med Öberg Mats om det.              | Prata med [namn] om det.
			Mats Öbergs förslag är bra.               | [namn] förslag är bra.
			Vi följer Öbergs förslag.                 | Vi följer [namn] förslag.
			Enligt Lindqvist är det klart.            | Enligt [namn] är det klart.
			enligt lindqvists analys                  | enligt [namn] analys
			Åsa Nordin och Asa Nordin                 | [namn] och [namn]
			Anna-Karin Berg-Nilsson har ansvaret.     | [namn] har ansvaret.
			Det var Berg-Nilssons idé.                | Det var [namn] idé.
			Ring Daniel Ström.                        | Ring [namn].
			Som Ström sa i mötet.                     | Som [namn] sa i mötet.
			Fråga Annika Ek eller annika ek.          | Fråga [namn] eller [namn].
			Pieter van der Berg leder arbetet.        | [namn] leder arbetet.
			Kontakta Karin Svensson på HR.            | Kontakta [namn] på HR.
			Karin L. samordnar.                       | [namn]. samordnar.
			Ahmadi och Engström ansvarar.             | [namn] och [namn] ansvarar.
			""")
	void fullNamesAndSurnamesAreMaskedInAnyCaseWithOrWithoutDiacritics(String text, String masked) {
		assertThat(MASK.mask(text)).isEqualTo(masked);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Vi behöver mer ström i laddstolparna.", "Ström till laddstolparna saknas.",
			"En ek och en strand.", "Strand och ek i kommunens logga.", "Två gånger per år, per telefon.",
			"Tack per mejl.", "Karin ringde i går om detta.", "Mats ringde också.", "I matsalen på Mats väg.",
			"Matsedeln i Askersund.", "Karinsberg och Öbergsgatan.", "Vi samverkar med Nora kommun och Hallsberg.",
			"Region Örebro län driver projektet Trygga kompetensen.", "Socialchef och HR-chef i Degerfors.",
			"Dahlia och dalar.", "Per capita räknat." })
	void ordinaryWordsPlacesAndFirstNamesInASentenceAreKept(String text) {
		assertThat(MASK.mask(text)).isSameAs(text);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Mejla karin.lindqvist@askersund.se i dag.          | Mejla [e-post] i dag.
			Frågor till HR.Stod@Region.Orebro.SE.              | Frågor till [e-post].
			<info+digest@kommun.example.org>, tack             | <[e-post]>, tack
			Skriv till ingen.person_1@exempel-kommun.se         | Skriv till [e-post]
			mats.oberg@degerfors.se och 070-123 45 67           | [e-post] och [telefon]
			""")
	void emailAddressesAreMaskedWhoeverTheyBelongTo(String text, String masked) {
		assertThat(MASK.mask(text)).isEqualTo(masked);
	}

	@ParameterizedTest
	@ValueSource(strings = { "070-123 45 67", "070 123 45 67", "0701234567", "070-1234567", "070-12 34 567",
			"+46 70 123 45 67", "+46(0)70-1234567", "+46 (0)70 123 45 67", "+4670 123 45 67", "0046 70 123 45 67",
			"019-12 34 56", "019 - 12 34 56", "08-123 456 78", "08-12 34 56", "(08) 123 456", "0581-123 45",
			"0771-123 123", "070–123 45 67", "+44 20 7946 0958" })
	void swedishAndInternationalPhoneNumbersAreMasked(String number) {
		assertThat(MASK.mask("Ring mig på " + number + " efter lunch."))
			.isEqualTo("Ring mig på [telefon] efter lunch.");
		assertThat(MASK.mask(number)).isEqualTo("[telefon]");
		assertThat(MASK.mask("tel. " + number + ", eller mejl")).isEqualTo("tel. [telefon], eller mejl");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Klart 2026-12-04.", "Klart 04-12-2026.", "Planen gäller 2022–2024 och 2025-2030.",
			"Under 2026 vill vi nå 45 % och sedan 60%.", "12 av 13 enheter, 1 200 anställda och 100 000 kronor.",
			"SSYK 5321 och 2221 är undersköterska och sjuksköterska.", "Kl. 08.30–16.00, vecka 49.",
			"0,5 årsarbete och 0-3 år.", "+5 fler än i fjol, -2 i Nora.", "Org.nr 212000-1835, pnr 19701212-1234.",
			"Postnummer 702 11 Örebro.", "Omkring 07 procent.", "070 %" })
	void yearsDatesPercentagesCountsAndCodesAreKept(String text) {
		assertThat(MASK.mask(text)).isSameAs(text);
	}

	@Test
	void everythingInOneAnswerIsMaskedAtOnce() {
		String answer = """
				Vi har språkombud på tre enheter och vill utbilda fler under 2027 (45 % av personalen).
				Frågor? Ring 019-12 34 56 eller mejla mats.oberg@degerfors.se.

				Hälsningar
				Mats Öberg
				Socialchef, Degerfors kommun
				Mobil: +46 (0)70-123 45 67""";
		assertThat(MASK.mask(answer)).isEqualTo("""
				Vi har språkombud på tre enheter och vill utbilda fler under 2027 (45 % av personalen).
				Frågor? Ring [telefon] eller mejla [e-post].

				Hälsningar
				[namn]
				Socialchef, Degerfors kommun
				Mobil: [telefon]""");
	}

	@Test
	void aCommentOfAChoiceOrMatrixIsMaskedAndTheChosenIdsKept() {
		AnswerValue choice = MASK.mask(new AnswerValue.ChoiceAnswer("pagaende", "Karin Lindqvist driver det."));
		assertThat(choice).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende", "[namn] driver det."));
		AnswerValue matrix = MASK.mask(new AnswerValue.MatrixAnswer(Map.of("ssk", Map.of("nu", "brist")),
				Map.of("ssk", "Fråga Mats Öberg, 070-123 45 67")));
		assertThat(matrix).isEqualTo(new AnswerValue.MatrixAnswer(Map.of("ssk", Map.of("nu", "brist")),
				Map.of("ssk", "Fråga [namn], [telefon]")));
		AnswerValue plain = new AnswerValue.ChoiceAnswer("genomfort", "Klart i maj.");
		assertThat(MASK.mask(plain)).isSameAs(plain);
	}

	@Test
	void theMaskForTheViewsWithPersonsKeepsEverything() {
		String text = "/Mats Öberg, mats.oberg@degerfors.se, 070-123 45 67";
		assertThat(FreeTextMask.NONE.mask(text)).isSameAs(text);
	}

	@Test
	void aDirectoryOfThousandsMasksAnyOfItsPeople() {
		List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			names.add("Förnamn" + letters(i) + " Efternamn" + letters(i));
		}
		FreeTextMask mask = FreeTextMask.of(names, List.of(), List.of());
		assertThat(mask.mask("Hälsningar Förnamn" + letters(4_321) + " Efternamn" + letters(4_321)))
			.isEqualTo("Hälsningar [namn]");
		assertThat(mask.mask("Enligt efternamn" + letters(17) + "s förslag")).isEqualTo("Enligt [namn] förslag");
	}

	/** A number as letters: names have no digits. */
	private static String letters(int number) {
		StringBuilder letters = new StringBuilder();
		do {
			letters.append((char) ('a' + number % 26));
			number /= 26;
		}
		while (number > 0);
		return letters.toString();
	}

}
