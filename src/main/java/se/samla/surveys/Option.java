package se.samla.surveys;

/**
 * An option of a choice question, a row or a period of a matrix.
 *
 * @param id stable id stored with answers
 * @param label what the respondent sees
 */
public record Option(String id, Text label) {
}
