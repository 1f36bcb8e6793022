package se.samla.campaigns;

/** What a channel made of a message. */
public sealed interface Delivery permits Delivery.Sent, Delivery.Logged, Delivery.Unreachable, Delivery.Failed {

	/**
	 * Handed over; {@code reference} is the channel's id for it (Message-ID, activity
	 * id).
	 */
	record Sent(String reference) implements Delivery {
	}

	/**
	 * Not sent: a stand-in for a channel that is not configured wrote it to the log.
	 * {@code reference} starts with {@value #LOGGED_PREFIX}, so the outbox can tell such
	 * a message from one a real channel accepted, and an operator can send it again.
	 */
	record Logged(String reference) implements Delivery {

		public static final String LOGGED_PREFIX = "logged:";

		public Logged {
			if (reference == null || !reference.startsWith(LOGGED_PREFIX)) {
				throw new IllegalArgumentException("a stand-in's reference starts with " + LOGGED_PREFIX);
			}
		}

	}

	/**
	 * This channel cannot reach the person (no Teams identity, app blocked, address
	 * bouncing): try the next route, and remember it.
	 */
	record Unreachable(String reason) implements Delivery {
	}

	/** A passing failure (timeout, throttling): try again later by the same route. */
	record Failed(String reason) implements Delivery {
	}

}
