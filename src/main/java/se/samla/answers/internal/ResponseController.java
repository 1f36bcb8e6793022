package se.samla.answers.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.samla.answers.AuditEntry;
import se.samla.answers.ResponseId;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseNotFoundException;
import se.samla.answers.ResponseState;
import se.samla.answers.ResponseWindows;
import se.samla.answers.Step;
import se.samla.shared.Refusal;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;

/** Read-only JSON views of responses for operators. */
@RestController
class ResponseController {

	private final ResponseManagement responses;

	private final ResponseWindows windows;

	ResponseController(ResponseManagement responses, ResponseWindows windows) {
		this.responses = responses;
		this.windows = windows;
	}

	@GetMapping("/api/send-outs/{sendOut}/responses")
	@Operation(summary = "The responses to a send-out, started or submitted")
	List<ResponseSummary> responses(@PathVariable String sendOut) {
		SendOutId id;
		try {
			id = new SendOutId(sendOut);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("api.send-out.invalid-id", sendOut);
		}
		// every send-out has a window: without one it does not exist, which an empty list
		// would hide
		if (this.windows.window(id).isEmpty()) {
			throw Refusal.notFound("api.send-out.unknown", sendOut);
		}
		return this.responses.responses(id).stream().map(ResponseSummary::of).toList();
	}

	@GetMapping("/api/responses/{id}")
	@Operation(summary = "One response: every question, its answer, and the audit trail")
	ResponseDetail response(@PathVariable String id) {
		ResponseId responseId;
		try {
			responseId = ResponseId.parse(id);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("api.response.invalid-id", id);
		}
		ResponseState state;
		try {
			state = this.responses.state(responseId);
		}
		catch (ResponseNotFoundException ex) {
			throw Refusal.notFound("api.response.unknown", id);
		}
		return new ResponseDetail(ResponseSummary.of(state), state.steps().stream().map(StepView::of).toList(),
				this.responses.history(responseId));
	}

	record ResponseSummary(String id, String sendOut, String person, String questionnaire, String questionnaireVersion,
			String status, long answered, int questions, boolean complete, Instant submittedAt, Instant deadline) {

		static ResponseSummary of(ResponseState state) {
			return new ResponseSummary(state.id().toString(), state.sendOut().value(),
					state.person().value().toString(), state.questionnaire().id().value(),
					state.questionnaire().version(), state.status().name(), state.answeredCount(), state.steps().size(),
					state.isComplete(), state.submittedAt(), state.deadline());
		}

	}

	record ResponseDetail(ResponseSummary response, List<StepView> steps, List<AuditEntry> history) {
	}

	record StepView(String key, int number, String type, String question, String item, boolean required,
			boolean skipped, AnswerValue answer) {

		static StepView of(Step step) {
			return new StepView(step.key().toString(), step.number(), step.question().type().yamlName(),
					step.question().text().sv(), step.itemLabel(), step.question().required(), step.skipped(),
					step.answer());
		}

	}

}
