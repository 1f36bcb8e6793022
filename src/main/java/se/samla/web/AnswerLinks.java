package se.samla.web;

import java.util.Optional;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

/**
 * The personal links to the answer pages: one per person and send-out, unguessable,
 * different from the reply address's token, valid until the send-out's deadline, and
 * revocable (a revoked link opens nothing; the next message carries a new one).
 */
public interface AnswerLinks {

	/** The person's link to their response to the send-out (absolute URL). */
	String linkFor(SendOutId sendOut, PersonId person);

	/** Revokes the person's link; the next {@link #linkFor} is a new one. */
	void revoke(SendOutId sendOut, PersonId person);

	/** Whose response a token opens, if it is a current link. */
	Optional<Target> resolve(String token);

	/** What a link opens. */
	record Target(SendOutId sendOut, PersonId person) {
	}

}
