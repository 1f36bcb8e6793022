package se.samla.web.internal;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.DeadlineParser;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOutState;
import se.samla.campaigns.SendOuts;
import se.samla.digests.Charts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;

/**
 * The project leads' pages (signed in by {@link SignInPages}): the send-outs with their
 * state, deadline and response rate, and per send-out the rate per organisation and
 * network, who has not answered and why, who cannot be reached, and the actions (pause,
 * resume, send now, extend the deadline, close), each after a confirmation and recorded
 * with who did it. The figures follow the round as answers come in (polled by a small
 * script; the page works without it).
 */
@Controller
class LeadPages {

	static final String ROLE = "ROLE_PROJEKTLEDARE";

	/**
	 * The charts of a send-out's page, by the name in their address, with their titles'
	 * keys.
	 */
	private static final Map<String, String> RATE_CHARTS = Map.of("organisationer", "leads.chart.organisations",
			"natverk", "leads.chart.networks");

	private static final Set<String> ACTIONS = Set.of("pausa", "ateruppta", "skicka-nu", "forlang", "stang");

	private final SendOuts sendOuts;

	private final SendOutOperations operations;

	private final SendOutQueries queries;

	private final ResponseManagement responses;

	private final Directory directory;

	private final LeadAudit audit;

	private final ZoneId zone;

	private final long liveMillis;

	private final MessageSource messages;

	LeadPages(SendOuts sendOuts, SendOutOperations operations, SendOutQueries queries, ResponseManagement responses,
			Directory directory, LeadAudit audit, CampaignProperties campaigns, se.samla.web.WebProperties web,
			MessageSource messages) {
		this.messages = messages;
		this.liveMillis = web.liveInterval().toMillis();
		this.sendOuts = sendOuts;
		this.operations = operations;
		this.queries = queries;
		this.responses = responses;
		this.directory = directory;
		this.audit = audit;
		this.zone = campaigns.zone();
	}

	@GetMapping("/projektledning")
	String sendOutList(Principal who, HttpServletRequest request, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		List<SendOutLine> lines = new ArrayList<>();
		for (SendOut sendOut : this.sendOuts.all()) {
			int recipients = this.sendOuts.recipients(sendOut).size();
			int answered = this.responses.submitted(sendOut.id()).size();
			lines.add(new SendOutLine(sendOut.id().value(), sendOut.title(),
					state(this.sendOuts.state(sendOut), language), date(sendOut.deadline()), recipients, answered,
					RoundView.Rate.percent(answered, recipients)));
		}
		model.addAttribute("sendOuts", lines);
		return "leads/send-outs";
	}

