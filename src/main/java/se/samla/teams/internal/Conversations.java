package se.samla.teams.internal;

import static se.samla.shared.SqlTime.toSql;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each person's 1:1 chat with the bot (by Entra object id), and where the conversation
 * with them stands: which send-out they are answering and the last question card shown.
 */
@Repository
class Conversations {

	private final JdbcClient jdbc;

	Conversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A chat with a person.
	 *
	 * @param aadObjectId the person's Entra object id
	 * @param tenantId their tenant
	 * @param userId their Teams user id ({@code 29:...}), once Teams has told us
	 * @param conversationId the chat
	 * @param serviceUrl where the chat's Bot Connector is
	 * @param currentSendOut the send-out the person is answering, if any
	 * @param lastCardId the card that takes input now (the last question card or summary
	 * shown, not yet answered), to mark it answered or superseded; {@code null} when none
	 * does
	 * @param lastCardStep the question that card asked, or {@code Bot.SUMMARY}
	 */
	record Conversation(String aadObjectId, String tenantId, String userId, String conversationId, String serviceUrl,
			String currentSendOut, String lastCardId, String lastCardStep) {
	}

	Optional<Conversation> find(String aadObjectId) {
		return this.jdbc.sql("SELECT * FROM teams_conversation WHERE aad_object_id = ?")
			.param(aadObjectId)
			.query((rs, n) -> new Conversation(rs.getString("aad_object_id"), rs.getString("tenant_id"),
					rs.getString("user_id"), rs.getString("conversation_id"), rs.getString("service_url"),
					rs.getString("current_send_out"), rs.getString("last_card_id"), rs.getString("last_card_step")))
			.optional();
	}

	/**
	 * Keeps where a person's chat is, as Teams last said (or as the bot opened it): Teams
	 * may move a conversation to another service URL, and the newest wins.
	 */
	void remember(String aadObjectId, String tenantId, String userId, String conversationId, String serviceUrl,
			Instant now) {
		int updated = update(aadObjectId, tenantId, userId, conversationId, serviceUrl, now);
		if (updated == 0) {
			try {
				this.jdbc
					.sql("""
							INSERT INTO teams_conversation (aad_object_id, tenant_id, user_id, conversation_id, service_url, updated_at)
							VALUES (?, ?, ?, ?, ?, ?)
							""")
					.params(aadObjectId, tenantId, userId, conversationId, serviceUrl, toSql(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				update(aadObjectId, tenantId, userId, conversationId, serviceUrl, now);
			}
		}
	}

	private int update(String aadObjectId, String tenantId, String userId, String conversationId, String serviceUrl,
			Instant now) {
		return this.jdbc.sql("""
				UPDATE teams_conversation
				SET tenant_id = COALESCE(?, tenant_id), user_id = COALESCE(?, user_id), conversation_id = ?,
				    service_url = ?, updated_at = ?
				WHERE aad_object_id = ?
				""").params(tenantId, userId, conversationId, serviceUrl, toSql(now), aadObjectId).update();
	}

	void answering(String aadObjectId, String sendOut) {
		this.jdbc.sql("UPDATE teams_conversation SET current_send_out = ? WHERE aad_object_id = ?")
			.params(sendOut, aadObjectId)
			.update();
	}

	/** The question card just shown (or none: {@code null}s). */
	void cardShown(String aadObjectId, String cardId, String step) {
		this.jdbc.sql("UPDATE teams_conversation SET last_card_id = ?, last_card_step = ? WHERE aad_object_id = ?")
			.params(cardId, step, aadObjectId)
			.update();
	}

}
