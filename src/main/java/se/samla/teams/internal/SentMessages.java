package se.samla.teams.internal;

import static se.samla.shared.SqlTime.toSql;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the bot has sent, keyed per message, written before the request goes out. A key
 * already {@code SENT} or left {@code SENDING}/{@code UNCERTAIN} (a crash or a lost
 * answer: it may have been delivered) is never sent again; only a message Teams certainly
 * did not take ({@code FAILED}) may be tried again.
 */
@Repository
class SentMessages {

	enum Status {

		SENDING, SENT, UNCERTAIN, FAILED

	}

	record Sent(String key, String conversationId, String activityId, Status status) {
	}

	private final JdbcClient jdbc;

	SentMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Books the key for sending.
	 * @return empty when the caller may send now, or the earlier record that forbids it
	 */
	Optional<Sent> book(String key, Instant now) {
		try {
			this.jdbc.sql("""
					INSERT INTO teams_sent (send_key, status, created_at, updated_at) VALUES (?, 'SENDING', ?, ?)
					""").params(key, toSql(now), toSql(now)).update();
			return Optional.empty();
		}
		catch (DuplicateKeyException before) {
			int retaken = this.jdbc.sql(
					"UPDATE teams_sent SET status = 'SENDING', updated_at = ? WHERE send_key = ? AND status = 'FAILED'")
				.params(toSql(now), key)
				.update();
			return (retaken == 1) ? Optional.empty() : find(key);
		}
	}

	void sent(String key, String conversationId, String activityId, Instant now) {
		finish(key, Status.SENT, conversationId, activityId, null, now);
	}

	void failed(String key, Status status, String detail, Instant now) {
		finish(key, status, null, null, detail, now);
	}

	Optional<Sent> find(String key) {
		return this.jdbc.sql("SELECT send_key, conversation_id, activity_id, status FROM teams_sent WHERE send_key = ?")
			.param(key)
			.query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3),
					Status.valueOf(rs.getString(4))))
			.optional();
	}

	private void finish(String key, Status status, String conversationId, String activityId, String detail,
			Instant now) {
		this.jdbc.sql("""
				UPDATE teams_sent SET status = ?, conversation_id = COALESCE(?, conversation_id),
				    activity_id = COALESCE(?, activity_id), detail = ?, updated_at = ?
				WHERE send_key = ?
				""")
			.params(status.name(), conversationId, activityId,
					(detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail, toSql(now), key)
			.update();
	}

}
