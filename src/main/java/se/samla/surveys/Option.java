package se.samla.surveys;

import java.util.List;

/**
 * An option of a choice question, a row or a period of a matrix.
 *
 * @param id stable id stored with answers
 * @param label what the respondent sees
 * @param aliases other words people use for it when they type an answer (e.g.
 * {@code Klart} for {@code Genomfört}); never shown
 */
public record Option(String id, Text label, List<String> aliases) {

	public Option {
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	public Option(String id, Text label) {
		this(id, label, List.of());
	}

}
