package se.samla.surveys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.samla.shared.Language;
import se.samla.surveys.AnswerReader.NotUnderstood;
import se.samla.surveys.AnswerReader.Result;
import se.samla.surveys.AnswerReader.Understood;

import static org.assertj.core.api.Assertions.assertThat;

/** What people type is understood as answers, whatever the channel. */
class AnswerReaderTests {

	private static final List<Questionnaire> SHIPPED = new QuestionnaireValidator().load(Path.of("conversations"));

	private static final String OPTIONS = "(1) Genomfört, (2) Pågående, (3) Löpande arbete, (4) Ej påbörjat";

	private final AnswerReader reader = new AnswerReader();

	private final Question status = question("uppfoljning", "status");

	private final Question rating = question("steg1", "bedomning");

	private final Question areas = new Question("omraden", QuestionType.MULTIPLE_CHOICE, Text.sv("Vilka områden?"),
			null, true, null, false, 0,
			List.of(new Option("sprak", Text.sv("Språk- och kulturkompetens")),
					new Option("utbildning", Text.sv("Dialog och samverkan med utbildningsaktörer")),
					new Option("chefer", new Text("Utveckla chefer", "Develop managers")),
					new Option("teknik", Text.sv("Nyttja tekniken"))),
			2, null, null, null, null, false);

	private final Question colour = new Question("farg", QuestionType.SCALE, Text.sv("Hur är läget?"), null, true, null,
			false, 0, null, null, null, this.rating.scale(), null, null, false);

	@Test
	void takesFreeTextAsItIs() {
		Question text = question("steg2", "q1");
		assertThat(read(text, "  Vi behöver rusta chefer.\r\nOch differentiera arbetsuppgifter. "))
			.isEqualTo(new AnswerValue.TextAnswer("Vi behöver rusta chefer.\nOch differentiera arbetsuppgifter."));
	}

