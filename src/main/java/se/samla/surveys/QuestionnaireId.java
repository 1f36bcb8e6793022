package se.samla.surveys;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a questionnaire, e.g. {@code steg2}: lower-case letters, digits and dashes.
 */
public record QuestionnaireId(@JsonValue String value) {

	private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public QuestionnaireId {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid questionnaire id: " + value);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
