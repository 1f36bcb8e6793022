package se.samla.campaigns.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.campaigns.Delivery;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.OutgoingMessage;
import se.samla.directory.Person;
import se.samla.shared.Channel;

/**
 * Stands in for a channel that is not configured: logs that a message would go out (the
 * kind, the send-out and the person's id, never content). Nobody receives it, so it
 * answers {@link Delivery.Logged}, never sent; the outbox row ends as {@code LOGGED} and
 * {@code resend-logged} can send it once a channel is configured.
 */
class LoggingChannel implements MessageChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

	private final Channel channel;

	LoggingChannel(Channel channel) {
		this.channel = channel;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public boolean canReach(Person person) {
		return (this.channel == Channel.TEAMS) ? person.teams() != null : person.email() != null;
	}

	@Override
	public Delivery deliver(OutgoingMessage message) {
		log.info("[{} stand-in, not sent] {}{} of send-out {} to person {}", this.channel, message.kind(),
				(message.number() > 0) ? " " + message.number() : "", message.sendOut().id(),
				message.recipient().id().value());
		return new Delivery.Logged(Delivery.Logged.LOGGED_PREFIX + message.key().value());
	}

}
