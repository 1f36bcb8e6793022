package se.samla.campaigns;

import java.util.Map;
import java.util.Set;

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
	 * Every person some channel is known not to reach, with those channels: one read for
	 * a whole list of people.
	 */
	Map<PersonId, Set<Channel>> unreachableRoutes();

}
