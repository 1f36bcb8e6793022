package se.samla.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of one send-out ("utskick"), e.g. {@code steg2-2026}: shared because answers,
 * channels and digests all refer to the send-out a response belongs to.
 */
public record SendOutId(@JsonValue String value) {

	private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public SendOutId {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid send-out id: " + value);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
