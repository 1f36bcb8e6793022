package se.samla.directory;

import java.util.Objects;
import java.util.UUID;

/** The stable id of a person; it survives re-imports, which match people by e-mail. */
public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
