package se.samla.web.internal;

import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.web.ReviewQueue;
import se.samla.web.ReviewQueue.QueuedMail;

/**
 * The email review queue on the project leads' pages: the emails held for a decision (an
 * assistant answering with a chief's token, a reply Samla could not read), each with its
 * content shown as text and its attachments by name, and the decisions an operator takes
 * with the {@code review} command: accept it as a person's answers to the send-out, or
 * discard it. Each decision follows a confirmation and is recorded with who took it.
 */
@Controller
class ReviewPages {

	private static final Set<String> ACTIONS = Set.of("godta", "kasta");

	private static final List<String> AUDITED = List.of("godta-epost", "kasta-epost");

	private final ReviewQueue queue;

	private final SendOuts sendOuts;

	private final Directory directory;

	private final LeadAudit audit;

	private final MessageSource messages;

	private final ZoneId zone;

	ReviewPages(ReviewQueue queue, SendOuts sendOuts, Directory directory, LeadAudit audit, MessageSource messages,
			CampaignProperties campaigns) {
		this.queue = queue;
		this.sendOuts = sendOuts;
		this.directory = directory;
		this.audit = audit;
		this.messages = messages;
		this.zone = campaigns.zone();
	}

	@GetMapping("/projektledning/granskning")
	String queue(@RequestParam(name = "klart", required = false) String done, Principal who, HttpServletRequest request,
			Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		List<Line> lines = new ArrayList<>();
		for (QueuedMail mail : this.queue.held()) {
			lines.add(new Line(mail.id().toString(), mail.from(), subject(mail, language),
					language.shortDateTime(mail.receivedAt()), mail.receivedAt().toString(), why(mail, language),
					title(mail.sendOut())));
		}
		model.addAttribute("mails", lines);
		model.addAttribute("done", (done != null && ACTIONS.contains(done)) ? done : null);
		model.addAttribute("history",
				this.audit.latest(AUDITED, 20)
					.stream()
					.map(entry -> new Decided(language.shortDateTime(entry.at()), entry.actor(),
							text(language, "leads.review.audit." + entry.action()), entry.detail()))
					.toList());
		return "leads/review-queue";
	}

	@GetMapping("/projektledning/granskning/{id}")
	String mail(@PathVariable String id, Principal who, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<QueuedMail> mail = held(id);
		if (mail.isEmpty()) {
			response.setStatus(404);
			return "leads/review-missing";
		}
		model.addAttribute("mail", view(mail.get(), language));
		return "leads/review-mail";
	}

	@GetMapping("/projektledning/granskning/{id}/bekrafta/{action}")
	String confirm(@PathVariable String id, @PathVariable String action, Principal who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<QueuedMail> mail = held(id);
		if (mail.isEmpty() || !ACTIONS.contains(action)) {
			response.setStatus(404);
			return "leads/review-missing";
		}
		confirmation(mail.get(), action, language, model);
		return "leads/review-confirm";
	}

	@PostMapping("/projektledning/granskning/{id}/{action}")
	String decide(@PathVariable String id, @PathVariable String action,
			@RequestParam(name = "person", required = false) String person,
			@RequestParam(name = "ersatt", defaultValue = "false") boolean replace, Principal who,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		LeadLanguage language = LeadLanguage.of(who, this.directory, this.zone, request, model);
		Optional<QueuedMail> found = held(id);
		if (found.isEmpty() || !ACTIONS.contains(action)) {
			response.setStatus(404);
			return "leads/review-missing";
		}
		QueuedMail mail = found.get();
		if ("kasta".equals(action)) {
			try {
				this.queue.discard(mail.id());
			}
			catch (IllegalArgumentException decidedMeanwhile) {
				response.setStatus(404);
				return "leads/review-missing";
			}
			this.audit.record(who.getName(), "kasta-epost", mail.sendOut(),
					text(language, "leads.review.audit.discarded", mail.from(), subject(mail, language)));
			return "redirect:/projektledning/granskning?klart=kasta";
		}
		List<Choice> choices = choices(mail, language);
		if (person == null || choices.stream().noneMatch(choice -> choice.email().equals(person))) {
			response.setStatus(422);
			confirmation(mail, action, language, model);
			model.addAttribute("errors", List.of(new AnswerPages.ErrorLink(choices.isEmpty() ? null : "person-0",
					text(language, "leads.review.error.person"))));
			return "leads/review-confirm";
		}
		ReviewQueue.Decision decision;
		try {
			decision = this.queue.accept(mail.id(), person, who.getName(), replace);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			response.setStatus(422);
			confirmation(mail, action, language, model);
			model.addAttribute("errors",
					List.of(new AnswerPages.ErrorLink(null, text(language, "leads.review.error.accept"))));
			return "leads/review-confirm";
		}
		String result = "RECORDED".equals(decision.outcome())
				? text(language, "leads.review.accepted", person, decision.recorded().size(),
						decision.replaced().size(), decision.kept().size())
				: text(language, "leads.review.accepted.nothing", person, decision.outcome());
		this.audit.record(who.getName(), "godta-epost", mail.sendOut(), text(language, "leads.review.audit.accepted",
				mail.from(), subject(mail, language), person, decision.outcome()));
		redirect.addFlashAttribute("result", result);
		return "redirect:/projektledning/granskning?klart=godta";
	}

