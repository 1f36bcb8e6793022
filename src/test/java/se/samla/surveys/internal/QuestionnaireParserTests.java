package se.samla.surveys.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samla.shared.DefinitionProblem;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;
import se.samla.surveys.Questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mistake in a questionnaire file is reported with the file, the line and a
 * plain message.
 */
class QuestionnaireParserTests {

	private static final String FILE = "conversations/test.yml";

	private static final String HEADER = """
			id: test
			title: Test
			questions:
			""";

	@Test
	void readsAMinimalQuestionnaire() {
		Questionnaire questionnaire = parse(HEADER + """
				  - id: q1
				    type: text
				    text: Hur går det?
				""");
		assertThat(questionnaire.id().value()).isEqualTo("test");
		assertThat(questionnaire.source()).isEqualTo(FILE);
		Question question = questionnaire.questions().get(0);
		assertThat(question.type()).isEqualTo(QuestionType.TEXT);
		assertThat(question.required()).isTrue();
		assertThat(question.multiline()).isFalse();
		assertThat(question.maxLength()).isEqualTo(Question.DEFAULT_MAX_LENGTH);
	}

	@Test
	void derivesOptionIdsFromPlainLabels() {
		Question question = parse(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options: [Genomfört, Ej påbörjat, Löpande arbete]
				""").questions().get(0);
		assertThat(question.choiceIds()).containsExactly("genomfort", "ej-paborjat", "lopande-arbete");
		assertThat(question.options().get(1).label().sv()).isEqualTo("Ej påbörjat");
	}

	@Test
	void readsAliasesOfOptionsAndLevels() {
		Questionnaire questionnaire = parse("""
				id: test
				title: Test
				scales:
				  farger:
				    levels:
				      - { id: brist, label: Brist, aliases: [Rött, Röd] }
				questions:
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: genomfort, label: { sv: Genomfört, en: Done }, aliases: [Klart, Finished] }
				      - id: pagaende
				        label: Pågående
				        aliases: Pågår
				      - Ej påbörjat
				  - { id: lage, type: scale, scale: farger, text: Läget }
				""");
		Question status = questionnaire.questions().get(0);
		assertThat(status.options().get(0).aliases()).containsExactly("Klart", "Finished");
		assertThat(status.options().get(1).aliases()).containsExactly("Pågår");
		assertThat(status.options().get(2).aliases()).isEmpty();
		assertThat(questionnaire.questions().get(1).scale().levels().get(0).aliases()).containsExactly("Rött", "Röd");
	}

	@Test
	void rejectsAnAliasThatIsAnotherOptionsLabel() {
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: genomfort, label: Genomfört }
				      - id: pagaende
				        label: Pågående
				        aliases: [Pågår, genomfort]
				""", 11, "question 'status': option 'pagaende': alias 'genomfort' is the label or id of option "
				+ "'genomfort'; an answer would be ambiguous");
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: done, label: { sv: Klart, en: Done } }
				      - { id: pagaende, label: Pågående, aliases: [DONE] }
				""", 9, "question 'status': option 'pagaende': alias 'DONE' is the label or id of option 'done'");
	}

	@Test
	void rejectsAnAliasGivenToTwoOptions() {
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: genomfort, label: Genomfört, aliases: [Klart] }
				      - { id: pagaende, label: Pågående, aliases: [klart] }
				""", 9, "question 'status': option 'pagaende': alias 'klart' is also an alias of option 'genomfort'");
	}

	@Test
	void rejectsABlankNumericOrNestedAlias() {
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: genomfort, label: Genomfört, aliases: ["  "] }
				""", 8, "question 'status': option 'genomfort': an alias must not be blank");
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - { id: genomfort, label: Genomfört, aliases: ["2."] }
				""", 8, "question 'status': option 'genomfort': alias '2.' is a number");
		assertProblem(HEADER + """
				  - id: status
				    type: single-choice
				    text: Status?
				    options:
				      - id: genomfort
				        label: Genomfört
				        aliases:
				          - [Klart]
				""", 11, "question 'status': 'aliases' must be a single value");
	}

	@Test
	void readsWhetherAChoiceTakesAComment() {
		Questionnaire questionnaire = parse(HEADER + """
				  - { id: status, type: single-choice, text: Status, comment: true, options: [Ja, Nej] }
				  - { id: plan, type: single-choice, text: Plan, options: [Ja, Nej] }
				""");
		assertThat(questionnaire.questions().get(0).comment()).isTrue();
		assertThat(questionnaire.questions().get(1).comment()).isFalse();
		assertProblem(HEADER + """
				  - { id: q1, type: text, text: Hur, comment: true }
				""", 4, "question 'q1': key 'comment' does not apply to a text question");
	}

	@Test
	void readsTextsInBothLanguages() {
		Questionnaire questionnaire = parse("""
				id: test
				title: { sv: Uppföljning, en: Follow-up }
				questions:
				  - { id: q1, type: text, text: { sv: "Hur?", en: "How?" } }
				""");
		assertThat(questionnaire.title().en()).isEqualTo("Follow-up");
		assertThat(questionnaire.questions().get(0).text().sv()).isEqualTo("Hur?");
	}

	@Test
	void versionIsAShortHashThatChangesWithTheContent() {
		String yaml = HEADER + "  - { id: q1, type: text, text: 'Hur?' }\n";
		String version = parse(yaml).version();
		assertThat(version).matches("[0-9a-f]{12}");
		assertThat(parse(yaml).version()).isEqualTo(version);
		assertThat(parse(yaml.replace("Hur?", "Hur då?")).version()).isNotEqualTo(version);
	}

	@Test
	void reportsBadYamlSyntaxAtTheProblemLine() {
		assertProblem("""
				id: test
				title: Test
				questions:
				  - id: q1
				    text: "unclosed
				""", 6, "invalid YAML");
	}

	@Test
	void reportsAnEmptyFile() {
		assertProblem("# only a comment\n", 1, "the file is empty");
	}

	@Test
	void reportsAnUnknownTopLevelKey() {
		assertProblem("""
				id: test
				titel: Test
				""", 2, "unknown key 'titel' (expected one of id, title, intro, repeat, scales, questions)");
	}

	@Test
	void reportsAnUnknownQuestionKey() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    txet: Hur?
				""", 6, "question 'q1': unknown key 'txet'");
	}

	@Test
	void reportsAMissingTitle() {
		assertProblem("""
				id: test
				questions:
				  - { id: q1, type: text, text: "Hur?" }
				""", 1, "missing required key 'title'");
	}

	@Test
	void reportsAQuestionWithoutIdByItsPosition() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text: Hur?
				  - type: text
				    text: Varför?
				""", 7, "question 2: missing required key 'id'");
	}

	@Test
	void reportsAQuestionWithoutText() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				""", 4, "question 'q1': missing required key 'text'");
	}

	@Test
	void reportsAnUnknownQuestionType() {
		assertProblem(HEADER + """
				  - id: q3
				    type: choise
				    text: Vilken?
				""", 5,
				"question 'q3': unknown type 'choise' (expected one of text, single-choice, multiple-choice, scale, matrix)");
	}

	@Test
	void reportsADuplicateQuestionId() {
		assertProblem(HEADER + """
				  - { id: q1, type: text, text: "Hur?" }
				  - { id: q1, type: text, text: "Varför?" }
				""", 5, "duplicate question id 'q1' (first on line 4)");
	}

	@Test
	void reportsADuplicateOptionId() {
		assertProblem(HEADER + """
				  - id: q1
				    type: single-choice
				    text: Status?
				    options:
				      - { id: ja, label: Ja }
				      - { id: ja, label: Javisst }
				""", 9, "question 'q1': duplicate option id 'ja' (first on line 8)");
	}

	@Test
	void reportsADuplicateLevelId() {
		assertProblem("""
				id: test
				title: Test
				scales:
				  farger:
				    levels: [Brist, Brist]
				questions:
				  - { id: q1, type: scale, scale: farger, text: "Hur?" }
				""", 5, "scale 'farger': duplicate level id 'brist' (first on line 5)");
	}

	@Test
	void reportsADuplicatePeriodId() {
		assertProblem(SCALE + """
				  - id: q1
				    type: matrix
				    text: Hur?
				    scale: farger
				    rows: [Sjuksköterska]
				    periods:
				      - { id: nu, label: Nu }
				      - { id: nu, label: Om 1 år }
				""", 14, "question 'q1': duplicate period id 'nu' (first on line 13)");
	}

	@Test
	void rejectsChoiceQuestionWithoutOptions() {
		assertProblem(HEADER + """
				  - id: q1
				    type: single-choice
				    text: Status?
				""", 4, "question 'q1': missing required key 'options'");
	}

	@Test
	void rejectsChoiceQuestionWithAnEmptyOptionList() {
		assertProblem(HEADER + """
				  - id: q1
				    type: multiple-choice
				    text: Vilka?
				    options: []
				""", 7, "question 'q1': 'options' is empty; give at least one option");
	}

	@Test
	void rejectsAReferenceToAnUndefinedScale() {
		assertProblem(SCALE + """
				  - id: q1
				    type: scale
				    text: Hur?
				    scale: farg
				""", 10, "question 'q1': unknown scale 'farg' (defined scales: farger)");
	}

	@Test
	void rejectsAMatrixWithoutRows() {
		assertProblem(SCALE + """
				  - id: q1
				    type: matrix
				    text: Hur?
				    scale: farger
				    periods: [Nu]
				""", 7, "question 'q1': missing required key 'rows'");
	}

	@Test
	void rejectsAMatrixWithoutPeriods() {
		assertProblem(SCALE + """
				  - id: q1
				    type: matrix
				    text: Hur?
				    scale: farger
				    rows: [Sjuksköterska]
				""", 7, "question 'q1': missing required key 'periods'");
	}

	@Test
	void rejectsAScaleWithoutLevels() {
		assertProblem("""
				id: test
				title: Test
				scales:
				  farger:
				    levels: []
				questions:
				  - { id: q1, type: scale, scale: farger, text: "Hur?" }
				""", 5, "scale 'farger': a scale needs at least one level");
	}

	@Test
	void rejectsShowIfOnAnUnknownQuestion() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text: Varför?
				    showIf: { question: q9, anyOf: [ja] }
				""", 7, "question 'q1', showIf: refers to unknown question 'q9'");
	}

	@Test
	void rejectsShowIfOnALaterQuestion() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text: Varför?
				    showIf: { question: q2, anyOf: [ja] }
				  - { id: q2, type: single-choice, text: "Ja eller nej?", options: [Ja, Nej] }
				""", 7, "question 'q1', showIf: refers to question 'q2', which comes later");
	}

	@Test
	void rejectsShowIfOnTheQuestionItself() {
		assertProblem(HEADER + """
				  - id: q1
				    type: single-choice
				    text: Ja eller nej?
				    options: [Ja, Nej]
				    showIf: { question: q1, anyOf: [ja] }
				""", 8, "question 'q1', showIf: refers to the question itself");
	}

	@Test
	void rejectsShowIfNamingAnOptionTheQuestionDoesNotHave() {
		assertProblem(HEADER + """
				  - { id: q1, type: single-choice, text: "Ja eller nej?", options: [Ja, Nej] }
				  - id: q2
				    type: text
				    text: Varför?
				    showIf:
				      question: q1
				      anyOf: [ja, kanske]
				""", 10,
				"question 'q2', showIf: 'kanske' in anyOf is not an option of question 'q1' (expected one of ja, nej)");
	}

	@Test
	void rejectsShowIfOnAFreeTextQuestion() {
		assertProblem(HEADER + """
				  - { id: q1, type: text, text: "Hur?" }
				  - id: q2
				    type: text
				    text: Varför?
				    showIf: { question: q1, anyOf: [ja] }
				""", 8, "question 'q2', showIf: refers to free-text question 'q1'");
	}

	@Test
	void rejectsAnIdThatDoesNotMatchTheFileName() {
		assertProblem("""
				id: steg3
				title: Test
				questions:
				  - { id: q1, type: text, text: "Hur?" }
				""", 1, "id 'steg3' does not match the file name test.yml (expected 'test')");
	}

	@Test
	void rejectsAFlagThatIsNotTrueOrFalse() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text: Hur?
				    required: maybe
				""", 7, "question 'q1': 'required' must be true or false, not 'maybe'");
	}

	@Test
	void rejectsOptionsThatAreNotAList() {
		assertProblem(HEADER + """
				  - id: q1
				    type: single-choice
				    text: Vilken?
				    options: "x"
				""", 7, "question 'q1': 'options' must be a list, not 'x'");
	}

	@Test
	void rejectsMinChoicesAboveTheNumberOfOptions() {
		assertProblem(HEADER + """
				  - id: q1
				    type: multiple-choice
				    text: Vilka?
				    options: [Språk, Chefer]
				    minChoices: 3
				""", 8, "question 'q1': minChoices must be between 0 and 2 (the number of options), not 3");
	}

	@Test
	void rejectsMinChoicesAboveMaxChoices() {
		assertProblem(HEADER + """
				  - id: q1
				    type: multiple-choice
				    text: Vilka?
				    options: [Språk, Chefer, Teknik]
				    minChoices: 2
				    maxChoices: 1
				""", 8, "question 'q1': minChoices (2) is greater than maxChoices (1)");
	}

	@Test
	void rejectsATextMapWithoutSwedish() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text:
				      en: How?
				""", 7, "question 'q1': 'text' needs a Swedish text ('sv')");
	}

	@Test
	void rejectsAKeyThatDoesNotApplyToTheType() {
		assertProblem(HEADER + """
				  - id: q1
				    type: text
				    text: Hur?
				    options: [Ja]
				""", 7, "question 'q1': key 'options' does not apply to a text question");
	}

	@Test
	void rejectsAKeyGivenTwice() {
		assertProblem("""
				id: test
				title: Test
				title: Test igen
				questions:
				  - { id: q1, type: text, text: "Hur?" }
				""", 3, "key 'title' appears twice (first on line 2)");
	}

	@Test
	void reportsEveryProblemOfAFileInLineOrder() {
		List<DefinitionProblem> problems = problems("""
				id: test
				titel: Test
				questions:
				  - { id: q1, type: choise, text: "Hur?" }
				  - { id: q2, type: text, text: "Hur?", required: maybe }
				""");
		assertThat(problems).extracting(DefinitionProblem::line).containsExactly(1, 2, 4, 5);
		assertThat(problems.get(0).toString()).isEqualTo(FILE + ":1: missing required key 'title'");
	}

	private static final String SCALE = """
			id: test
			title: Test
			scales:
			  farger:
			    levels: [Hållbart, Brist]
			questions:
			""";

	private static Questionnaire parse(String yaml) {
		QuestionnaireParser.Result result = new QuestionnaireParser(FILE, yaml.getBytes(StandardCharsets.UTF_8))
			.parse();
		assertThat(result.problems()).isEmpty();
		return result.questionnaire().orElseThrow();
	}

	private static List<DefinitionProblem> problems(String yaml) {
		QuestionnaireParser.Result result = new QuestionnaireParser(FILE, yaml.getBytes(StandardCharsets.UTF_8))
			.parse();
		assertThat(result.questionnaire()).isEmpty();
		return result.problems();
	}

	private static void assertProblem(String yaml, int line, String message) {
		assertThat(problems(yaml)).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(FILE);
			assertThat(problem.line()).isEqualTo(line);
			assertThat(problem.message()).startsWith(message);
		});
	}

}
