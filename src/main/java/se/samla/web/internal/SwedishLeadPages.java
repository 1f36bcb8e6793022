package se.samla.web.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The sign-in and send-out pages of {@link LeadPages} are written in Swedish: their texts
 * from the message bundle (the skip link, the footer, the links to the plan, the
 * downloads and the review queue) are Swedish too, whatever language the browser asks
 * for. The pages beside them set the lead's own language ({@link LeadLanguage}).
 */
@ControllerAdvice(assignableTypes = LeadPages.class)
class SwedishLeadPages {

	@ModelAttribute
	void swedish(HttpServletRequest request) {
		request.setAttribute(AnswerPages.LOCALE, Locale.forLanguageTag("sv"));
	}

}
