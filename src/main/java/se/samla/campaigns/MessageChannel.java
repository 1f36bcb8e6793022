package se.samla.campaigns;

import java.util.List;

import se.samla.directory.Person;
import se.samla.shared.Channel;

/**
 * A route to people, implemented by the channel modules (Teams, email). The dispatcher
 * chooses the route for each message and falls back to the next when one cannot reach the
 * person.
 */
public interface MessageChannel {

	Channel channel();

	/** Whether this channel can try to reach the person at all (e.g. has an address). */
	boolean canReach(Person person);

	/**
	 * Sends one message. Called at most once per outbox claim; must not throw for
	 * expected failures but say so in the result.
	 */
	Delivery deliver(OutgoingMessage message);

	/**
	 * Called with the messages the dispatcher is about to deliver one by one (those this
	 * channel may be asked for among them), so that a channel can do in one go what each
	 * of them needs before it is sent (the email channel's reply tokens). Optional: a
	 * message it did not see here is delivered all the same.
	 */
	default void prepare(List<OutgoingMessage> messages) {
	}

	/**
	 * Records what the channel keeps of a message it delivered ({@link Delivery.Sent}),
	 * in the same transaction in which the outbox marks the message sent: a crash keeps
	 * both or neither, and the message is sent again under the same key. Must not throw
	 * for a record that is already there (a message sent again after a crash).
	 */
	default void accepted(OutgoingMessage message, Delivery.Sent sent) {
	}

	/**
	 * The lane a message to the person goes in when this channel is its first route:
	 * messages of different lanes are delivered side by side, those of one lane one after
	 * another. A channel whose limits are per group of people (Teams: per tenant) names
	 * the group, so that groups do not wait for each other; the default is one lane.
	 */
	default String lane(Person person) {
		return "";
	}

	/**
	 * Called after the last message of a dispatch run, e.g. to close a connection the
	 * messages of the run shared.
	 */
	default void endOfBatch() {
	}

}
