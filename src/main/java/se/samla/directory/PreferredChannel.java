package se.samla.directory;

import java.util.Locale;

import se.samla.shared.Channel;

/** The route by which a person prefers to be asked: Teams chat or e-mail. */
public enum PreferredChannel {

	TEAMS, EMAIL;

	/** The same route as a {@link Channel}. */
	public Channel channel() {
		return (this == TEAMS) ? Channel.TEAMS : Channel.EMAIL;
	}

	/**
	 * Reads "Teams", "e-post", "epost", "email", "e-mail", "mejl" or "mail" in any case.
	 */
	public static PreferredChannel parse(String value) {
		String key = (value != null) ? value.trim().toLowerCase(Locale.ROOT).replace(" ", "") : "";
		return switch (key) {
			case "teams", "microsoftteams", "msteams", "chatt", "chat" -> TEAMS;
			case "e-post", "epost", "email", "e-mail", "mejl", "mail" -> EMAIL;
			default -> throw new IllegalArgumentException("unknown channel '" + value + "' (expected Teams or e-post)");
		};
	}

}
