package se.samla.surveys.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.samla.shared.Refusal;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Questionnaires;
import se.samla.surveys.Text;

/** Read-only JSON views of the loaded questionnaires. */
@RestController
class QuestionnaireController {

	private final Questionnaires questionnaires;

	QuestionnaireController(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping("/api/questionnaires")
	@Operation(summary = "The questionnaires loaded now, with their versions")
	List<QuestionnaireSummary> questionnaires() {
		return this.questionnaires.current().stream().map(QuestionnaireSummary::of).toList();
	}

	@GetMapping("/api/questionnaires/{id}")
	@Operation(
			summary = "One questionnaire's full definition: scales, questions, conditions, texts in Swedish and English")
	Questionnaire questionnaire(@PathVariable String id) {
		QuestionnaireId questionnaire;
		try {
			questionnaire = new QuestionnaireId(id);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("api.questionnaire.invalid-id", id);
		}
		return this.questionnaires.current(questionnaire)
			.orElseThrow(() -> Refusal.notFound("api.questionnaire.unknown", id));
	}

	record QuestionnaireSummary(String id, String version, Text title, String repeat, int questions, String source) {

		static QuestionnaireSummary of(Questionnaire questionnaire) {
			return new QuestionnaireSummary(questionnaire.id().value(), questionnaire.version(), questionnaire.title(),
					questionnaire.repeat().name(), questionnaire.questions().size(), questionnaire.source());
		}

	}

}
