package se.samla.web.internal;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Language;

/**
 * The language of the project leads' pages for the one signed in: their own, as the
 * directory has it (an operator outside the directory reads Swedish), and dates written
 * the way that language writes them.
 */
final class LeadLanguage {

	private final Language language;

	private final ZoneId zone;

	private LeadLanguage(Language language, ZoneId zone) {
		this.language = language;
		this.zone = zone;
	}

	/**
	 * Sets the page's language (its {@code lang} and the message bundle the templates
	 * read) for the one signed in.
	 */
	static LeadLanguage of(Principal who, Directory directory, ZoneId zone, HttpServletRequest request, Model model) {
		Language language = (who != null)
				? directory.personByEmail(who.getName()).map(Person::language).orElse(Language.SV) : Language.SV;
		request.setAttribute(AnswerPages.LOCALE, language.locale());
		model.addAttribute("language", language.locale().getLanguage());
		if (who != null) {
			model.addAttribute("who", who.getName());
		}
		return new LeadLanguage(language, zone);
	}

	/**
	 * The language for someone not signed in (the sign-in pages): {@code lang=en|sv} when
	 * the page asks, else the first of Swedish and English in the browser's preferences
	 * ({@code Accept-Language}), else Swedish.
	 */
	static LeadLanguage forVisitor(ZoneId zone, HttpServletRequest request, Model model) {
		Language language = visitorLanguage(request);
		request.setAttribute(AnswerPages.LOCALE, language.locale());
		model.addAttribute("language", language.locale().getLanguage());
		return new LeadLanguage(language, zone);
	}

	private static Language visitorLanguage(HttpServletRequest request) {
		String asked = request.getParameter("lang");
		if ("en".equals(asked)) {
			return Language.EN;
		}
		if ("sv".equals(asked)) {
			return Language.SV;
		}
		if (request.getHeader("Accept-Language") != null) {
			for (Locale preferred : java.util.Collections.list(request.getLocales())) {
				if ("sv".equals(preferred.getLanguage())) {
					return Language.SV;
				}
				if ("en".equals(preferred.getLanguage())) {
					return Language.EN;
				}
			}
		}
		return Language.SV;
	}

	Language language() {
		return this.language;
	}

	Locale locale() {
		return this.language.locale();
	}

	/** A date and time: "onsdag 2 december 2026 kl. 08:00". */
	String dateTime(Instant instant) {
		String pattern = (this.language == Language.EN) ? "EEEE d MMMM yyyy, HH:mm" : "EEEE d MMMM yyyy 'kl.' HH:mm";
		return DateTimeFormatter.ofPattern(pattern, locale()).format(instant.atZone(this.zone));
	}

	/** A date: "2026-12-02". */
	String date(Instant instant) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(this.zone));
	}

	/** A moment in a list: "2026-12-02 08:00". */
	String shortDateTime(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(this.zone));
	}

}
