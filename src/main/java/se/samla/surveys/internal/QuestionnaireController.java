package se.samla.surveys.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Questionnaires;
import se.samla.surveys.Text;
import se.samla.surveys.UnknownQuestionnaireException;

/** Read-only JSON views of the loaded questionnaires. */
@RestController
class QuestionnaireController {

	private final Questionnaires questionnaires;

	QuestionnaireController(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping("/api/questionnaires")
	List<QuestionnaireSummary> questionnaires() {
		return this.questionnaires.current().stream().map(QuestionnaireSummary::of).toList();
	}

	@GetMapping("/api/questionnaires/{id}")
	Questionnaire questionnaire(@PathVariable String id) {
		return this.questionnaires.current(new QuestionnaireId(id))
			.orElseThrow(() -> new UnknownQuestionnaireException("no questionnaire " + id));
	}

	record QuestionnaireSummary(String id, String version, Text title, String repeat, int questions, String source) {

		static QuestionnaireSummary of(Questionnaire questionnaire) {
			return new QuestionnaireSummary(questionnaire.id().value(), questionnaire.version(), questionnaire.title(),
					questionnaire.repeat().name(), questionnaire.questions().size(), questionnaire.source());
		}

	}

}
