package se.samla.directory;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a plan activity as the plan numbers it, e.g. {@code A1}. */
public record ActivityId(@JsonValue String value) {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public ActivityId {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid activity id '" + value
					+ "' (use up to 32 letters a-z, digits, '.', '_' and '-', e.g. 'A1')");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