	private Optional<QueuedMail> held(String id) {
		try {
			return this.queue.find(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void confirmation(QueuedMail mail, String action, LeadLanguage language, Model model) {
		model.addAttribute("mail", view(mail, language));
		model.addAttribute("action", action);
		model.addAttribute("choices", choices(mail, language));
	}

	/**
	 * Whose answers the email may be: the invited person's (the token's), and the
	 * sender's when the sender is someone else the send-out asked.
	 */
	private List<Choice> choices(QueuedMail mail, LeadLanguage language) {
		List<Choice> choices = new ArrayList<>();
		if (mail.invited() != null) {
			this.directory.personByEmail(mail.invited())
				.ifPresent(person -> choices.add(new Choice(person.email(),
						text(language, "leads.review.choice.invited", person.name(), person.email()))));
		}
		Optional<SendOut> sendOut = (mail.sendOut() != null) ? this.sendOuts.find(new SendOutId(mail.sendOut()))
				: Optional.empty();
		Optional<Person> sender = this.directory.personByEmail(mail.from());
		if (sendOut.isPresent() && sender.isPresent()
				&& choices.stream().noneMatch(choice -> choice.email().equalsIgnoreCase(sender.get().email()))
				&& this.sendOuts.recipients(sendOut.get())
					.stream()
					.anyMatch(person -> person.id().equals(sender.get().id()))) {
			choices.add(new Choice(sender.get().email(),
					text(language, "leads.review.choice.sender", sender.get().name(), sender.get().email())));
		}
		return choices;
	}

	private MailView view(QueuedMail mail, LeadLanguage language) {
		List<AttachmentLine> attachments = new ArrayList<>();
		String text = "";
		boolean cut = false;
		if (mail.content() != null) {
			text = mail.content().text();
			cut = mail.content().cut();
			mail.content()
				.attachments()
				.forEach(attachment -> attachments.add(new AttachmentLine(
						(attachment.name() != null) ? attachment.name() : text(language, "leads.review.no-name"),
						attachment.type(), size(attachment.size(), language))));
		}
		return new MailView(mail.id().toString(), mail.from(), subject(mail, language),
				(mail.date() != null) ? language.shortDateTime(mail.date()) : "–",
				language.shortDateTime(mail.receivedAt()), why(mail, language), mail.detail(), mail.sendOut(),
				title(mail.sendOut()), mail.invited(), text, cut, attachments, mail.answers());
	}

	private String subject(QueuedMail mail, LeadLanguage language) {
		return (mail.subject() == null || mail.subject().isBlank()) ? text(language, "leads.review.no-subject")
				: mail.subject();
	}

	private String why(QueuedMail mail, LeadLanguage language) {
		return text(language, "leads.review.held." + mail.held().name());
	}

	private String title(String sendOut) {
		return (sendOut != null) ? this.sendOuts.find(new SendOutId(sendOut)).map(SendOut::title).orElse(sendOut)
				: null;
	}

	/** A size as people read it: "812 byte", "12,5 kB", "3,1 MB". */
	static String size(long bytes, LeadLanguage language) {
		Locale locale = language.locale();
		if (bytes < 1024) {
			return bytes + " byte";
		}
		if (bytes < 1024 * 1024) {
			return String.format(locale, "%.1f kB", bytes / 1024.0);
		}
		return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private String text(LeadLanguage language, String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, language.locale());
	}

	/** An email in the queue's list. */
	record Line(String id, String from, String subject, String received, String receivedInstant, String why,
			String sendOut) {
	}

	/** A decision taken earlier. */
	record Decided(String at, String actor, String action, String detail) {
	}

	/** Someone whose answers the email may be. */
	record Choice(String email, String label) {
	}

	/** An attachment, listed. */
	record AttachmentLine(String name, String type, String size) {
	}

	/** An email as its page shows it. */
	record MailView(String id, String from, String subject, String date, String received, String why, String detail,
			String sendOutId, String sendOut, String invited, String text, boolean cut,
			List<AttachmentLine> attachments, List<ReviewQueue.Answer> answers) {
	}

}
