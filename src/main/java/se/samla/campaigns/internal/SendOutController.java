package se.samla.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samla.campaigns.DispatchReport;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseNotFoundException;
import se.samla.answers.ResponseState;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.PreviewedMessage;
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.ScheduledMessage;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.DeadlineParser;
import se.samla.campaigns.SendOuts;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;

/** JSON views of send-outs and the operator actions on them. */
@RestController
class SendOutController {

	private final SendOuts sendOuts;

	private final ResponseManagement responses;

	private final SendOutOperations operations;

	private final ZoneId zone;

	SendOutController(SendOuts sendOuts, ResponseManagement responses, SendOutOperations operations,
			CampaignProperties properties) {
		this.sendOuts = sendOuts;
		this.responses = responses;
		this.operations = operations;
		this.zone = properties.zone();
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

	@GetMapping("/api/send-outs/{id}/recipients")
	List<RecipientView> recipients(@PathVariable String id) {
		RecipientFactTexts texts = this.operations.texts();
		return this.operations.recipients(new SendOutId(id))
			.stream()
			.map(status -> RecipientView.of(status, texts))
			.toList();
	}

	@GetMapping("/api/send-outs/{id}/preview")
	List<PreviewedMessage> preview(@PathVariable String id, @RequestParam LocalDate date) {
		return this.operations.preview(new SendOutId(id), date);
	}

	@GetMapping("/api/send-outs/{id}/schedule")
	List<ScheduleView> schedule(@PathVariable String id) {
		return this.operations.schedule(new SendOutId(id)).stream().map(ScheduleView::of).toList();
	}

	@PostMapping("/api/send-outs/{id}/pause")
	SendOutView pause(@PathVariable String id) {
		this.operations.pause(new SendOutId(id));
		return sendOut(id);
	}

	@PostMapping("/api/send-outs/{id}/resume")
	SendOutView resume(@PathVariable String id) {
		this.operations.resume(new SendOutId(id));
		return sendOut(id);
	}

	@PostMapping("/api/send-outs/{id}/send-now")
	DispatchReport sendNow(@PathVariable String id) {
		return this.operations.sendNow(new SendOutId(id));
	}

	@PostMapping("/api/send-outs/{id}/close")
	SendOutView close(@PathVariable String id) {
		this.operations.close(new SendOutId(id));
		return sendOut(id);
	}

	/**
	 * Moves the deadline to the end of the given day (or the given moment), re-planning
	 * reminders.
	 */
	@PostMapping("/api/send-outs/{id}/extend")
	SendOutView extend(@PathVariable String id, @RequestParam String deadline) {
		this.operations.extendDeadline(new SendOutId(id), DeadlineParser.parse(deadline, this.zone));
		return sendOut(id);
	}

	private SendOutView view(SendOut sendOut) {
		List<ResponseState> started = this.responses.responses(sendOut.id());
		return new SendOutView(sendOut.id().value(), sendOut.title(), sendOut.questionnaire().value(),
				this.sendOuts.state(sendOut).name(), sendOut.opensAt(), sendOut.deadline(), sendOut.closedAt(),
				this.sendOuts.recipients(sendOut).size(), started.size(),
				started.stream().filter(ResponseState::isSubmitted).count(), sendOut.source());
	}

	record RecipientView(String person, String name, String organisation, String status, Instant invitedAt,
			String invitedBy, int reminders, Instant submittedAt, List<String> unreachable, String reason,
			List<ReasonView> reasons) {

		static RecipientView of(RecipientStatus status, RecipientFactTexts texts) {
			return new RecipientView(status.person().value().toString(), status.name(), status.organisation(),
					status.summary(), status.invitedAt(),
					(status.invitedBy() != null) ? status.invitedBy().name() : null, status.reminders(),
					status.submittedAt(), status.unreachable().stream().map(Enum::name).toList(),
					status.reasons().isEmpty() ? null : texts.describe(status.reasons(), Language.EN),
					status.reasons().stream().map(fact -> ReasonView.of(fact, texts)).toList());
		}

	}

	/**
	 * One reason for not having answered: its code, the text, and the facts behind it
	 * (each only where it applies).
	 */
	record ReasonView(String code, String text, Instant at, LocalDate until, Integer times) {

		static ReasonView of(RecipientFact fact, RecipientFactTexts texts) {
			Instant at = null;
			LocalDate until = null;
			Integer times = null;
			if (fact instanceof RecipientFact.OutOfOffice away) {
				at = away.at();
				until = away.until();
			}
			else if (fact instanceof RecipientFact.AskedToClarify asked) {
				at = asked.last();
				times = asked.times();
			}
			else if (fact instanceof RecipientFact.HeldForReview held) {
				at = held.at();
			}
			else if (fact instanceof RecipientFact.RepliedNotUnderstood replied) {
				at = replied.at();
			}
			else if (fact instanceof RecipientFact.NoReplyYet noReply) {
				at = noReply.invitedAt();
				times = noReply.reminders();
			}
			return new ReasonView(fact.code(), texts.describe(fact, Language.EN), at, until, times);
		}

	}

	record ScheduleView(String person, String name, Instant at, String kind, int number, boolean teamsCard,
			String label, String channel) {

		static ScheduleView of(ScheduledMessage message) {
			return new ScheduleView(message.person().value().toString(), message.name(), message.at(),
					message.kind().name(), message.number(), message.teamsCard(), message.label(),
					(message.channel() != null) ? message.channel().name() : null);
		}

	}

	record SendOutView(String id, String title, String questionnaire, String state, Instant opensAt, Instant deadline,
			Instant closedAt, int recipients, int started, long submitted, String source) {
	}

}
