package se.samla.answers;

import java.util.UUID;

/** Identifies one person's response to one send-out. */
public record ResponseId(UUID value) {

	public static ResponseId random() {
		return new ResponseId(UUID.randomUUID());
	}

	public static ResponseId parse(String value) {
		return new ResponseId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
