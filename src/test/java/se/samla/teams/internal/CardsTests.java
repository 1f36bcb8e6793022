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

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseState;
import se.samla.answers.ResponseStatus;
import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.campaigns.MessageContent.Fact;
import se.samla.campaigns.MessageContent.Headline;
import se.samla.directory.PersonId;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.Bundles;
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

	final TeamsTexts swedish = new TeamsTexts(Bundles.messages(), Language.SV, ZoneId.of("Europe/Stockholm"));

	@Test
	void aHeadlineCardShowsTheContentsHeadlineFactsInOrder() {
		ObjectNode card = Cards.headline(headline());
		List<String> texts = card.findValuesAsText("text");
		assertThat(texts).containsExactly("Sammanställning: 2. Kartläggning", "Pågår", "3 av 10 har svarat (30 %)",
				"- Nätverk *Norr*", "3/10 (30 %)", "1. Rekrytering", "4 omnämnanden",
				"Hela sammanställningen kommer med e-post.");
		assertThat(CardSchema.problems(card)).isEmpty();
	}

	@Test
	void aHeadlineWithoutStatusSummaryOrNoteShowsTitleAndFacts() {
		ObjectNode card = Cards.headline(new Headline("Titel", null, null, List.of(new Fact("Svar", "3")), null));
		assertThat(card.findValuesAsText("text")).containsExactly("Titel", "Svar", "3");
	}

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

	@Test
	void theSummaryNumbersEveryQuestionAsWritten() {
		ObjectNode summary = Cards.summary(state("steg2"), "Kartläggning steg 2", this.swedish, false).get(0);
		List<String> headings = runs(summary).stream()
			.filter(run -> run.path("weight").asText().equals("Bolder"))
			.map(run -> run.path("text").asText())
			.filter(text -> text.matches("\\d+\\. .*"))
			.toList();
		assertThat(headings).hasSize(5);
		for (int i = 0; i < headings.size(); i++) {
			assertThat(headings.get(i)).startsWith((i + 1) + ". ");
		}
		assertThat(markdownElements(summary)).isEmpty();
	}

	@Test
	void noTextOnACardIsReadAsMarkdown() {
		String title = "2. Kartläggning *steg* 2";
		Question q1 = question("steg2", "q1");
		Step step = new Step(new StepKey("q1", "a"), q1, "- Enhet _Norr_", 2, 5,
				new AnswerValue.TextAnswer("1. Brist\n2. Rekrytering\n- **mer**"), false);
		List<ObjectNode> cards = List.of(
				Cards.question("s2", title, step, this.swedish, "3. förra svaret", "* ett fel", null),
				Cards.recorded(title, step, this.swedish),
				Cards.summary(state("steg2"), title, this.swedish, false).get(0),
				Cards.resume("s2", "1. Fortsätt där du slutade", this.swedish));
		for (ObjectNode card : cards) {
			assertThat(markdownElements(card)).as(card.toString()).isEmpty();
		}
		assertThat(runs(cards.get(0)).stream().map(run -> run.path("text").asText())).contains("- Enhet _Norr_",
				"3. förra svaret", "⚠ * ett fel");
		assertThat(runs(cards.get(1)).stream().map(run -> run.path("text").asText()))
			.contains("1. Brist\n2. Rekrytering\n- **mer**");
	}

	@Test
	void everyCardIsAValidAdaptiveCard15() {
		Question matrix = question("steg1", "bedomning");
		ObjectNode value = new ObjectMapper().createObjectNode();
		matrix.rows()
			.forEach(row -> matrix.periods().forEach(period -> value.put(Cards.cell(row.id(), period.id()), "brist")));
		AnswerValue matrixAnswer = Bot.fromCard(matrix, value);
		List<ObjectNode> cards = new java.util.ArrayList<>();
		for (String questionnaire : List.of("steg1", "steg2", "uppfoljning")) {
			for (Question question : questionnaires.stream()
				.filter(candidate -> candidate.id().value().equals(questionnaire))
				.findFirst()
				.orElseThrow()
				.questions()) {
				cards.add(Cards.question("s", "Titel", step(question, null), this.swedish, "förra", "fel", null));
				cards.add(Cards.recorded("Titel", step(question, null), this.swedish));
			}
			cards.addAll(Cards.summary(state(questionnaire), "Titel", this.swedish, false));
			cards.addAll(Cards.summary(state(questionnaire), "Titel", this.swedish, true));
		}
		cards.add(Cards.question("s1", "Titel", step(matrix, matrixAnswer), this.swedish, null, null, null));
		cards.add(Cards.recorded("Titel", step(matrix, matrixAnswer), this.swedish));
		cards.add(Cards.resume("s", "Fortsätt", this.swedish));
		cards.add(Cards.superseded(this.swedish));
		cards.add(Cards.headline(headline()));
		for (ObjectNode card : cards) {
			assertThat(CardSchema.problems(card)).as(card.toString()).isEmpty();
		}
	}

	@Test
	void theSchemaCheckFindsWhatARendererWouldRefuse() {
		ObjectNode card = Cards.resume("s", "Fortsätt", this.swedish);
		((ObjectNode) card.get("body").get(0)).put("wrap", true);
		card.withArray("body").addObject().put("type", "Table");
		card.withArray("actions").addObject().put("type", "Action.Submit").put("associatedInputs", "some");
		assertThat(CardSchema.problems(card)).contains("RichTextBlock: unknown property wrap",
				"unknown element type Table", "Action.Submit: associatedInputs \"some\"");
	}

	@Test
	void aColourMatrixAnswerIsShownWholeInTheSummary() {
		Question matrix = question("steg1", "bedomning");
		Map<String, Map<String, String>> ratings = new java.util.LinkedHashMap<>();
		Map<String, String> comments = new java.util.LinkedHashMap<>();
		matrix.rows().forEach(row -> {
			Map<String, String> cells = new java.util.LinkedHashMap<>();
			matrix.periods().forEach(period -> cells.put(period.id(), "sarbart"));
			ratings.put(row.id(), cells);
			comments.put(row.id(), "Svårt att rekrytera till " + row.id() + " på kvällar och helger i hela länet.");
		});
		// the cell just edited: the last occupation's last period
		String lastRow = matrix.rows().get(matrix.rows().size() - 1).id();
		String lastPeriod = matrix.periods().get(matrix.periods().size() - 1).id();
		ratings.get(lastRow).put(lastPeriod, "brist");
		AnswerValue.MatrixAnswer answer = new AnswerValue.MatrixAnswer(ratings, comments);
		assertThat(se.samla.surveys.AnswerFormatter.format(matrix, answer, Language.SV)).hasSizeGreaterThan(600);

		List<ObjectNode> summary = Cards.summary(
				state("steg1", (question, number) -> question.id().equals("bedomning") ? answer : null), "Steg 1",
				this.swedish, false);
		assertThat(summary).hasSize(1);
		List<String> texts = runs(summary.get(0)).stream().map(run -> run.path("text").asText()).toList();
		for (var row : matrix.rows()) {
			assertThat(texts).contains(row.label().in(Language.SV)).contains(comments.get(row.id()));
		}
		assertThat(texts).filteredOn(text -> text.endsWith("Sårbart"))
			.hasSize(matrix.rows().size() * matrix.periods().size() - 1);
		// the last occupation's periods, in order, end with the edited cell
		JsonNode lastRowColumns = summary.get(0)
			.findParents("columns")
			.stream()
			.filter(set -> set.path("columns").size() == matrix.periods().size())
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(lastRowColumns.toString()).contains(matrix.periods().get(3).label().in(Language.SV))
			.endsWith("🔴 Brist\",\"size\":\"Small\"}]}]}]}");
		assertThat(texts).noneMatch(text -> text.endsWith("…"));
	}

	@Test
	void aSummaryTooLargeForOneCardIsSplitOverSeveralRatherThanCut() {
		ResponseState state = state("steg2", (question,
				number) -> new AnswerValue.TextAnswer(number + " " + "ord ".repeat(2000) + "slut " + number));
		List<ObjectNode> parts = Cards.summary(state, "Steg 2", this.swedish, false);
		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(parts).allSatisfy(part -> {
			assertThat(Cards.bytes(part)).isLessThanOrEqualTo(Cards.MAX_CARD_BYTES);
			assertThat(CardSchema.problems(part)).isEmpty();
		});
		String all = parts.stream().map(ObjectNode::toString).reduce("", String::concat);
		for (int number = 1; number <= 5; number++) {
			assertThat(all).contains("ord slut " + number);
		}
		// the inputs and buttons only on the last; the parts are numbered
		assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(part -> assertThat(part.has("actions")).isFalse());
		assertThat(parts.get(parts.size() - 1).path("actions").findValuesAsText("samla")).contains("submit", "edit");
		assertThat(runs(parts.get(0)).get(0).path("text").asText())
			.isEqualTo("Sammanfattning: Steg 2 (1 av " + parts.size() + ")");
		// after submitting the same questions are on the same parts
		List<ObjectNode> submitted = Cards.summary(state, "Steg 2", this.swedish, true);
		assertThat(submitted).hasSameSizeAs(parts);
		assertThat(submitted.get(submitted.size() - 1).has("actions")).isFalse();
	}

	/** Elements whose text renderers read as Markdown. */
	private static List<JsonNode> markdownElements(JsonNode card) {
		return card.findParents("type")
			.stream()
			.filter(node -> List.of("TextBlock", "FactSet").contains(node.path("type").asText()))
			.toList();
	}

	private static List<JsonNode> runs(JsonNode card) {
		return card.findParents("type").stream().filter(node -> "TextRun".equals(node.path("type").asText())).toList();
	}

	private static ResponseState state(String questionnaire) {
		return state(questionnaire, (question, number) -> (question.type() == se.samla.surveys.QuestionType.TEXT)
				? new AnswerValue.TextAnswer("1. Svar på fråga " + number) : null);
	}

	private static ResponseState state(String questionnaire,
			java.util.function.BiFunction<Question, Integer, AnswerValue> answers) {
		Questionnaire found = questionnaires.stream()
			.filter(candidate -> candidate.id().value().equals(questionnaire))
			.findFirst()
			.orElseThrow();
		List<Step> steps = new java.util.ArrayList<>();
		int number = 0;
		for (Question question : found.questions()) {
			number++;
			AnswerValue answer = answers.apply(question, number);
			steps.add(new Step(new StepKey(question.id(), null), question, null, number, found.questions().size(),
					answer, false));
		}
		return new ResponseState(ResponseId.random(), new SendOutId("s"), new PersonId(java.util.UUID.randomUUID()),
				found, ResponseStatus.IN_PROGRESS, steps, null, java.time.Instant.parse("2026-12-18T16:00:00Z"), null);
	}

	private static Headline headline() {
		return new Headline("Sammanställning: 2. Kartläggning", "Pågår", "3 av 10 har svarat (30 %)",
				List.of(new Fact("- Nätverk *Norr*", "3/10 (30 %)"), new Fact("1. Rekrytering", "4 omnämnanden")),
				"Hela sammanställningen kommer med e-post.");
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

}
