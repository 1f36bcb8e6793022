package se.samla.shared;

import java.util.Locale;

/** The languages a respondent can be addressed in. Swedish is the default. */
public enum Language {

	SV, EN;

	public Locale locale() {
		return this == SV ? Locale.forLanguageTag("sv-SE") : Locale.ENGLISH;
	}

	/** Reads "sv", "svenska", "en", "engelska", "english"; anything blank is Swedish. */
	public static Language parse(String value) {
		if (value == null || value.isBlank()) {
			return SV;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "sv", "sv-se", "svenska", "swedish" -> SV;
			case "en", "en-gb", "en-us", "engelska", "english" -> EN;
			default -> throw new IllegalArgumentException("okänt språk: " + value);
		};
	}

}
