package se.samla.web.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samla.campaigns.CampaignProperties;
import se.samla.web.WebProperties;
import se.samla.web.internal.EntraSignInOutcome.Failure;

/**
 * Signing in to the project leads' pages: a button per tenant whose people sign in with
 * Microsoft (when any has it on), and the one-time link by email (the embedded default,
 * unless turned off); the page a failed or refused Microsoft sign-in ends on.
 */
@Controller
class SignInPages {

	private final SignIn signIn;

	private final EntraSignIn entra;

	private final LeadSessions sessions;

	private final boolean emailLink;

	private final MessageSource messages;

	private final ZoneId zone;

	SignInPages(SignIn signIn, EntraSignIn entra, LeadSessions sessions, WebProperties properties,
			MessageSource messages, CampaignProperties campaigns) {
		this.messages = messages;
		this.zone = campaigns.zone();
		this.signIn = signIn;
		this.entra = entra;
		this.sessions = sessions;
		this.emailLink = properties.emailSignIn();
	}

	@GetMapping("/logga-in")
	String signInForm(HttpServletRequest request, Model model) {
		options(request, model);
		return "leads/sign-in";
	}

	@PostMapping("/logga-in")
	String requestLink(@RequestParam(name = "epost", defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		LeadLanguage language = options(request, model);
		if (!this.emailLink) {
			response.setStatus(404);
			return "leads/sign-in";
		}
		if (!email.contains("@")) {
			model.addAttribute("errors", List.of(new AnswerPages.ErrorLink("epost",
					this.messages.getMessage("signin.email.missing", null, language.locale()))));
			return "leads/sign-in";
		}
		this.signIn.request(email);
		return "leads/link-sent";
	}

	/**
	 * The link itself only shows a button: mail scanners that open links do not use it
	 * up.
	 */
	@GetMapping("/logga-in/{token}")
	String confirmSignIn(@PathVariable String token, HttpServletRequest request, Model model) {
		LeadLanguage.forVisitor(this.zone, request, model);
		model.addAttribute("token", token);
		return "leads/sign-in-confirm";
	}

	@PostMapping("/logga-in/{token}")
	String signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<String> email = this.emailLink ? this.signIn.consume(token) : Optional.empty();
		if (email.isEmpty()) {
			response.setStatus(404);
			LeadLanguage.forVisitor(this.zone, request, model);
			return "leads/link-used";
		}
		this.sessions.start(email.get(), "e-postlänk", request, response);
		return "redirect:/projektledning";
	}

	/** Where a Microsoft sign-in that did not let the person in ends (forwarded). */
	@RequestMapping(EntraSignInOutcome.FAILURE_PAGE)
	String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(EntraSignInOutcome.FAILURE) instanceof Failure failure)) {
			return "redirect:/logga-in";
		}
		options(request, model);
		model.addAttribute("failure", failure.name());
		if (failure == Failure.NOT_ALLOWED) {
			response.setStatus(403);
			return "leads/sign-in-refused";
		}
		response.setStatus((failure == Failure.UNREACHABLE) ? 502 : 400);
		return "leads/sign-in-failed";
	}

	private LeadLanguage options(HttpServletRequest request, Model model) {
		model.addAttribute("microsoft", this.entra.buttons());
		model.addAttribute("emailLink", this.emailLink);
		return LeadLanguage.forVisitor(this.zone, request, model);
	}

}
