package se.samla.teams.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import se.samla.surveys.Problem;
import se.samla.shared.Language;

/**
 * The bot's words in one person's language, from the message bundles.
 */
final class TeamsTexts {

	private final MessageSource messages;

	private final Language language;

	private final ZoneId zone;

	TeamsTexts(MessageSource messages, Language language, ZoneId zone) {
		this.messages = messages;
		this.language = (language != null) ? language : Language.SV;
		this.zone = zone;
	}

	Language language() {
		return this.language;
	}

	String get(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, this.language.locale());
	}

	String date(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy", this.language.locale()).format(instant.atZone(this.zone));
	}

	String problems(List<Problem> problems) {
		return problems.stream()
			.map(problem -> this.messages.getMessage(problem.code(), problem.argumentArray(), this.language.locale()))
			.collect(Collectors.joining(" "));
	}

}
