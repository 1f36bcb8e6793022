package se.samla.answers;

import java.time.Instant;

import se.samla.directory.PersonId;

/**
 * How far a person's response has come, without its answers: enough for a list of who has
 * answered.
 *
 * @param person whose response
 * @param status started or submitted
 * @param submittedAt when submitted, or {@code null}
 */
public record ResponseProgress(PersonId person, ResponseStatus status, Instant submittedAt) {

	public boolean isSubmitted() {
		return this.status == ResponseStatus.SUBMITTED;
	}

}
