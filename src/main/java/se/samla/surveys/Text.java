package se.samla.surveys;

import se.samla.shared.Language;

import java.util.Objects;

/**
 * A user-facing text: Swedish always, English when the questionnaire gives it.
 *
 * @param sv the Swedish text, never blank
 * @param en the English text, or {@code null} to fall back to Swedish
 */
public record Text(String sv, String en) {

	public Text {
		Objects.requireNonNull(sv, "sv");
	}

	public static Text sv(String sv) {
		return new Text(sv, null);
	}

	public String in(Language language) {
		return (language == Language.EN && this.en != null && !this.en.isBlank()) ? this.en : this.sv;
	}

}
