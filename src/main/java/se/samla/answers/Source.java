package se.samla.answers;

import java.util.Objects;

import se.samla.shared.Channel;

/**
 * Where a change to a response came from: the channel and the id of the message that
 * carried it (a Teams activity id, an email Message-ID). The same message recorded twice
 * changes nothing.
 *
 * @param channel the channel
 * @param messageId the source message's id, or {@code null} when there is none
 */
public record Source(Channel channel, String messageId) {

	public Source {
		Objects.requireNonNull(channel, "channel");
		if (messageId != null && (messageId.isBlank() || messageId.length() > 500)) {
			throw new IllegalArgumentException("source message id must be 1-500 characters");
		}
	}

	public static Source of(Channel channel, String messageId) {
		return new Source(channel, messageId);
	}

}
