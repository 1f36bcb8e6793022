package se.samla.campaigns;

/** The kinds of message a send-out sends. */
public enum MessageKind {

	/** The first message: what the send-out is, the questions, the deadline. */
	INVITATION,
	/** A reminder to someone who has not submitted; numbered from 1. */
	REMINDER,
	/** The list of who is missing, to the project leads. */
	ESCALATION,
	/** A compiled digest, to a network. */
	DIGEST,
	/**
	 * A notice to the project leads that a person could not be reached by any channel.
	 */
	NO_ROUTE,
	/**
	 * A fresh personal link to the answer pages, which the person asked for on the page
	 * of a link that no longer works; numbered by the link's generation.
	 */
	NEW_LINK

}
