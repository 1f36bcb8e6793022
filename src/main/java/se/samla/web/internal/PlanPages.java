package se.samla.web.internal;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.PlanProgress;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.shared.SendOutId;

/**
 * The whole planned schedule of a send-out, and of all send-outs on one page: the
 * invitation, each reminder, the list of who is missing, the digests and the deadline, on
 * Swedish working days, each with what already went out and what is still to go. The plan
 * is the campaigns module's ({@link SendOutQueries#progress}), the same the dispatcher
 * follows and the operator's {@code schedule} command shows.
 */
@Controller
class PlanPages {

	private final SendOuts sendOuts;

	private final SendOutQueries operations;

	private final Directory directory;

	private final MessageSource messages;

	private final ZoneId zone;

	private final Clock clock;

	PlanPages(SendOuts sendOuts, SendOutQueries operations, Directory directory, MessageSource messages,
			CampaignProperties campaigns, Clock clock) {
		this.sendOuts = sendOuts;
		this.operations = operations;
		this.directory = directory;
		this.messages = messages;
		this.zone = campaigns.zone();
		this.clock = clock;
	}

	@GetMapping("/projektledning/utskick/{id}/plan")
	String plan(@PathVariable String id, Principal who, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty()) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		model.addAttribute("plan", view(sendOut.get(), language));
		return "leads/plan";
	}

	@GetMapping("/projektledning/planer")
	String plans(Principal who, HttpServletRequest request, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		List<PlanView> plans = new ArrayList<>();
		for (SendOut sendOut : this.sendOuts.all()) {
			plans.add(view(sendOut, language));
		}
		model.addAttribute("plans", plans);
		return "leads/plans";
	}

	private PlanView view(SendOut sendOut, LeadLanguage language) {
		Instant now = this.clock.instant();
		SendOutState state = this.sendOuts.state(sendOut);
		List<Step> steps = new ArrayList<>();
		boolean deadlineShown = false;
		for (PlanProgress progress : this.operations.progress(sendOut.id())) {
			Instant at = progress.planned().at();
			if (!deadlineShown && at.isAfter(sendOut.deadline())) {
				steps.add(deadline(sendOut, language, now));
				deadlineShown = true;
			}
			boolean past = !at.isAfter(now);
			steps.add(new Step(language.dateTime(at), at.toString(), what(progress, sendOut, language), past,
					status(progress, past, state, language), progress.sent(), progress.waiting(), false));
		}
		if (!deadlineShown) {
			steps.add(deadline(sendOut, language, now));
		}
		QuietHours hours = sendOut.rules().quietHours();
		return new PlanView(sendOut.id().value(), sendOut.title(), text(language, "leads.state." + state.name()),
				language.date(sendOut.deadline()), hours.from().toString(), hours.to().toString(), steps);
	}

	private Step deadline(SendOut sendOut, LeadLanguage language, Instant now) {
		boolean past = !sendOut.deadline().isAfter(now);
		return new Step(language.dateTime(sendOut.deadline()), sendOut.deadline().toString(),
				text(language, "leads.plan.deadline"), past,
				text(language, past ? "leads.plan.deadline.passed" : "leads.plan.deadline.coming"), 0, 0, true);
	}

	private String what(PlanProgress progress, SendOut sendOut, LeadLanguage language) {
		MessageKind kind = progress.planned().kind();
		if (kind == MessageKind.DIGEST && progress.planned().at().isAfter(sendOut.deadline())) {
			return text(language, "leads.plan.kind.DIGEST.final");
		}
		return text(language, "leads.plan.kind." + kind.name(), progress.planned().number());
	}

	/**
	 * A step's state follows what went out, not only the clock: a step sent before its
	 * planned time (the send-out opened outside working hours and its invitations went at
	 * once, or "send now") is sent; one whose time has come and that still has messages
	 * to send is due.
	 */
	private String status(PlanProgress progress, boolean past, SendOutState state, LeadLanguage language) {
		if (progress.sent() > 0) {
			// when it went out, which may be before the time the plan gives it
			return (progress.waiting() > 0) ? text(language, "leads.plan.status.sending")
					: text(language, "leads.plan.status.sent",
							(progress.lastSent() != null) ? language.dateTime(progress.lastSent()) : "");
		}
		return switch (state) {
			case PAUSED -> text(language, "leads.plan.status.paused");
			case CLOSED -> text(language, past ? "leads.plan.status.past" : "leads.plan.status.closed");
			case DISABLED -> text(language, "leads.plan.status.disabled");
			default -> text(language, !past ? "leads.plan.status.planned"
					: (progress.waiting() > 0) ? "leads.plan.status.due" : "leads.plan.status.past");
		};
	}

	private String text(LeadLanguage language, String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, language.locale());
	}

	/**
	 * A send-out's plan as the page shows it.
	 *
	 * @param id the send-out's id
	 * @param title its title
	 * @param state its state, in words
	 * @param deadline its deadline's date
	 * @param from when sending starts on a working day
	 * @param to when sending ends on a working day
	 * @param steps its steps in time order, the deadline among them
	 */
	record PlanView(String id, String title, String state, String deadline, String from, String to, List<Step> steps) {
	}

	/**
	 * One step of a plan.
	 *
	 * @param when the date and time, in words
	 * @param instant the same, machine-readable
	 * @param what what goes out
	 * @param past whether its time has come
	 * @param status what stands, in words
	 * @param sent how many went out
	 * @param waiting how many are still to go
	 * @param deadline whether this is the deadline rather than a message
	 */
	record Step(String when, String instant, String what, boolean past, String status, int sent, int waiting,
			boolean deadline) {
	}

}
