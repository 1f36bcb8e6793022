package se.samla.digests;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;

import se.samla.shared.Language;

/**
 * The words of a digest in the reader's language, from the message bundles
 * ({@code digest.*}).
 */
public final class DigestTexts {

	private final MessageSource messages;

	private final Language language;

	private final ZoneId zone;

	public DigestTexts(MessageSource messages, Language language, ZoneId zone) {
		this.messages = messages;
		this.language = (language != null) ? language : Language.SV;
		this.zone = zone;
	}

	public Language language() {
		return this.language;
	}

	/** The text for {@code digest.<code>}. */
	public String get(String code, Object... arguments) {
		return this.messages.getMessage("digest." + code, arguments, this.language.locale());
	}

	/** A day as people write it, e.g. "18 december 2026". */
	public String date(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy", this.language.locale()).format(instant.atZone(this.zone));
	}

	/** A moment with the time of day, e.g. "7 december 2026 08:00". */
	public String dateTime(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", this.language.locale())
			.format(instant.atZone(this.zone));
	}

}
