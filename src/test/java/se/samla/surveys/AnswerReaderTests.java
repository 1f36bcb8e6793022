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
	void rejectsAChoiceThatIsNotListed() {
		assertThat(problem(this.status, "kanske")).isEqualTo(Problem.of("answer.not-understood", "kanske"));
		assertThat(problem(this.status, "5")).isEqualTo(Problem.of("answer.not-understood", "5"));
		assertThat(problem(this.status, "  ")).isEqualTo(Problem.of("answer.empty"));
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
		assertThat(problem(this.areas, "teknik och flygplan"))
			.isEqualTo(Problem.of("answer.not-understood", "flygplan"));
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
