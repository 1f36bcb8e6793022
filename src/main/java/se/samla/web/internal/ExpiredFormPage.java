package se.samla.web.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where a form whose CSRF token is missing or stale lands (the page was open so long that
 * its session ended, or the form did not come from Samla): it says so and how to go on.
 */
@Controller
class ExpiredFormPage {

	@RequestMapping("/webb/formularet-gick-ut")
	String expired(HttpServletResponse response, Model model) {
		response.setStatus(403);
		model.addAttribute("language", "sv");
		return "web/expired-form";
	}

}