	@Test
	void understandsAChoiceByNumberIdOrLabelIgnoringCaseAndAccents() {
		assertThat(read(this.status, "4")).isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat"));
		assertThat(read(this.status, "2.")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
		assertThat(read(this.status, "ej-paborjat")).isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat"));
		assertThat(read(this.status, "ej påbörjat")).isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat"));
		assertThat(read(this.status, "Lopande  ARBETE")).isEqualTo(new AnswerValue.ChoiceAnswer("lopande-arbete"));
		assertThat(read(this.status, "Ongoing")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
	}

	@Test
	void understandsAScaleLevelByLabelOrNumber() {
		assertThat(read(this.colour, "Sårbart")).isEqualTo(new AnswerValue.ChoiceAnswer("sarbart"));
		assertThat(read(this.colour, "sarbart")).isEqualTo(new AnswerValue.ChoiceAnswer("sarbart"));
		assertThat(read(this.colour, "brist")).isEqualTo(new AnswerValue.ChoiceAnswer("brist"));
		assertThat(read(this.colour, "1")).isEqualTo(new AnswerValue.ChoiceAnswer("overtalighet"));
	}

	@Test
	void rejectsAChoiceThatIsNotListedAndListsTheNumberedOptions() {
		assertThat(problem(this.status, "kanske")).isEqualTo(Problem.of("answer.not-an-option", "kanske", OPTIONS));
		assertThat(problem(this.status, "5")).isEqualTo(Problem.of("answer.not-an-option", "5", OPTIONS));
		assertThat(problem(this.status, "  ")).isEqualTo(Problem.of("answer.empty"));
	}

	@Test
	void listsTheOptionsInThePersonsLanguage() {
		Result result = this.reader.read(this.status, "maybe", Language.EN);
		assertThat(((NotUnderstood) result).problem()).isEqualTo(Problem.of("answer.not-an-option", "maybe",
				"(1) Done, (2) Ongoing, (3) Part of regular work, (4) Not started"));
	}

	@Test
	void quotesOnlyTheStartOfALongAnswerThatIsNotAChoice() {
		Problem problem = problem(this.status,
				"Vi har haft svårt att komma igång eftersom projektledaren slutade i våras och ingen har tagit över");
		assertThat((String) problem.arguments().get(0)).hasSizeLessThanOrEqualTo(60).endsWith("…");
	}

	@Test
	void understandsAChoiceByTheNumberAsTheEmailListsIt() {
		assertThat(read(this.status, "(2)")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
		assertThat(read(this.status, "3)")).isEqualTo(new AnswerValue.ChoiceAnswer("lopande-arbete"));
		assertThat(read(this.status, " 1 ")).isEqualTo(new AnswerValue.ChoiceAnswer("genomfort"));
	}

	@Test
	void understandsAChoiceByLabelInAnyCaseWithOrWithoutDiacritics() {
		assertThat(read(this.status, "pagaende")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
		assertThat(read(this.status, "PÅGÅENDE")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
		assertThat(read(this.status, "Ej Paborjat!")).isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat"));
		assertThat(read(this.status, "genomfört.")).isEqualTo(new AnswerValue.ChoiceAnswer("genomfort"));
	}

	@Test
	void understandsAChoiceByAnAliasFromTheQuestionnaire() {
		assertThat(read(this.status, "Klart")).isEqualTo(new AnswerValue.ChoiceAnswer("genomfort"));
		assertThat(read(this.status, "klart!")).isEqualTo(new AnswerValue.ChoiceAnswer("genomfort"));
		assertThat(read(this.status, "Inte paborjat")).isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat"));
		assertThat(read(this.status, "in progress")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
	}

	@Test
	void keepsTheExplanationAfterAChoiceAsItsComment() {
		assertThat(read(this.status, "pågående – vi har genomfört två av fyra utbildningar"))
			.isEqualTo(new AnswerValue.ChoiceAnswer("pagaende", "vi har genomfört två av fyra utbildningar"));
		assertThat(read(this.status, "Klart, sedan i våras.\nAlla chefer har gått utbildningen."))
			.isEqualTo(new AnswerValue.ChoiceAnswer("genomfort", "sedan i våras.\nAlla chefer har gått utbildningen."));
		assertThat(read(this.status, "Ej påbörjat eftersom budgeten inte räckte"))
			.isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat", "eftersom budgeten inte räckte"));
		assertThat(read(this.status, "2. två av fyra kurser är klara"))
			.isEqualTo(new AnswerValue.ChoiceAnswer("pagaende", "två av fyra kurser är klara"));
		assertThat(read(this.status, "(4) – ingen tid i år"))
			.isEqualTo(new AnswerValue.ChoiceAnswer("ej-paborjat", "ingen tid i år"));
	}

	@Test
	void aNumberFollowedByALabelMeansTheLabel() {
		assertThat(read(this.status, "1. pågående – vi har genomfört två av fyra"))
			.isEqualTo(new AnswerValue.ChoiceAnswer("pagaende", "vi har genomfört två av fyra"));
		assertThat(read(this.status, "2 Pågående")).isEqualTo(new AnswerValue.ChoiceAnswer("pagaende"));
	}

	@Test
	void aNumberWithoutSeparatorDoesNotStartAnExplanation() {
		assertThat(problem(this.status, "2 personer har slutat").code()).isEqualTo("answer.not-an-option");
	}

	@Test
	void recordsTheChoiceAloneAndReportsTheExplanationWhenTheQuestionTakesNoComment() {
		Question plain = new Question("plan", QuestionType.SINGLE_CHOICE, Text.sv("Har ni en plan?"), null, true, null,
				false, 0, List.of(new Option("ja", Text.sv("Ja")), new Option("nej", Text.sv("Nej"))), null, null, null,
				null, null, false);
		Result result = this.reader.read(plain, "Ja, sedan 2024", Language.SV);
		assertThat(result).isEqualTo(new Understood(new AnswerValue.ChoiceAnswer("ja"), "sedan 2024"));
	}

	@Test
	void rejectsACommentLongerThanTheQuestionAllows() {
		assertThat(problem(this.status, "Pågående – " + "x".repeat(Question.DEFAULT_MAX_LENGTH + 1)))
			.isEqualTo(Problem.of("answer.too-long", Question.DEFAULT_MAX_LENGTH));
	}

	@Test
	void understandsSeveralChoicesSeparatedByCommasOchAndLines() {
		assertThat(read(this.areas, "1, 3 och 4"))
			.isEqualTo(new AnswerValue.ChoicesAnswer(List.of("sprak", "chefer", "teknik")));
		assertThat(read(this.areas, "Nyttja tekniken; develop managers"))
			.isEqualTo(new AnswerValue.ChoicesAnswer(List.of("teknik", "chefer")));
		assertThat(read(this.areas, "Dialog och samverkan med utbildningsaktörer\nSpråk- och kulturkompetens"))
			.isEqualTo(new AnswerValue.ChoicesAnswer(List.of("utbildning", "sprak")));
		assertThat(read(this.areas, "2 and 2 and 3"))
			.isEqualTo(new AnswerValue.ChoicesAnswer(List.of("utbildning", "chefer")));
	}

	@Test
	void appliesTheQuestionsRulesToSeveralChoices() {
		assertThat(problem(this.areas, "teknik")).isEqualTo(Problem.of("answer.too-few-options", 2));
		assertThat(problem(this.areas, "teknik och flygplan")).isEqualTo(Problem.of("answer.not-an-option", "flygplan",
				"(1) Språk- och kulturkompetens, (2) Dialog och samverkan med utbildningsaktörer, "
						+ "(3) Utveckla chefer, (4) Nyttja tekniken"));
	}

	@Test
	void understandsAMatrixLinePerRowWithOptionalComments() {
		AnswerValue answer = read(this.rating, """
				Sjuksköterska: brist, brist, sårbart, sårbart – svårt att rekrytera till nätter
				2: brist, brist, brist, brist
				Undersköterska: sarbart sarbart hallbart hallbart
				enhetschef: 2
				Vårdbiträde: hållbart
				Distriktsläkare: brist: hyrläkare
				7: Övertalighet, hållbart, hållbart, hållbart
				""");
		AnswerValue.MatrixAnswer matrix = (AnswerValue.MatrixAnswer) answer;
		assertThat(matrix.ratings().get("sjukskoterska"))
			.isEqualTo(Map.of("nu", "brist", "ar1", "brist", "ar2", "sarbart", "ar3", "sarbart"));
		assertThat(matrix.ratings().get("underskoterska")).containsEntry("ar3", "hallbart");
		assertThat(matrix.ratings().get("enhetschef").values()).containsOnly("hallbart");
		assertThat(matrix.ratings().get("skotare")).containsEntry("nu", "overtalighet");
		assertThat(matrix.comments())
			.isEqualTo(Map.of("sjukskoterska", "svårt att rekrytera till nätter", "distriktslakare", "hyrläkare"));
	}

	@Test
	void reportsAMatrixRowWithTheWrongNumberOfRatings() {
		assertThat(problem(this.rating, "Sjuksköterska: brist, brist"))
			.isEqualTo(Problem.of("answer.matrix-wrong-count", "Sjuksköterska", 4, 2));
		assertThat(problem(this.rating, "Barnmorska: brist"))
			.isEqualTo(Problem.of("answer.not-understood", "Barnmorska"));
		assertThat(problem(this.rating, "brist överallt"))
			.isEqualTo(Problem.of("answer.matrix-line-not-understood", "brist överallt"));
	}

	@Test
	void reportsAMatrixWithRowsMissing() {
		assertThat(problem(this.rating, "Sjuksköterska: brist").code()).isEqualTo("answer.matrix-incomplete");
	}

	private AnswerValue read(Question question, String input) {
		Result result = this.reader.read(question, input, Language.SV);
		assertThat(result).isInstanceOf(Understood.class);
		return ((Understood) result).value();
	}

	private Problem problem(Question question, String input) {
		Result result = this.reader.read(question, input, Language.SV);
		assertThat(result).isInstanceOf(NotUnderstood.class);
		return ((NotUnderstood) result).problem();
	}

	private static Question question(String questionnaire, String question) {
		return SHIPPED.stream()
			.filter((candidate) -> candidate.id().value().equals(questionnaire))
			.findFirst()
			.flatMap((candidate) -> candidate.question(question))
			.orElseThrow();
	}

}
