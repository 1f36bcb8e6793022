package se.samla.directory;

import java.text.Normalizer;
import java.util.Locale;

/** The networks that discuss the compiled results and follow up the plan. */
public enum Network {

	SOCIALCHEFSNATVERKET("Socialchefsnätverket"), HR_CHEFSNATVERKET("HR-chefsnätverket"),
	PROJEKTLEDARE("Projektledare");

	private final String displayName;

	Network(String displayName) {
		this.displayName = displayName;
	}

	/** The Swedish name users see. */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Reads a network leniently: the display name or the constant's name, in any case,
	 * with or without å, ä and ö, spaces and dashes; "Personalchefsnätverket" is the HR
	 * chiefs' network.
	 * @throws IllegalArgumentException for anything else
	 */
	public static Network parse(String value) {
		String key = fold(value);
		for (Network network : values()) {
			if (key.equals(fold(network.displayName)) || key.equals(fold(network.name()))) {
				return network;
			}
		}
		return switch (key) {
			case "personalchefsnatverket", "hrnatverket", "hr" -> HR_CHEFSNATVERKET;
			case "socialchefer" -> SOCIALCHEFSNATVERKET;
			case "projektledare", "projektledning" -> PROJEKTLEDARE;
			default -> throw new IllegalArgumentException("unknown network '" + value
					+ "' (expected Socialchefsnätverket, HR-chefsnätverket or Projektledare)");
		};
	}

	private static String fold(String value) {
		if (value == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("[^a-z0-9]", "");
	}

}
