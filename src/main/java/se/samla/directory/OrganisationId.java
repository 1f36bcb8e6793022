package se.samla.directory;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an organisation: a slug of lower-case letters, digits and dashes, e.g.
 * {@code orebro} or {@code region-orebro-lan}.
 */
public record OrganisationId(@JsonValue String value) {

	private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public OrganisationId {
		if (value == null || value.length() > 64 || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid organisation id '" + value
					+ "' (use lower-case letters a-z, digits and dashes, e.g. 'region-orebro-lan')");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
