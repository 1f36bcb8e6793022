package se.samla.campaigns;

/** What a channel made of a message. */
public sealed interface Delivery permits Delivery.Sent, Delivery.Unreachable, Delivery.Failed {

	/**
	 * Handed over; {@code reference} is the channel's id for it (Message-ID, activity
	 * id).
	 */
	record Sent(String reference) implements Delivery {
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
