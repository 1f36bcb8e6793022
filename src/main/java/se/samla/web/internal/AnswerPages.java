package se.samla.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samla.answers.Outcome;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.ResponseWindow;
import se.samla.answers.ResponseWindows;
import se.samla.answers.Source;
import se.samla.answers.Step;
import se.samla.answers.StepKey;
import se.samla.campaigns.CampaignProperties;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.surveys.Problem;
import se.samla.web.AnswerLinks;

/**
 * A person's own answer pages, opened by their personal link: a start page, one question
 * per page (with back, and "save and continue later") or every question on one page, a
 * review page, and submit. Every change goes through the response engine with channel
 * {@code WEB}; each form carries a one-time id, so a form sent twice is recorded once.
 */
@Controller
class AnswerPages {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnswerPages.class);

	static final String LOCALE = AnswerPages.class.getName() + ".locale";

	private final AnswerLinks links;

	private final ResponseManagement responses;

	private final ResponseWindows windows;

	private final Directory directory;

	private final MessageSource messages;

	private final GuessLimiter guesses;

	private final NewLinks newLinks;

	private final ZoneId zone;

	private final Clock clock;

	AnswerPages(AnswerLinks links, ResponseManagement responses, ResponseWindows windows, Directory directory,
			MessageSource messages, GuessLimiter guesses, NewLinks newLinks, CampaignProperties campaigns,
			Clock clock) {
		this.newLinks = newLinks;
		this.links = links;
		this.responses = responses;
		this.windows = windows;
		this.directory = directory;
		this.messages = messages;
		this.guesses = guesses;
		this.zone = campaigns.zone();
		this.clock = clock;
	}

	@GetMapping("/svar/{token}")
	String start(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			ResponseState state = visit.state();
			model.addAttribute("answered", state.answeredCount());
			model.addAttribute("total", state.steps().size());
			model.addAttribute("submitted", state.isSubmitted());
			model.addAttribute("submittedAt", (state.submittedAt() != null) ? date(state.submittedAt()) : null);
			model.addAttribute("continueWith",
					state.next()
						.or(() -> state.steps().stream().findFirst())
						.map(s -> s.key().toString())
						.orElse(null));
			return "web/start";
		});
	}

	@GetMapping("/svar/{token}/fraga/{step}")
	String question(@PathVariable String token, @PathVariable String step, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			Optional<Step> shown = find(visit.state(), step);
			if (shown.isEmpty()) {
				return "redirect:/svar/" + token;
			}
			return questionPage(visit, shown.get(), null, null, model);
		});
	}

	@PostMapping("/svar/{token}/fraga/{step}")
	String answerQuestion(@PathVariable String token, @PathVariable String step,
			@RequestParam(name = "handling", defaultValue = "fortsatt") String action,
			@RequestParam(name = "formular", required = false) String formId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			Optional<Step> shown = find(visit.state(), step);
			if (shown.isEmpty()) {
				return "redirect:/svar/" + token;
			}
			Step current = shown.get();
			FormAnswer posted = FormAnswer.read(current.question(), current.key().toString(),
					request.getParameterMap());
			boolean back = "tillbaka".equals(action);
			boolean later = "senare".equals(action);
			Saved saved = save(visit, current, posted, !back && !later, formId);
			if (saved.error() != null && !back) {
				model.addAttribute("errors", List.of(new ErrorLink(saved.view().id(), saved.error())));
				return questionPage(visit, current, posted, saved.error(), model);
			}
			ResponseState after = saved.state();
			if (later) {
				return "redirect:/svar/" + token + "/sparat";
			}
			if (back) {
				return after.before(current.key())
					.map(previous -> "redirect:/svar/" + token + "/fraga/" + previous.key())
					.orElse("redirect:/svar/" + token);
			}
			return after.after(current.key())
				.map(next -> "redirect:/svar/" + token + "/fraga/" + next.key())
				.orElse("redirect:/svar/" + token + "/granska");
		});
	}

	@GetMapping("/svar/{token}/alla")
	String all(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> allPage(visit, Map.of(), Map.of(), model));
	}

	@PostMapping("/svar/{token}/alla")
	String answerAll(@PathVariable String token,
			@RequestParam(name = "handling", defaultValue = "granska") String action,
			@RequestParam(name = "formular", required = false) String formId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			java.util.LinkedHashMap<String, FormAnswer> posted = new java.util.LinkedHashMap<>();
			java.util.LinkedHashMap<String, String> errors = new java.util.LinkedHashMap<>();
			List<ErrorLink> summary = new ArrayList<>();
			Visit current = visit;
			// the steps asked may change as answers come in (follow-ups): save in order
			// and
			// look again at what is asked after each
			for (Step step : visit.state().steps()) {
				Optional<Step> still = current.state().step(step.key());
				if (still.isEmpty()) {
					continue;
				}
				FormAnswer answer = FormAnswer.read(still.get().question(), step.key().toString(),
						request.getParameterMap());
				Saved saved = save(current, still.get(), answer, false, formId);
				current = current.with(saved.state());
				if (saved.error() != null) {
					posted.put(step.key().toString(), answer);
					errors.put(step.key().toString(), saved.error());
					summary.add(new ErrorLink(saved.view().id(), saved.error()));
				}
			}
			if (!summary.isEmpty()) {
				model.addAttribute("errors", summary);
				return allPage(current, posted, errors, model);
			}
			return "senare".equals(action) ? "redirect:/svar/" + token + "/sparat"
					: "redirect:/svar/" + token + "/granska";
		});
	}

	@GetMapping("/svar/{token}/granska")
	String review(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> reviewPage(visit, List.of(), model));
	}

	@PostMapping("/svar/{token}/skicka")
	String submit(@PathVariable String token, @RequestParam(name = "formular", required = false) String formId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			Outcome outcome = this.responses.submit(visit.state().id(), source(formId, "submit"));
			if (outcome instanceof Outcome.Rejected rejected) {
				List<ErrorLink> errors = new ArrayList<>();
				for (Problem problem : rejected.problems()) {
					errors.add(new ErrorLink(null, text(problem, visit.language())));
				}
				return reviewPage(visit, errors, model);
			}
			return "redirect:/svar/" + token + "/klart";
		});
	}

	@GetMapping("/svar/{token}/klart")
	String done(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> {
			model.addAttribute("submittedAt",
					(visit.state().submittedAt() != null) ? date(visit.state().submittedAt()) : null);
			return "web/done";
		});
	}

	@GetMapping("/svar/{token}/sparat")
	String saved(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		return open(token, request, response, model, (visit) -> "web/saved");
	}

	/**
	 * Whatever went wrong is logged (without answers) and shown as a page, not as the
	 * JSON problem of the API; nothing the person saved before is lost.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(RuntimeException.class)
	String failed(RuntimeException ex, HttpServletResponse response, Model model) {
		log.error("An answer page failed: {}", ex.getClass().getName(), ex);
		response.setStatus(500);
		model.addAttribute("language", "sv");
		return "web/failed";
	}

	private String questionPage(Visit visit, Step step, FormAnswer posted, String error, Model model) {
		model.addAttribute("question", QuestionView.of(step, visit.language(), posted, error));
		model.addAttribute("formId", UUID.randomUUID().toString());
		model.addAttribute("first", visit.state().before(step.key()).isEmpty());
		if (visit.started()) {
			this.responses.show(visit.state().id(), step.key());
		}
		return "web/question";
	}

	private String allPage(Visit visit, Map<String, FormAnswer> posted, Map<String, String> errors, Model model) {
		List<QuestionView> questions = new ArrayList<>();
		for (Step step : visit.state().steps()) {
			String key = step.key().toString();
			questions.add(QuestionView.of(step, visit.language(), posted.get(key), errors.get(key)));
		}
		model.addAttribute("questions", questions);
		model.addAttribute("formId", UUID.randomUUID().toString());
		return "web/all";
	}

	private String reviewPage(Visit visit, List<ErrorLink> errors, Model model) {
		List<QuestionView> questions = new ArrayList<>();
		for (Step step : visit.state().steps()) {
			questions.add(QuestionView.of(step, visit.language(), null, null));
		}
		model.addAttribute("questions", questions);
		model.addAttribute("errors", errors);
		model.addAttribute("missing", visit.state().missingRequired().size());
		model.addAttribute("submitted", visit.state().isSubmitted());
		model.addAttribute("formId", UUID.randomUUID().toString());
		return "web/review";
	}

	/**
	 * Saves what was posted for one question. Nothing given: an optional question is
	 * skipped when moving on, a required one is an error when {@code demand}; otherwise
	 * nothing changes.
	 */
	private Saved save(Visit visit, Step step, FormAnswer posted, boolean demand, String formId) {
		Source source = source(formId, step.key().toString());
		if (posted.value() == null) {
			if (step.isAnswered() || !demand) {
				return new Saved(visit.state(), null, QuestionView.of(step, visit.language(), posted, null));
			}
			if (step.question().required()) {
				String error = message("web.error.required", visit.language());
				return new Saved(visit.state(), error, QuestionView.of(step, visit.language(), posted, error));
			}
			Outcome skipped = this.responses.skip(visit.state().id(), step.key(), source);
			return outcome(visit, step, posted, skipped);
		}
		return outcome(visit, step, posted,
				this.responses.answer(visit.state().id(), step.key(), posted.value(), source));
	}

	private Saved outcome(Visit visit, Step step, FormAnswer posted, Outcome outcome) {
		if (outcome instanceof Outcome.Accepted accepted) {
			return new Saved(accepted.state(), null, null);
		}
		if (outcome instanceof Outcome.AlreadyRecorded recorded) {
			return new Saved(recorded.state(), null, null);
		}
		Outcome.Rejected rejected = (Outcome.Rejected) outcome;
		String error = String.join(" ",
				rejected.problems().stream().map(problem -> text(problem, visit.language())).toList());
		return new Saved(visit.state(), error, QuestionView.of(step, visit.language(), posted, error));
	}

	private Source source(String formId, String part) {
		String id = (formId != null && formId.matches("[0-9a-f-]{36}")) ? formId : UUID.randomUUID().toString();
		return Source.of(Channel.WEB, "web:" + id + ":" + part);
	}

	/**
	 * A link that no longer works (revoked, or replaced by a newer one) asks for a new
	 * one here: it is sent by email, and the page says so without showing the address.
	 */
	@PostMapping("/svar/{token}/ny-lank")
	String newLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (this.links.resolve(token).isPresent()) {
			return "redirect:/svar/" + token;
		}
		return retired(token, request, response, model, (target, window) -> {
			NewLinks.Outcome outcome = this.newLinks.request(target.target());
			model.addAttribute("limited", outcome == NewLinks.Outcome.LIMITED);
			model.addAttribute("minutes", NewLinks.INTERVAL.toMinutes());
			return "web/new-link-sent";
		});
	}

	/** Opens the link's response and renders a page of it, or says why it cannot. */
	private String open(String token, HttpServletRequest request, HttpServletResponse response, Model model,
			Page page) {
		if (this.guesses.isBlocked(request.getRemoteAddr())) {
			return tooMany(request, response, model);
		}
		Optional<AnswerLinks.Target> target = this.links.resolve(token);
		if (target.isEmpty()) {
			return retired(token, request, response, model, (old, window) -> {
				response.setStatus(410);
				model.addAttribute("reason", old.reason().name());
				return "web/link-replaced";
			});
		}
		Optional<Person> person = this.directory.person(target.get().person());
		if (person.isEmpty() || !person.get().active()) {
			return unknown(request, response, model);
		}
		Language language = language(person.get(), token, request, model);
		Optional<ResponseWindow> window = this.windows.window(target.get().sendOut());
		Optional<String> refused = refused(window, response, model);
		if (refused.isPresent()) {
			return refused.get();
		}
		Instant now = this.clock.instant();
		if (now.isBefore(window.get().opensAt())) {
			model.addAttribute("opensAt", date(window.get().opensAt()));
			return "web/not-open";
		}
		// Reading a page changes nothing: a link opened (by the person, or by a mail
		// filter that fetches every link to check it) leaves them "not answered"; the
		// response starts with the first thing they save.
		boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		Optional<ResponseState> started = this.responses.find(target.get().sendOut(), target.get().person());
		ResponseState state = started.isPresent() ? started.get()
				: reading ? this.responses.preview(target.get().sendOut(), target.get().person())
						: this.responses.startOrResume(target.get().sendOut(), target.get().person(), Channel.WEB);
		model.addAttribute("questionnaireTitle", state.questionnaire().title().in(language));
		model.addAttribute("personName", person.get().name());
		return page.render(new Visit(state, language, started.isPresent() || !reading));
	}

	/**
	 * A token that is no current link: if it was one (revoked or replaced) and answers
	 * are still accepted, the page for it; if it was one and they are not, the page that
	 * says so; if it never was, the same page as for any guess, counted as one.
	 */
	private String retired(String token, HttpServletRequest request, HttpServletResponse response, Model model,
			RetiredPage page) {
		if (this.guesses.isBlocked(request.getRemoteAddr())) {
			return tooMany(request, response, model);
		}
		Optional<JdbcAnswerLinks.Retired> old = this.newLinks.retired(token);
		Optional<Person> person = old.flatMap(o -> this.directory.person(o.target().person()));
		if (old.isEmpty() || person.isEmpty() || !person.get().active()) {
			return unknown(request, response, model);
		}
		language(person.get(), token, request, model);
		Optional<ResponseWindow> window = this.windows.window(old.get().target().sendOut());
		Optional<String> refused = refused(window, response, model);
		if (refused.isPresent()) {
			return refused.get();
		}
		return page.render(old.get(), window.get());
	}

	/**
	 * Whether the send-out no longer takes answers (closed early, or past its deadline):
	 * then no link, old or new, would open anything, and the page says why.
	 */
	private Optional<String> refused(Optional<ResponseWindow> window, HttpServletResponse response, Model model) {
		if (window.isEmpty()) {
			response.setStatus(404);
			return Optional.of("web/unknown-link");
		}
		model.addAttribute("sendOutTitle", window.get().title());
		model.addAttribute("deadline", date(window.get().deadline()));
		if (window.get().closed() || this.clock.instant().isAfter(window.get().deadline())) {
			response.setStatus(410);
			model.addAttribute("early", window.get().closed());
			return Optional.of("web/closed");
		}
		return Optional.empty();
	}

	private Language language(Person person, String token, HttpServletRequest request, Model model) {
		Language language = person.language();
		request.setAttribute(LOCALE, language.locale());
		model.addAttribute("language", language.locale().getLanguage());
		model.addAttribute("token", token);
		return language;
	}

	private String tooMany(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(this.guesses.window().toSeconds()));
		request.setAttribute(LOCALE, Locale.forLanguageTag("sv"));
		model.addAttribute("language", "sv");
		return "web/too-many";
	}

	private String unknown(HttpServletRequest request, HttpServletResponse response, Model model) {
		this.guesses.failed(request.getRemoteAddr());
		response.setStatus(404);
		request.setAttribute(LOCALE, Locale.forLanguageTag("sv"));
		model.addAttribute("language", "sv");
		return "web/unknown-link";
	}

	private static Optional<Step> find(ResponseState state, String step) {
		try {
			return state.step(StepKey.parse(step));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String date(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd").format(instant.atZone(this.zone));
	}

	private String text(Problem problem, Language language) {
		return this.messages.getMessage(problem.code(), problem.argumentArray(), problem.code(), language.locale());
	}

	private String message(String code, Language language) {
		return this.messages.getMessage(code, null, code, language.locale());
	}

	/** A page of an opened response. */
	@FunctionalInterface
	private interface Page {

		String render(Visit visit);

	}

	/** A page of a link that no longer works, while the send-out takes answers. */
	@FunctionalInterface
	private interface RetiredPage {

		String render(JdbcAnswerLinks.Retired old, ResponseWindow window);

	}

	/** The response being answered, in the person's language. */
	/**
	 * @param started whether the response exists; a page only read before anything was
	 * saved shows how it would look
	 */
	private record Visit(ResponseState state, Language language, boolean started) {

		Visit with(ResponseState newer) {
			return new Visit(newer, this.language, this.started);
		}

	}

	/** What saving one question gave: the response after it, or an error to show. */
	private record Saved(ResponseState state, String error, QuestionView view) {
	}

	/** An entry of the error summary: the message, linking to the field. */
	record ErrorLink(String target, String message) {
	}

}
