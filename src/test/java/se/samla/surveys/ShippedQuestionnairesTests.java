package se.samla.surveys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** The questionnaires shipped in {@code conversations/} load and ask what they should. */
class ShippedQuestionnairesTests {

	private final Map<String, Questionnaire> shipped = new QuestionnaireValidator().load(Path.of("conversations"))
		.stream()
		.collect(Collectors.toMap((questionnaire) -> questionnaire.id().value(), (questionnaire) -> questionnaire));

	@Test
	void allShippedFilesLoadWithoutProblems() {
		assertThat(new QuestionnaireValidator().validate(Path.of("conversations"))).isEmpty();
		assertThat(this.shipped).containsOnlyKeys("steg1", "steg2", "uppfoljning");
	}

	@Test
	void step2AsksTheFiveQuestionsVerbatimAsMultilineText() {
		Questionnaire steg2 = this.shipped.get("steg2");
		assertThat(steg2.title().sv()).isEqualTo("Kartläggning steg 2");
		assertThat(steg2.questions()).extracting((question) -> question.text().sv())
			.containsExactly(
					"Vad ser ni för mönster i resultatet, finns strategiska vägval som ni ser att ni behöver göra?",
					"Vilka kompetensförsörjningsaktiviteter gör ni idag gällande de yrkesbefattningar som finns med i kartläggningen?",
					"Vilka ytterligare kompetensförsörjningsaktiviteter skulle vara relevanta för er att göra utifrån kartläggningsresultatet?",
					"Inom vilka kompetensförsörjningsområden ser ni behov av att kunna samverka länsgemensamt?",
					"Övriga tankar/medskick");
		assertThat(steg2.questions()).allSatisfy((question) -> {
			assertThat(question.type()).isEqualTo(QuestionType.TEXT);
			assertThat(question.multiline()).isTrue();
		});
		assertThat(steg2.questions()).extracting(Question::required).containsExactly(true, true, true, true, false);
		assertThat(steg2.repeat()).isEqualTo(Questionnaire.Repeat.ONCE);
	}

	@Test
	void step1RatesSevenOccupationsNowAndThreeYearsOnFourColours() {
		Questionnaire steg1 = this.shipped.get("steg1");
		Question rating = steg1.questions().get(0);
		assertThat(rating.type()).isEqualTo(QuestionType.MATRIX);
		assertThat(rating.rows()).extracting(Option::id)
			.containsExactly("sjukskoterska", "distriktsskoterska", "underskoterska", "enhetschef", "vardbitrade",
					"distriktslakare", "skotare");
		assertThat(rating.periods()).extracting((period) -> period.label().sv())
			.containsExactly("Nu", "Om 1 år", "Om 2 år", "Om 3 år");
		assertThat(rating.scale().levels()).extracting((level) -> level.label().sv())
			.containsExactly("Övertalighet", "Hållbart", "Sårbart", "Brist");
		assertThat(rating.scale().levels()).allSatisfy((level) -> {
			assertThat(level.description()).isNotNull();
			assertThat(level.colour()).startsWith("#");
		});
		assertThat(rating.rowComments()).isTrue();
		Question why = steg1.question("varfor-brist").orElseThrow();
		assertThat(why.showIf()).isEqualTo(new Condition("bedomning", Set.of("brist")));
		assertThat(steg1.question("analys").orElseThrow().multiline()).isTrue();
	}

	@Test
	void followUpIsAskedPerOwnedActivityWithFourStatuses() {
		Questionnaire followUp = this.shipped.get("uppfoljning");
		assertThat(followUp.repeat()).isEqualTo(Questionnaire.Repeat.PER_OWNED_ACTIVITY);
		Question status = followUp.question("status").orElseThrow();
		assertThat(status.options()).extracting((option) -> option.label().in(Language.SV))
			.containsExactly("Genomfört", "Pågående", "Löpande arbete", "Ej påbörjat");
		assertThat(status.choiceIds()).containsExactly("genomfort", "pagaende", "lopande-arbete", "ej-paborjat");
		Question whyNotStarted = followUp.question("varfor-ej-paborjat").orElseThrow();
		assertThat(whyNotStarted.showIf()).isEqualTo(new Condition("status", Set.of("ej-paborjat")));
		assertThat(whyNotStarted.required()).isFalse();
		assertThat(followUp.question("effekt").orElseThrow().required()).isTrue();
		assertThat(List.of("status", "varfor-ej-paborjat", "effekt", "nasta-steg"))
			.isEqualTo(followUp.questions().stream().map(Question::id).toList());
	}

}
