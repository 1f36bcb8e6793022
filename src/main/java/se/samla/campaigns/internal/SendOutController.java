package se.samla.campaigns.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseNotFoundException;
import se.samla.answers.ResponseState;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOuts;
import se.samla.shared.SendOutId;

/** Read-only JSON views of send-outs for operators. */
@RestController
class SendOutController {

	private final SendOuts sendOuts;

	private final ResponseManagement responses;

	SendOutController(SendOuts sendOuts, ResponseManagement responses) {
		this.sendOuts = sendOuts;
		this.responses = responses;
	}

	@GetMapping("/api/send-outs")
	List<SendOutView> sendOuts() {
		return this.sendOuts.all().stream().map(this::view).toList();
	}

	@GetMapping("/api/send-outs/{id}")
	SendOutView sendOut(@PathVariable String id) {
		return this.sendOuts.find(new SendOutId(id))
			.map(this::view)
			.orElseThrow(() -> new ResponseNotFoundException("no send-out " + id));
	}

	private SendOutView view(SendOut sendOut) {
		List<ResponseState> started = this.responses.responses(sendOut.id());
		return new SendOutView(sendOut.id().value(), sendOut.title(), sendOut.questionnaire().value(),
				this.sendOuts.state(sendOut).name(), sendOut.opensAt(), sendOut.deadline(), sendOut.closedAt(),
				this.sendOuts.recipients(sendOut).size(), started.size(),
				started.stream().filter(ResponseState::isSubmitted).count(), sendOut.source());
	}

	record SendOutView(String id, String title, String questionnaire, String state, Instant opensAt, Instant deadline,
			Instant closedAt, int recipients, int started, long submitted, String source) {
	}

}
