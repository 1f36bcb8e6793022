package se.samla.teams.internal;

import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.teams.internal.ConnectorFailure.Kind;
import se.samla.teams.internal.Conversations.Conversation;
import se.samla.teams.internal.SentMessages.Sent;
import se.samla.teams.internal.SentMessages.Status;

/**
 * Sends the bot's messages exactly once: each under a key booked before the request goes
 * out (see {@link SentMessages}).
 */
class Messenger {

	private static final Logger log = LoggerFactory.getLogger(Messenger.class);

	private final BotConnector connector;

	private final SentMessages sent;

	private final Clock clock;

	Messenger(BotConnector connector, SentMessages sent, Clock clock) {
		this.connector = connector;
		this.sent = sent;
		this.clock = clock;
	}

	BotConnector connector() {
		return this.connector;
	}

	/**
	 * Sends a message under a key, unless that key was sent (or may have been) before.
	 * @return the activity id when it was sent now or before, empty when it may have been
	 * sent before but its id is unknown
	 * @throws ConnectorFailure when Teams did not take it (the key may be tried again)
	 */
	Optional<String> sendOnce(String key, Conversation conversation, Activity activity) throws ConnectorFailure {
		Optional<Sent> before = this.sent.book(key, this.clock.instant());
		if (before.isPresent()) {
			log.debug("Teams message {} was sent before ({}); not sending it again", key, before.get().status());
			return Optional.ofNullable(before.get().activityId());
		}
		try {
			String id = this.connector.send(conversation.serviceUrl(), conversation.tenantId(),
					conversation.conversationId(), activity);
			this.sent.sent(key, conversation.conversationId(), id, this.clock.instant());
			return Optional.ofNullable(id);
		}
		catch (ConnectorFailure failure) {
			this.sent.failed(key, (failure.kind() == Kind.UNCERTAIN) ? Status.UNCERTAIN : Status.FAILED,
					failure.getMessage(), this.clock.instant());
			throw failure;
		}
	}

	/**
	 * Replaces a card already shown. Updating is idempotent, so it is simply retried;
	 * when it fails for good the old card stays, which is only cosmetic.
	 */
	boolean update(Conversation conversation, String activityId, Activity activity) {
		try {
			this.connector.update(conversation.serviceUrl(), conversation.tenantId(), conversation.conversationId(),
					activityId, activity);
			return true;
		}
		catch (ConnectorFailure failure) {
			log.info("Could not update card {} in a Teams chat: {}", activityId, failure.getMessage());
			return false;
		}
	}

	static Activity text(String text) {
		Activity activity = Activity.createMessageActivity();
		activity.setText(text);
		activity.setTextFormat(TextFormatTypes.PLAIN);
		return activity;
	}

	static Activity card(String text, ObjectNode card) {
		Activity activity = Activity.createMessageActivity();
		if (text != null) {
			activity.setText(text);
			activity.setTextFormat(TextFormatTypes.PLAIN);
		}
		Attachment attachment = new Attachment();
		attachment.setContentType(Cards.CONTENT_TYPE);
		attachment.setContent(card);
		activity.setAttachments(java.util.List.of(attachment));
		return activity;
	}

}
