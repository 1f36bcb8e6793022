package se.samla.campaigns;

/**
 * Writes the content of the messages of some kinds (the digests module writes digests),
 * so that the dispatcher hands channels messages that carry their content and the
 * channels only render it. Kinds no source writes (invitations and reminders, which each
 * channel shapes into its own way of answering) reach the channels without content.
 */
public interface MessageContents {

	/** Whether this source writes the content of messages of the kind. */
	boolean writes(MessageKind kind);

	/**
	 * A writer for one dispatch run. The run's messages that say the same (one digest to
	 * many recipients) share what it makes, and nothing outlives the run, so the next run
	 * writes from the answers as they are then.
	 */
	Writer writer();

	/**
	 * Writes content for the messages of one run. Used by the run's delivery lanes side
	 * by side: must be thread-safe.
	 */
	@FunctionalInterface
	interface Writer {

		/**
		 * The content of one message of a kind its source {@link #writes}; may throw if
		 * it cannot be written now (the message is then tried again later).
		 */
		MessageContent contentOf(OutgoingMessage message);

	}

}
