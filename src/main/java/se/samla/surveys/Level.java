package se.samla.surveys;

import java.util.List;

/**
 * One level of a scale, e.g. "Brist".
 *
 * @param id stable id stored with answers
 * @param label what the respondent sees
 * @param description what the level means, shown as help
 * @param colour a CSS colour for cards and digests, or {@code null}
 * @param aliases other words people use for it when they type an answer; never shown
 */
public record Level(String id, Text label, Text description, String colour, List<String> aliases) {

	public Level {
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	public Level(String id, Text label, Text description, String colour) {
		this(id, label, description, colour, List.of());
	}

}
