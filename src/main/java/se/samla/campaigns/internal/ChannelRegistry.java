package se.samla.campaigns.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.samla.campaigns.MessageChannel;
import se.samla.shared.Channel;

/**
 * The channels messages can go by. A channel whose module is not there (yet) is stood in
 * for by a {@link LoggingChannel}, so the whole flow runs and can be tested before the
 * real Teams and email channels exist.
 */
@Component
class ChannelRegistry {

	private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

	private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

	ChannelRegistry(List<MessageChannel> available) {
		available.forEach(channel -> this.channels.put(channel.channel(), channel));
		for (Channel channel : List.of(Channel.TEAMS, Channel.EMAIL)) {
			if (!this.channels.containsKey(channel)) {
				log.info("No {} channel configured: messages by {} are logged instead of sent", channel, channel);
				this.channels.put(channel, new LoggingChannel(channel));
			}
		}
	}

	MessageChannel get(Channel channel) {
		return this.channels.get(channel);
	}

	void endOfBatch() {
		this.channels.values().forEach(MessageChannel::endOfBatch);
	}

}
