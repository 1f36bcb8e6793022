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
	 * bouncing): try the next route, and remember it unless {@code forNow}.
	 *
	 * @param reason why
	 * @param forNow whether it is a matter of Samla's set-up rather than of the person
	 * (the bot has no working registration in their tenant): the next route is tried, but
	 * the person's route is not marked broken, so it is used again once the set-up is
	 * fixed
	 */
	record Unreachable(String reason, boolean forNow) implements Delivery {

		public Unreachable(String reason) {
			this(reason, false);
		}

		/**
		 * Unreachable until Samla's set-up is fixed; nothing is remembered of the person.
		 */
		public static Unreachable forNow(String reason) {
			return new Unreachable(reason, true);
		}

	}

	/** A passing failure (timeout, throttling): try again later by the same route. */
	record Failed(String reason) implements Delivery {
	}

}
