package se.samla.campaigns;

import se.samla.directory.PersonId;
import se.samla.shared.Channel;

/**
 * What Samla has learnt about reaching people: channels report an address that bounces or
 * a Teams app that is blocked, and the dispatcher routes around it.
 */
public interface ContactRoutes {

	void markUnreachable(PersonId person, Channel channel, String reason);

	/** A human reply by this channel proves it works again. */
	void markReachable(PersonId person, Channel channel);

	boolean isReachable(PersonId person, Channel channel);

	/**
	 * Every broken route at once (one query, for pages that look at everyone): the
	 * channels by which each person is known not to be reachable.
	 */
	java.util.Map<PersonId, java.util.Set<Channel>> unreachableChannels();

}
