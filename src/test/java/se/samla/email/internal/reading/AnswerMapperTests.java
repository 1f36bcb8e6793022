package se.samla.email.internal.reading;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import se.samla.email.internal.reading.AnswerMapper.AskedQuestion;
import se.samla.email.internal.reading.AnswerMapper.Mapping;
import se.samla.email.internal.reading.AnswerMapper.Outcome;
import se.samla.surveys.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies are paired with the questions asked, and nothing is guessed. */
class AnswerMapperTests {

	private static final List<AskedQuestion> STEP_2 = List.of(new AskedQuestion(1,
			"Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?", false),
			new AskedQuestion(2,
					"Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?",
					false),
			new AskedQuestion(3,
					"Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta för er att göra utifrån kartläggningsresultatet?",
					false),
			new AskedQuestion(4,
					"Inom vilka kompetensförsörjningsområden ser ni behov av att kunna samverka länsgemensamt?", false),
			new AskedQuestion(5, "Övriga tankar/medskick", false));

	@Test
	void mapsCompleteTopPostedAnswers() {
		Mapping mapping = map("""
				Hej!
				Här kommer våra svar.

				1. Vi behöver öka attraktiviteten för yrkena
				och rusta chefer.
				2) Introduktionsprogram för undersköterskor.
				3: Språkombud på varje enhet.
				Fråga 4: Attrahera tillsammans och dialog kring utbildning.
				Fr. 5 - Inget mer.""");
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).containsExactlyInAnyOrderEntriesOf(
				Map.of(1, "Vi behöver öka attraktiviteten för yrkena\noch rusta chefer.", 2,
						"Introduktionsprogram för undersköterskor.", 3, "Språkombud på varje enhet.", 4,
						"Attrahera tillsammans och dialog kring utbildning.", 5, "Inget mer."));
		assertThat(mapping.notes()).contains("text above the first numbered answer ignored");
	}

	@Test
	void understandsQuestionAndQPrefixes() {
		Mapping mapping = map("Question 1: Yes\nQ2 No");
		assertThat(mapping.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(1, "Yes", 2, "No"));
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
	}

	@Test
	void mapsPartialAnswers() {
		Mapping mapping = map("1. Brist på sjuksköterskor.\n\n4. Samverkan kommun–region.");
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
		assertThat(mapping.answers()).containsOnlyKeys(1, 4);
		assertThat(mapping.notes()).contains("still open: [2, 3, 5]");
	}

	@Test
	void mapsInlineAnswersUnderQuotedQuestions() {
		String text = """
				Hej, svar nedan.

				Den tors 3 dec. 2026 kl 09:12 skrev Samla <enkat+k3x9@samla.se>:
				> Hej Anna! Svara gärna på frågorna nedan.
				>
				> 1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni
				> ser att ni behöver göra?

				Brist på sjuksköterskor,
				vi behöver rusta chefer.

				> 2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de
				> yrkesbefattningar som finns med i kartläggningen?
				Språkombud.
				> 3. Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta
				> för er att göra utifrån kartläggningsresultatet?
				> Inom vilka kompetensförsörjningsområden ser ni behov av att kunna samverka
				> länsgemensamt?
				Attrahera tillsammans.
				> 5. Övriga tankar/medskick
				>
				> Tack för hjälpen!

				Mvh Anna
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
		assertThat(mapping.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(1,
				"Brist på sjuksköterskor,\nvi behöver rusta chefer.", 2, "Språkombud.", 4, "Attrahera tillsammans."));
		assertThat(mapping.notes()).contains("answered inline under quoted questions",
				"text above the quoted questions ignored");
	}

	@Test
	void refusesInlineTextUnderAQuoteThatIsNoQuestion() {
		String text = "> Hej Anna!\nHej!\n> 1. Vad ser ni för mönster i resultatet?\nBrist.";
		assertThat(AnswerMapper.map(QuoteStripper.strip(text), STEP_2).outcome()).isEqualTo(Outcome.AMBIGUOUS);
	}

	private static final String OUTLOOK_HEADER = """
			Från: Samla – Trygga kompetensen <enkat+k3x9@samla.se>
			Skickat: den 1 december 2026 09:14
			Till: Anna Berg <anna.berg@kumla.se>
			Ämne: Kartläggning steg 2
			""";

	@Test
	void readsAnswersTypedUnderTheQuestionsInOutlooksUnmarkedQuote() {
		String text = """
				Hej, svaren står under frågorna.

				""" + OUTLOOK_HEADER
				+ """

						Hej Anna!

						1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
						Vi behöver rusta chefer.
						2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?
						3. Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta för er att göra utifrån kartläggningsresultatet?
						Validering av undersköterskor.
						Och yrkessvenska.
						4. Inom vilka kompetensförsörjningsområden ser ni behov av att kunna samverka länsgemensamt?
						5. Övriga tankar/medskick
						Tack!

						Svara genom att besvara det här mejlet.
						1. Vårt svar på den första frågan ...
						""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Vi behöver rusta chefer.", 3,
				"Validering av undersköterskor.\nOch yrkessvenska.", 5, "Tack!"));
		assertThat(mapping.notes()).contains("answered under the questions in an unmarked quote",
				"text above the quote ignored");
	}

	@Test
	void readsAnswersTypedAfterTheQuestionOnTheSameLineWithNothingAboveTheQuote() {
		String text = OUTLOOK_HEADER
				+ """

						1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra? Brist på sjuksköterskor.
						2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen? SVAR: Språkombud.
						""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor.", 2, "SVAR: Språkombud."));
	}

	@Test
	void readsNothingFromAnUnmarkedQuoteWithoutAnswers() {
		String text = "Se svar nedan.\n\n" + OUTLOOK_HEADER
				+ """

						1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
						2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?

						Sista svarsdag: 15 december 2026.
						""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(AnswerMapper.map(QuoteStripper.strip(OUTLOOK_HEADER + "\nHej\n"), STEP_2).outcome())
			.isEqualTo(Outcome.EMPTY);
	}

	@Test
	void readsTheAnswerABlankLineBelowTheLastQuestionWhenTheAnswersAboveStandSo() {
		String text = "Svaren står under frågorna.\n\n" + OUTLOOK_HEADER + """

				1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?

				Brist på sjuksköterskor.

				5. Övriga tankar/medskick (frivillig)

				Inget mer just nu.

				Sista svarsdag: 15 december 2026.
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor.", 5, "Inget mer just nu."));
	}

	@Test
	void readsTheAnswerABlankLineBelowTheLastQuestionWhenOurTextResumesAfterIt() {
		String text = OUTLOOK_HEADER + """

				5. Övriga tankar/medskick (frivillig)

				Inget mer just nu.

				Svara genom att besvara det här mejlet. Skriv frågans nummer före varje svar, till exempel:
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(5, "Inget mer just nu."));
	}

	@Test
	void leavesTheLastQuestionUnansweredWhenOnlyOurOtherTextStandsBelowItAfterABlankLine() {
		String text = OUTLOOK_HEADER + """

				1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
				Brist på sjuksköterskor.
				5. Övriga tankar/medskick

				Sista svarsdag: 15 december 2026.

				Vänliga hälsningar
				Samla
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor."));
	}

	@Test
	void endsTheLastAnswerWhereOurOwnTextResumesWithoutABlankLine() {
		String text = OUTLOOK_HEADER + """

				4. Inom vilka kompetensförsörjningsområden ser ni behov av att kunna samverka länsgemensamt?
				Dialog med utbildningsanordnarna.
				5. Övriga tankar/medskick (frivillig)
				Bra att frågorna kom i god tid.
				Answer by replying to this email. Write the question's number before each answer, for example:
				1. Our answer to the first question ...
				This email was sent by Samla for the county's competence-supply work. Reply to it to give your answers.
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers())
			.isEqualTo(Map.of(4, "Dialog med utbildningsanordnarna.", 5, "Bra att frågorna kom i god tid."));
	}

	@Test
	void dropsTheNameOutlookWritesBeforeCommentsInTheQuote() {
		String text = OUTLOOK_HEADER
				+ """

						1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
						[Helena Björk] Brist på sjuksköterskor.
						2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?
						[HB] Språkombud.
						3. Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta för er att göra utifrån kartläggningsresultatet?
						[1] se bilaga 3 i er rapport är ett bra underlag.
						""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor.", 2, "Språkombud.", 3,
				"[1] se bilaga 3 i er rapport är ett bra underlag."));
	}

	@Test
	void skipsTheRestOfAWrappedQuestionAndItsHintBeforeTheAnswer() {
		List<AskedQuestion> asked = List.of(
				new AskedQuestion(1, "Hur ser bemanningen ut på helger i era verksamheter?", false),
				new AskedQuestion(2, "Övriga tankar", false, false));
		String text = OUTLOOK_HEADER + """

				1. Hur ser bemanningen ut på helger i era
				verksamheter? (svara med alternativets nummer eller namn: 1. God,
				2. Ansträngd, 3. Kritisk)
				Ansträngd, särskilt i hemtjänsten.
				2. Övriga tankar (frivillig)
				Nej.
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), asked);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Ansträngd, särskilt i hemtjänsten.", 2, "Nej."));
	}

	@Test
	void readsAnswersUnderTheQuestionsInTheLanguageTheEmailWasWrittenIn() {
		List<AskedQuestion> asked = List.of(
				new AskedQuestion(1, "What patterns do you see in the result, and are there strategic choices?", false),
				new AskedQuestion(2, "Other thoughts or messages", false, false));
		String text = "Answers inline below.\n\nFrom: Samla <samla@samla.example.org>\n"
				+ "Sent: Tuesday, December 1, 2026 9:14 AM\nTo: Priya <priya@example.org>\nSubject: Mapping\n\n"
				+ "1. What patterns do you see in the result, and are there strategic choices?\n"
				+ "Small rural units struggle.\n2. Other thoughts or messages (optional)\nThanks.\n\n"
				+ "Answer by replying to this email.\n";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), asked);
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Small rural units struggle.", 2, "Thanks."));
	}

	@Test
	void readsAnswersUnderQuestionsListedByLabelsAfterAFollowUp() {
		List<AskedQuestion> asked = List.of(
				new AskedQuestion(1, "Har ni en kompetensförsörjningsplan?", false, true, "1"),
				new AskedQuestion(2, "Hur långt har ni kommit med planen?", false, true, "1a"),
				new AskedQuestion(3, "Vilka yrken är svårast att rekrytera till?", false, true, "2"));
		String text = OUTLOOK_HEADER + """

				1. Har ni en kompetensförsörjningsplan?
				Ja.
				1a. Hur långt har ni kommit med planen?
				Halvvägs.
				2. Vilka yrken är svårast att rekrytera till?
				Sjuksköterskor.
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), asked);
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Ja.", 2, "Halvvägs.", 3, "Sjuksköterskor."));
	}

	@Test
	void readsTheQuoteWhenTheTextAboveOnlySaysTheAnswersAreInline() {
		List<AskedQuestion> one = List.of(new AskedQuestion(1, "Hur ser bemanningen ut på helger?", false));
		for (String pointer : List.of("Hi,\n\nAnswers inline below.",
				"Mina svar står direkt under respektive fråga nedan.", "Svaren står under frågorna.",
				"See my comments inline.")) {
			String text = pointer + "\n\n" + OUTLOOK_HEADER + "\n1. Hur ser bemanningen ut på helger?\nAnsträngd.\n";
			Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), one);
			assertThat(mapping.answers()).as(pointer).isEqualTo(Map.of(1, "Ansträngd."));
		}
	}

	@Test
	void dropsTheNameOutlookWritesBeforeCommentsUnderMarkedQuestions() {
		String text = """
				> 1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
				[Helena Björk] Brist på sjuksköterskor.
				> 2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?
				[Helena Björk] Språkombud.
				> 3. Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta för er att göra utifrån kartläggningsresultatet?
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor.", 2, "Språkombud."));
	}

	@Test
	void refusesAnswersInTheQuoteThatOnlyReferElsewhere() {
		String text = OUTLOOK_HEADER
				+ """

						1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
						Se vår analys från steg 1.
						2. Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?
						Som ovan.
						""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.notes()).contains("an answer only refers elsewhere");
	}

	@Test
	void keepsQuotedLinesInsideTheReplyWhenTheyAreNotOurQuestions() {
		String text = """
				Vi håller med om förslaget:
				> Alla nya chefer går introduktionen.
				Det gör vi redan i Kumla.

				Den 3 dec. 2026 kl. 09:12 skrev Samla <enkat+k3x9@samla.se>:
				> Övriga tankar/medskick
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2.subList(4, 5));
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).isEqualTo(Map.of(5, """
				Vi håller med om förslaget:
				> Alla nya chefer går introduktionen.
				Det gör vi redan i Kumla."""));
	}

	@Test
	void readsAnswersBelowQuotedQuestionsAfterAGreetingAsBottomPosted() {
		String text = """
				Hej!
				> 1. Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?
				> 2. Vilka kompetensförsörjningsaktiviteter gör ni idag?

				1. Brist på sjuksköterskor.
				2. Språkombud.
				""";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor.", 2, "Språkombud."));
	}

	@Test
	void mapsUnnumberedTextToTheSingleOpenQuestion() {
		List<AskedQuestion> asked = answeredExcept(5);
		Mapping mapping = map("Tack för ett bra upplägg!\nVi vill gärna vara med i nätverket.", asked);
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers())
			.isEqualTo(Map.of(5, "Tack för ett bra upplägg!\nVi vill gärna vara med i nätverket."));
	}

	@Test
	void refusesUnnumberedTextWithSeveralOpenQuestions() {
		Mapping mapping = map("Vi behöver rusta chefer.");
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.answers()).isEmpty();
		assertThat(mapping.notes()).containsExactly("unnumbered text with 5 open questions");
	}

	@Test
	void splitsNumberedAnswersOnOneLineWhenNumbersRunInOrder() {
		List<AskedQuestion> asked = List.of(new AskedQuestion(1, "Deltar ni?", false),
				new AskedQuestion(2, "Har ni en plan?", false), new AskedQuestion(3, "Följs den upp?", false));
		Mapping mapping = map("1. Ja 2. Nej 3. Vet ej", asked);
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Ja", 2, "Nej", 3, "Vet ej"));
	}

	@Test
	void keepsEmbeddedNumbersThatDoNotRunInOrder() {
		Mapping mapping = map("1. Vi har 3. linjens chefer i 2 kommuner");
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Vi har 3. linjens chefer i 2 kommuner"));
	}

	@Test
	void refusesTheSameNumberTwice() {
		Mapping mapping = map("1. Ja\n2. Nej\n2. Kanske");
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.answers()).isEmpty();
		assertThat(mapping.notes()).contains("number 2 answered twice");
	}

	@Test
	void refusesNumbersOutOfRange() {
		Mapping mapping = map("1. Ja\n7. Nej");
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.notes()).contains("number 7 is not a question in the email");
	}

	@Test
	void refusesNumbersOutOfOrder() {
		Mapping mapping = map("2. Nej\n1. Ja");
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.notes()).contains("numbers out of order: 1 after 2");
	}

	@Test
	void refusesDoubtfulShortReplies() {
		for (String reply : List.of("Se svar nedan", "Hej! Svar i texten.", "Se bifogad fil", "OK", "Tack!")) {
			Mapping mapping = map(reply, answeredExcept(5));
			assertThat(mapping.outcome()).as(reply).isEqualTo(Outcome.AMBIGUOUS);
			assertThat(mapping.answers()).isEmpty();
		}
	}

	@Test
	void reportsEmptyReply() {
		assertThat(map("").outcome()).isEqualTo(Outcome.EMPTY);
		assertThat(map("  \n ").outcome()).isEqualTo(Outcome.EMPTY);
		assertThat(map("3.\n4.").outcome()).isEqualTo(Outcome.EMPTY);
	}

	@Test
	void keepsAnAnswerStartingWithFrom() {
		String text = "1. Från: kommunens HR\nTill: alla enhetschefer\nÄmne: rekrytering\n2. Språkombud";
		Mapping mapping = AnswerMapper.map(QuoteStripper.strip(text), STEP_2);
		assertThat(mapping.answers())
			.isEqualTo(Map.of(1, "Från: kommunens HR\nTill: alla enhetschefer\nÄmne: rekrytering", 2, "Språkombud"));
	}

	@Test
	void refusesNumbersThatOnlyPointAtQuestionsAnsweredBefore() {
		Mapping mapping = map("1. Första punkten\n2. Andra punkten", answeredExcept(5));
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
	}

	@Test
	void readsNumbersThatOnlyPointAtAnsweredQuestionsAsChangesWhenOnlyOptionalOnesAreOpen() {
		List<AskedQuestion> asked = new ArrayList<>();
		for (AskedQuestion question : answeredExcept(5)) {
			asked.add(
					new AskedQuestion(question.number(), question.text(), question.answered(), question.number() != 5));
		}

		Mapping mapping = map("1. Samma som förut\n2. Ett nytt svar", asked);

		assertThat(mapping.outcome()).isNotEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.answers()).containsOnlyKeys(1, 2);
		assertThat(mapping.notes()).contains("changes answers given before: [1, 2]");
	}

	@Test
	void acceptsChangesAlongsideOpenAnswers() {
		Mapping mapping = map("1. Nytt svar\n5. Inget mer", answeredExcept(5));
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.notes()).contains("changes answers given before: [1]");
	}

	/** The yearly follow-up after "Ej påbörjat": the follow-up is listed as 1a. */
	private static final List<AskedQuestion> FOLLOW_UP = List.of(
			new AskedQuestion(1, "Vad är status för aktiviteten?", true, true, "1"),
			new AskedQuestion(2, "Varför har aktiviteten inte påbörjats?", false, false, "1a"),
			new AskedQuestion(3, "Vilka effekter har ni sett av aktiviteten hittills?", false, true, "2"),
			new AskedQuestion(4, "Vad behöver göras vidare?", false, false, "3"));

	@Test
	void readsAFollowUpByItsLetteredLabelAndTheOthersByTheirUnchangedNumbers() {
		Mapping mapping = map("""
				1a. Budgeten räckte inte i år.
				2. Inga effekter ännu.
				3) Söka medel till hösten.""", FOLLOW_UP);
		assertThat(mapping.outcome()).isEqualTo(Outcome.COMPLETE);
		assertThat(mapping.answers()).containsExactlyInAnyOrderEntriesOf(
				Map.of(2, "Budgeten räckte inte i år.", 3, "Inga effekter ännu.", 4, "Söka medel till hösten."));
	}

	@Test
	void aNumberKeepsItsMeaningWhenAFollowUpIsListedBeforeIt() {
		Mapping mapping = map("2. Fler sökande till utbildningen.", FOLLOW_UP);
		assertThat(mapping.answers()).containsExactlyEntriesOf(Map.of(3, "Fler sökande till utbildningen."));
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
	}

	@Test
	void splitsNumbersOnOneLinePastAListedFollowUp() {
		Mapping mapping = map("1. Pågående 2. Fler sökande", FOLLOW_UP);
		assertThat(mapping.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(1, "Pågående", 3, "Fler sökande"));
	}

	@Test
	void refusesALabelTheEmailDidNotList() {
		Mapping mapping = map("1b. Något annat\n2. Inga effekter", FOLLOW_UP);
		assertThat(mapping.outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(mapping.reason()).isEqualTo(Problem.of("email.reason.unknown-number", "1b"));
	}

	@Test
	void saysWhyInWordsForThePersonWhenItRecordsNothing() {
		assertThat(map("Se svar nedan").reason().code()).isEqualTo("email.reason.points-elsewhere");
		assertThat(map("Vi gör mycket redan.").reason()).isEqualTo(Problem.of("email.reason.unnumbered", 5));
		assertThat(map("1. Ja\n1. Nej").reason()).isEqualTo(Problem.of("email.reason.answered-twice", "1"));
		assertThat(map("3. Ja\n2. Nej").reason()).isEqualTo(Problem.of("email.reason.out-of-order", "2", "3"));
		assertThat(map("  ").reason().code()).isEqualTo("email.reason.no-text");
		assertThat(map("1.\n2.").reason().code()).isEqualTo("email.reason.numbers-without-answers");
		assertThat(map("1. Ja").reason()).isNull();
	}

	@Test
	void notesNeverContainAnswerText() {
		Mapping mapping = map("Hemligt\n1. Hemligt svar\n1. Hemligt igen");
		assertThat(mapping.notes()).noneMatch((note) -> note.contains("Hemligt"));
	}

	@Test
	void mapsAFullReplyFromAMessage() throws Exception {
		String raw = """
				From: Anna Svensson <anna.svensson@kumla.se>
				Subject: SV: Kartläggning steg 2
				MIME-Version: 1.0
				Content-Type: text/plain; charset=iso-8859-1
				Content-Transfer-Encoding: quoted-printable

				1. Brist p=E5 sjuksk=F6terskor =96 rusta chefer
				2. Spr=E5kombud

				Med v=E4nlig h=E4lsning
				Anna

				Fr=E5n: Samla enk=E4t <enkat+k3x9@samla.se>
				Skickat: den 3 december 2026 09:12
				Till: Anna Svensson
				=C4mne: Kartl=E4ggning steg 2

				1. Vad ser ni f=F6r m=F6nster i resultatet?
				""";
		ReplyText text = ReplyBody
			.extract(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
					new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
		Mapping mapping = AnswerMapper.map(text.stripped(), STEP_2);
		assertThat(mapping.outcome()).isEqualTo(Outcome.PARTIAL);
		assertThat(mapping.answers()).isEqualTo(Map.of(1, "Brist på sjuksköterskor – rusta chefer", 2, "Språkombud"));
	}

	private static Mapping map(String reply) {
		return map(reply, STEP_2);
	}

	private static Mapping map(String reply, List<AskedQuestion> asked) {
		return AnswerMapper.map(new QuoteStripper.Stripped(reply, "", false), asked);
	}

	private static List<AskedQuestion> answeredExcept(int open) {
		List<AskedQuestion> asked = new ArrayList<>();
		for (AskedQuestion question : STEP_2) {
			asked.add(new AskedQuestion(question.number(), question.text(), question.number() != open));
		}
		return asked;
	}

}
