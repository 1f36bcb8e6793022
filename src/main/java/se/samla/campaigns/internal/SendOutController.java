package se.samla.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.DeadlineParser;
import se.samla.campaigns.DispatchReport;
import se.samla.campaigns.PreviewedMessage;
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.ScheduledMessage;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOuts;
import se.samla.shared.Refusal;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;

/**
 * JSON views of send-outs and the operator actions on them. Every endpoint that names a
 * send-out first makes sure it exists, so an unknown one is a 404 everywhere rather than
 * an empty list.
 */
@RestController
class SendOutController {

	private final SendOuts sendOuts;

	private final ResponseManagement responses;

	private final SendOutOperations operations;

	private final SendOutQueries queries;

	private final ZoneId zone;

	SendOutController(SendOuts sendOuts, ResponseManagement responses, SendOutOperations operations,
			SendOutQueries queries, CampaignProperties properties) {
		this.sendOuts = sendOuts;
		this.responses = responses;
		this.operations = operations;
		this.queries = queries;
		this.zone = properties.zone();
	}

	@GetMapping("/api/send-outs")
	@Operation(summary = "All send-outs, with their state and counts of recipients, started and submitted responses")
	List<SendOutView> sendOuts() {
		return this.sendOuts.all().stream().map(this::view).toList();
	}

	@GetMapping("/api/send-outs/{id}")
	@Operation(summary = "One send-out, with its state and counts")
	SendOutView sendOut(@PathVariable String id) {
		return view(require(id));
	}

	@GetMapping("/api/send-outs/{id}/recipients")
	@Operation(summary = "Each recipient's standing: invited, reminded n times, answered, bounced, no route")
	List<RecipientView> recipients(@PathVariable String id) {
		RecipientFactTexts texts = this.queries.texts();
		return this.queries.recipients(require(id).id())
			.stream()
			.map(status -> RecipientView.of(status, texts))
			.toList();
	}

	@GetMapping("/api/send-outs/{id}/preview")
	@Operation(summary = "What the plan sends on one day, if nobody else answers before then")
	List<PreviewedMessage> preview(@PathVariable String id,
			@Parameter(description = "the day, e.g. 2026-12-01") @RequestParam LocalDate date) {
		return this.queries.preview(require(id).id(), date);
	}

	@GetMapping("/api/send-outs/{id}/schedule")
	@Operation(summary = "Every message the plan will still send: when, what, by which channel, to whom")
	List<ScheduleView> schedule(@PathVariable String id) {
		return this.queries.schedule(require(id).id()).stream().map(ScheduleView::of).toList();
	}

	@PostMapping("/api/send-outs/{id}/pause")
	@Operation(summary = "Pauses sending; answers are still accepted")
	SendOutView pause(@PathVariable String id) {
		this.operations.pause(require(id).id());
		return sendOut(id);
	}

	@PostMapping("/api/send-outs/{id}/resume")
	@Operation(summary = "Resumes a paused send-out")
	SendOutView resume(@PathVariable String id) {
		this.operations.resume(require(id).id());
		return sendOut(id);
	}

	@PostMapping("/api/send-outs/{id}/send-now")
	@Operation(
			summary = "Opens the send-out if it has not opened, and sends what is due now, ignoring sending hours once")
	DispatchReport sendNow(@PathVariable String id) {
		return this.operations.sendNow(require(id).id());
	}

	/**
	 * Sends again what a stand-in only logged (no channel was configured then); the
	 * dispatcher delivers them on its next run.
	 */
	@PostMapping("/api/send-outs/{id}/resend-logged")
	@Operation(summary = "Queues again the messages a stand-in only logged, so that a real channel sends them")
	ResendView resendLogged(@PathVariable String id) {
		return new ResendView(this.operations.resendLogged(require(id).id()));
	}

	@PostMapping("/api/send-outs/{id}/close")
	@Operation(summary = "Closes the send-out early: no more answers are accepted and nothing more is sent")
	SendOutView close(@PathVariable String id) {
		this.operations.close(require(id).id());
		return sendOut(id);
	}

	/**
	 * Moves the deadline to the end of the given day (or the given moment), re-planning
	 * reminders.
	 */
	@PostMapping("/api/send-outs/{id}/extend")
	@Operation(
			summary = "Moves the deadline to the end of the given day (or the given moment); reminders are planned anew")
	SendOutView extend(@PathVariable String id, @Parameter(
			description = "a date (2026-12-22, the end of that day) or a date and time (2026-12-22T17:00)") @RequestParam String deadline) {
		SendOut sendOut = require(id);
		if (sendOut.closedAt() != null) {
			// closing early is final: a later deadline would not reopen it
			throw Refusal.conflict("api.send-out.closed-early", id);
		}
		Instant moved;
		try {
			moved = DeadlineParser.parse(deadline, this.zone);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("api.deadline.unreadable", deadline);
		}
		if (!moved.isAfter(sendOut.opensAt())) {
			throw Refusal.invalid("api.deadline.before-opening", deadline,
					sendOut.opensAt().atZone(this.zone).toLocalDate());
		}
		this.operations.extendDeadline(sendOut.id(), moved);
		return sendOut(id);
	}

	private SendOut require(String id) {
		return this.sendOuts.find(sendOutId(id)).orElseThrow(() -> Refusal.notFound("api.send-out.unknown", id));
	}

	private static SendOutId sendOutId(String id) {
		try {
			return new SendOutId(id);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("api.send-out.invalid-id", id);
		}
	}

	private SendOutView view(SendOut sendOut) {
		List<ResponseState> started = this.responses.responses(sendOut.id());
		return new SendOutView(sendOut.id().value(), sendOut.title(), sendOut.questionnaire().value(),
				this.sendOuts.state(sendOut).name(), sendOut.opensAt(), sendOut.deadline(), sendOut.closedAt(),
				this.sendOuts.recipients(sendOut).size(), started.size(),
				started.stream().filter(ResponseState::isSubmitted).count(), sendOut.source());
	}

	record RecipientView(String person, String name, String organisation, String status, Instant invitedAt,
			String invitedBy, int reminders, Instant submittedAt, List<String> unreachable, boolean loggedOnly,
			String reason, List<ReasonView> reasons) {

		static RecipientView of(RecipientStatus status, RecipientFactTexts texts) {
			return new RecipientView(status.person().value().toString(), status.name(), status.organisation(),
					status.summary(), status.invitedAt(),
					(status.invitedBy() != null) ? status.invitedBy().name() : null, status.reminders(),
					status.submittedAt(), status.unreachable().stream().map(Enum::name).toList(), status.loggedOnly(),
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

	/**
	 * What {@code resend-logged} did.
	 *
	 * @param requeued messages that will be sent again by the next dispatcher run
	 */
	record ResendView(int requeued) {
	}

	record SendOutView(String id, String title, String questionnaire, String state, Instant opensAt, Instant deadline,
			Instant closedAt, int recipients, int started, long submitted, String source) {
	}

}
