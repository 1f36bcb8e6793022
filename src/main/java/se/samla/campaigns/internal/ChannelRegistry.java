package se.samla.campaigns.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.samla.campaigns.MessageChannel;
import se.samla.shared.Channel;

/**
 * The channels messages can go by. A channel that is not configured (Teams without an app
 * registration, email switched off) is stood in for by a {@link LoggingChannel}, so the
 * whole flow runs; the dispatcher uses a stand-in only when no configured channel can
 * reach the person, and records what it did as logged, never as sent.
 */
@Component
class ChannelRegistry {

	private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

	private final Map<Channel, MessageChannel> configured = new EnumMap<>(Channel.class);

	private final Map<Channel, MessageChannel> standIns = new EnumMap<>(Channel.class);

	ChannelRegistry(List<MessageChannel> available) {
		available.forEach(channel -> this.configured.put(channel.channel(), channel));
		for (Channel channel : List.of(Channel.TEAMS, Channel.EMAIL)) {
			this.standIns.put(channel, new LoggingChannel(channel));
			if (!this.configured.containsKey(channel)) {
				log.info("No {} channel configured: messages only {} could reach are logged, not sent", channel,
						channel);
			}
		}
	}

	/** The real channel, if it is configured. */
	Optional<MessageChannel> configured(Channel channel) {
		return Optional.ofNullable(this.configured.get(channel));
	}

	/** The stand-in that logs what would go by a channel that is not configured. */
	MessageChannel standIn(Channel channel) {
		return this.standIns.get(channel);
	}

	void endOfBatch() {
		this.configured.values().forEach(MessageChannel::endOfBatch);
	}

}
