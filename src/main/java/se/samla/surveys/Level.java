package se.samla.surveys;

/**
 * One level of a scale, e.g. "Brist".
 *
 * @param id stable id stored with answers
 * @param label what the respondent sees
 * @param description what the level means, shown as help
 * @param colour a CSS colour for cards and digests, or {@code null}
 */
public record Level(String id, Text label, Text description, String colour) {
}
