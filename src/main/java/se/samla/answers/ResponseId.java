package se.samla.answers;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one person's response to one send-out. */
public record ResponseId(@JsonValue UUID value) {

	public static ResponseId random() {
		return new ResponseId(UUID.randomUUID());
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ResponseId parse(String value) {
		return new ResponseId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