	@GetMapping("/projektledning/utskick/{id}")
	String sendOut(@PathVariable String id, @RequestParam(name = "klart", required = false) String done,
			@RequestParam(name = "organisation", required = false) String organisation,
			@RequestParam(name = "varfor", required = false) String reason,
			@RequestParam(name = "sida", defaultValue = "1") int page, Principal who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty()) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		figures(sendOut.get(), new RoundView.Filter(organisation, reason, page), language, model);
		model.addAttribute("done", (done != null && ACTIONS.contains(done)) ? done : null);
		model.addAttribute("history", this.audit.forSendOut(id));
		return "leads/send-out";
	}

	/** The figures alone, for the page's script to refresh them. */
	@GetMapping("/projektledning/utskick/{id}/siffror")
	String liveFigures(@PathVariable String id,
			@RequestParam(name = "organisation", required = false) String organisation,
			@RequestParam(name = "varfor", required = false) String reason,
			@RequestParam(name = "sida", defaultValue = "1") int page, Principal who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty()) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		figures(sendOut.get(), new RoundView.Filter(organisation, reason, page), language, model);
		return "leads/send-out :: figures";
	}

	@GetMapping("/projektledning/utskick/{id}/bekrafta/{action}")
	String confirm(@PathVariable String id, @PathVariable String action, Principal who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty() || !ACTIONS.contains(action)) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		model.addAttribute("sendOut", sendOut.get());
		model.addAttribute("action", action);
		model.addAttribute("deadline", date(sendOut.get().deadline()));
		return "leads/confirm";
	}

	@PostMapping("/projektledning/utskick/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action,
			@RequestParam(name = "deadline", required = false) String deadline, Principal who,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		SendOutId sendOut = new SendOutId(id);
		Optional<SendOut> found = this.sendOuts.find(sendOut);
		if (found.isEmpty() || !ACTIONS.contains(action)) {
			response.setStatus(404);
			return "leads/no-send-out";
		}
		String detail = null;
		try {
			switch (action) {
				case "pausa" -> this.operations.pause(sendOut);
				case "ateruppta" -> this.operations.resume(sendOut);
				case "skicka-nu" -> {
					var report = this.operations.sendNow(sendOut);
					detail = report.recorded() + " meddelanden";
				}
				case "stang" -> this.operations.close(sendOut);
				case "forlang" -> {
					Instant moved = DeadlineParser.parse((deadline != null) ? deadline : "", this.zone);
					this.operations.extendDeadline(sendOut, moved);
					detail = "ny sista svarsdag " + date(moved);
				}
				default -> throw new IllegalStateException(action);
			}
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			response.setStatus(422);
			model.addAttribute("sendOut", found.get());
			model.addAttribute("action", action);
			model.addAttribute("deadline", date(found.get().deadline()));
			model.addAttribute("errors", List.of(new AnswerPages.ErrorLink("deadline", problem(action, language))));
			return "leads/confirm";
		}
		this.audit.record(who.getName(), action, id, detail);
		return "redirect:/projektledning/utskick/" + id + "?klart=" + action;
	}

	private String problem(String action, LeadLanguage language) {
		return this.messages.getMessage("forlang".equals(action) ? "leads.problem.deadline" : "leads.problem.action",
				null, language.locale());
	}

	private void figures(SendOut sendOut, RoundView.Filter filter, LeadLanguage language, Model model) {
		model.addAttribute("sendOut", sendOut);
		model.addAttribute("liveMillis", this.liveMillis);
		model.addAttribute("state", state(this.sendOuts.state(sendOut), language));
		model.addAttribute("paused", sendOut.pausedAt() != null);
		model.addAttribute("closed", sendOut.closedAt() != null);
		model.addAttribute("deadline", date(sendOut.deadline()));
		RoundView round = round(sendOut, filter, language);
		model.addAttribute("round", round);
		model.addAttribute("chartOrganisations", chartImage(sendOut, round, "organisationer", language));
		model.addAttribute("chartNetworks", chartImage(sendOut, round, "natverk", language));
	}

	/**
	 * The round's figures, the directory read once for both the recipients and their
	 * standing.
	 */
	private RoundView round(SendOut sendOut, RoundView.Filter filter, LeadLanguage language) {
		List<Person> recipients = this.sendOuts.recipients(sendOut);
		return RoundView.of(recipients, this.queries.recipients(sendOut.id(), recipients),
				this.directory.organisations(), this.queries.texts(), language.language(), filter);
	}

	/**
	 * The rate per organisation or per network as a chart, for the page's image: only for
	 * signed-in project leads (as the page), in their language, and never kept by a
	 * cache.
	 */
	@GetMapping("/projektledning/utskick/{id}/diagram/{what}.png")
	ResponseEntity<byte[]> rateChart(@PathVariable String id, @PathVariable String what, Principal who,
			HttpServletRequest request, Model model) {
		Optional<SendOut> sendOut = this.sendOuts.find(new SendOutId(id));
		if (sendOut.isEmpty() || !RATE_CHARTS.containsKey(what)) {
			return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
		}
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		List<Charts.Bar> bars = bars(round(sendOut.get(), RoundView.Filter.NONE, language), what);
		return Charts.responseRates(what, chartTitle(what, language), bars)
			.map(chart -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.noStore())
				.body(chart.png()))
			.orElseGet(() -> ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build());
	}

	private ChartImage chartImage(SendOut sendOut, RoundView round, String what, LeadLanguage language) {
		List<Charts.Bar> bars = bars(round, what);
		return bars.isEmpty() ? null
				: new ChartImage("/projektledning/utskick/" + sendOut.id().value() + "/diagram/" + what + ".png",
						Charts.responseRatesAltText(chartTitle(what, language), bars), Charts.WIDTH,
						Charts.responseRatesHeight(bars));
	}

	private String chartTitle(String what, LeadLanguage language) {
		return this.messages.getMessage(RATE_CHARTS.get(what), null, language.locale());
	}

	/** The rates a chart shows: the same figures as the page's tables. */
	private static List<Charts.Bar> bars(RoundView round, String what) {
		List<RoundView.Rate> rates = "organisationer".equals(what) ? round.organisations() : round.networks();
		return rates.stream().map(rate -> new Charts.Bar(rate.name(), rate.percent())).toList();
	}

	/** A chart on the page: its address, its alt text with the figures, its size. */
	record ChartImage(String src, String alt, int width, int height) {
	}

	private String state(SendOutState state, LeadLanguage language) {
		SendOutState shown = switch (state) {
			case SCHEDULED, OPEN, PAUSED -> state;
			default -> SendOutState.CLOSED;
		};
		return this.messages.getMessage("leads.state." + shown.name(), null, language.locale());
	}

	private String date(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd").format(instant.atZone(this.zone));
	}

	/** A send-out in the list. */
	record SendOutLine(String id, String title, String state, String deadline, int recipients, int answered,
			int percent) {
	}

}
