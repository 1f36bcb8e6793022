package se.samla.shared;

import java.util.Locale;

/** The routes by which Samla talks to people, and by which an answer can arrive. */
public enum Channel {

	TEAMS, EMAIL,
	/** The answer pages a person opens by the personal link in their messages. */
	WEB,
	/** An operator acting for a person, e.g. accepting an email held for review. */
	OPERATOR;

	public static Channel parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
