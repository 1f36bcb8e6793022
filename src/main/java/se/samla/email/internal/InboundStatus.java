package se.samla.email.internal;

/** What became of an email Samla read. */
public enum InboundStatus {

	/** Kept, not yet processed (or processing was cut short: processed again). */
	RECEIVED,
	/** Answers recorded (all or some of the open questions); a confirmation went back. */
	RECORDED,
	/**
	 * Understood as a reply, but not clearly enough to record: a clarification went back.
	 */
	AMBIGUOUS,
	/** Held for an operator: e.g. a valid token from an unexpected sender. */
	REVIEW,
	/** An out-of-office or other automatic reply: never an answer. */
	AUTO_REPLY,
	/** A delivery failure report; a permanent one marks the address as bouncing. */
	BOUNCE,
	/** A read receipt or other system message. */
	SYSTEM,
	/** No valid token: not a reply to anything Samla sent. */
	NO_TOKEN,
	/** A reply to a send-out that no longer accepts answers: a polite note went back. */
	CLOSED,
	/** Discarded by an operator. */
	DISCARDED,
	/** Processing failed; kept for reprocessing. */
	FAILED

}
