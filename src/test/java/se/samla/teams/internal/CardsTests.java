package se.samla.teams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.shared.Language;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Question;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireValidator;

/**
 * The question cards: the colour-rating matrix is usable on a phone and readable without
 * colour, inputs come back as answers, and what a respondent wrote is never markup.
 */
class CardsTests {

	static final List<Questionnaire> questionnaires = new QuestionnaireValidator().load(Path.of("conversations"));

	final TeamsTexts swedish = new TeamsTexts(messages(), Language.SV, ZoneId.of("Europe/Stockholm"));

	@Test
	void theColourMatrixOffersTheFourLevelsByNameForEveryOccupationAndPeriod() {
		Question matrix = question("steg1", "bedomning");
		ObjectNode card = Cards.question("s1", "Kartläggning steg 1", step(matrix, null), this.swedish, null, null,
				null);
		List<JsonNode> dropdowns = card.findParents("id")
			.stream()
			.filter(input -> input.path("id").asText().startsWith("m|"))
			.toList();
		assertThat(dropdowns).hasSize(matrix.rows().size() * matrix.periods().size());
		assertThat(dropdowns).allSatisfy(input -> {
			assertThat(input.path("style").asText()).isEqualTo("compact");
			assertThat(input.path("choices").findValuesAsText("title")).containsExactly("🔵 Övertalighet",
					"🟢 Hållbart", "🟡 Sårbart", "🔴 Brist");
		});
		assertThat(card.toString()).contains("Sjuksköterska").contains("Om 3 år");
	}

	@Test
	void aFilledInMatrixCardBecomesTheMatrixAnswer() {
		Question matrix = question("steg1", "bedomning");
		ObjectNode value = new ObjectMapper().createObjectNode();
		matrix.rows()
			.forEach(row -> matrix.periods()
				.forEach(period -> value.put(Cards.cell(row.id(), period.id()),
						period.id().equals("nu") ? "sarbart" : "brist")));
		value.put(Cards.comment("sjukskoterska"), "Svårt att rekrytera nattetid.");
		AnswerValue.MatrixAnswer answer = (AnswerValue.MatrixAnswer) Bot.fromCard(matrix, value);
		assertThat(matrix.validate(answer)).isEmpty();
		assertThat(answer.ratings().get("skotare"))
			.isEqualTo(Map.of("nu", "sarbart", "ar1", "brist", "ar2", "brist", "ar3", "brist"));
		assertThat(answer.comments()).containsEntry("sjukskoterska", "Svårt att rekrytera nattetid.");
	}

	@Test
	void aMatrixCardShowsTheRatingsGivenSoFar() {
		Question matrix = question("steg1", "bedomning");
		ObjectNode value = new ObjectMapper().createObjectNode();
		matrix.rows()
			.forEach(row -> matrix.periods()
				.forEach(period -> value.put(Cards.cell(row.id(), period.id()), "hallbart")));
		AnswerValue answer = Bot.fromCard(matrix, value);
		ObjectNode card = Cards.question("s1", "Kartläggning steg 1", step(matrix, answer), this.swedish, null, null,
				null);
		assertThat(card.findParents("id")
			.stream()
			.filter(input -> input.path("id").asText().startsWith("m|"))
			.map(input -> input.path("value").asText())).hasSize(28).containsOnly("hallbart");
	}

	@Test
	void whatARespondentWroteIsShownAsPlainTextRuns() {
		Question q1 = question("steg2", "q1");
		String markup = "**fet** <script>alert(1)</script> [länk](https://evil.example)";
		ObjectNode card = Cards.recorded("Kartläggning steg 2", step(q1, new AnswerValue.TextAnswer(markup)),
				this.swedish);
		JsonNode run = card.findParents("type")
			.stream()
			.filter(node -> "TextRun".equals(node.path("type").asText()) && node.path("text").asText().contains("fet"))
			.findFirst()
			.orElseThrow();
		assertThat(run.path("text").asText()).isEqualTo(markup);
		assertThat(card.findParents("type")
			.stream()
			.filter(node -> "TextBlock".equals(node.path("type").asText()))
			.map(node -> node.path("text").asText())).noneMatch(text -> text.contains("fet"));
	}

	@Test
	void anOptionalQuestionCanBeSkippedAndARequiredOneCannot() {
		ObjectNode optional = Cards.question("s2", "Steg 2", step(question("steg2", "q5"), null), this.swedish, null,
				null, null);
		ObjectNode required = Cards.question("s2", "Steg 2", step(question("steg2", "q1"), null), this.swedish, null,
				null, null);
		assertThat(optional.path("actions").findValuesAsText("samla")).contains("skip");
		assertThat(required.path("actions").findValuesAsText("samla")).doesNotContain("skip");
		assertThat(required.findValue("isRequired").asBoolean()).isTrue();
	}

	@Test
	void colourMarksFollowTheLevelsColours() {
		assertThat(Cards.colourMark("#ef4444")).isEqualTo("🔴");
		assertThat(Cards.colourMark("#eab308")).isEqualTo("🟡");
		assertThat(Cards.colourMark("#22c55e")).isEqualTo("🟢");
		assertThat(Cards.colourMark("#3b82f6")).isEqualTo("🔵");
		assertThat(Cards.colourMark("#f97316")).isEqualTo("🟠");
		assertThat(Cards.colourMark(null)).isNull();
	}

	private static Step step(Question question, AnswerValue answer) {
		return new Step(new StepKey(question.id(), null), question, null, 1, 1, answer, false);
	}

	private static Question question(String questionnaire, String id) {
		return questionnaires.stream()
			.filter(candidate -> candidate.id().value().equals(questionnaire))
			.findFirst()
			.flatMap(found -> found.question(id))
			.orElseThrow();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
