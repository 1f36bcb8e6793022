package se.samla.campaigns;

import se.samla.shared.Channel;

/**
 * A route to people, implemented by the channel modules (Teams, email). The dispatcher
 * chooses the route for each message and falls back to the next when one cannot reach the
 * person.
 */
public interface MessageChannel {

	Channel channel();

	/** Whether this channel can try to reach the person at all (e.g. has an address). */
	boolean canReach(se.samla.directory.Person person);

	/**
	 * Sends one message. Called at most once per outbox claim; must not throw for
	 * expected failures but say so in the result.
	 */
	Delivery deliver(OutgoingMessage message);

	/**
	 * Called after the last message of a dispatch run, e.g. to close a connection the
	 * messages of the run shared.
	 */
	default void endOfBatch() {
	}

}
