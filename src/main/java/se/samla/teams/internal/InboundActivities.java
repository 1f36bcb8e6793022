package se.samla.teams.internal;

import static se.samla.shared.SqlTime.toSql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The activities Teams delivered, kept before they are acknowledged and worked through
 * one conversation at a time, oldest first. A claim with a lease makes sure one worker
 * (of any instance) handles an activity at a time; an activity whose worker died is
 * claimed again when the lease has run out.
 */
@Repository
class InboundActivities {

	enum Status {

		RECEIVED, DONE, FAILED

	}

	record Inbound(UUID id, String conversationId, String activityId, String type, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	InboundActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps an activity just received.
	 * @return false when the same activity (conversation and id) was kept before
	 */
	boolean keep(String conversationId, String activityId, String type, String body, Instant now) {
		try {
			this.jdbc
				.sql("""
						INSERT INTO teams_inbound (id, conversation_id, activity_id, activity_type, body, received_at, status)
						VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED')
						""")
				.params(UUID.randomUUID(), conversationId, activityId, type, body.getBytes(StandardCharsets.UTF_8),
						toSql(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException delivered) {
			return false;
		}
	}

	/** Conversations with activities waiting (and not claimed by a live worker). */
	List<String> waitingConversations(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT conversation_id, MIN(seq) AS first_seq FROM teams_inbound
				WHERE status = 'RECEIVED' AND (claimed_until IS NULL OR claimed_until < ?)
				GROUP BY conversation_id ORDER BY first_seq
				""").param(toSql(now)).query((rs, n) -> rs.getString(1)).list().stream().limit(limit).toList();
	}

	/**
	 * Claims the oldest waiting activity of a conversation, unless an older one is still
	 * being handled elsewhere (so a conversation's activities are handled in order).
	 */
	Optional<Inbound> claimNext(String conversationId, String worker, Instant now, Duration lease) {
		Optional<Inbound> oldest = this.jdbc.sql("""
				SELECT id, conversation_id, activity_id, activity_type, body, attempts, claimed_until
				FROM teams_inbound WHERE conversation_id = ? AND status = 'RECEIVED' ORDER BY seq
				""").param(conversationId).query((rs, n) -> {
			Instant claimedUntil = se.samla.shared.SqlTime.instant(rs, "claimed_until");
			byte[] body = rs.getBytes("body");
			Inbound inbound = new Inbound(rs.getObject("id", UUID.class), rs.getString("conversation_id"),
					rs.getString("activity_id"), rs.getString("activity_type"),
					(body != null) ? new String(body, StandardCharsets.UTF_8) : null, rs.getInt("attempts"));
			return (claimedUntil != null && claimedUntil.isAfter(now)) ? null : inbound;
		}).list().stream().findFirst().flatMap(Optional::ofNullable);
		if (oldest.isEmpty()) {
			return Optional.empty();
		}
		int claimed = this.jdbc.sql("""
				UPDATE teams_inbound SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
				WHERE id = ? AND status = 'RECEIVED' AND (claimed_until IS NULL OR claimed_until < ?)
				""").params(worker, toSql(now.plus(lease)), oldest.get().id(), toSql(now)).update();
		return (claimed == 1) ? oldest : Optional.empty();
	}

	void finish(UUID id, Status status, String detail, Instant now) {
		this.jdbc.sql("""
				UPDATE teams_inbound SET status = ?, detail = ?, processed_at = ?, claimed_until = NULL WHERE id = ?
				""")
			.params(status.name(), (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail,
					toSql(now), id)
			.update();
	}

	/** Lets an activity whose handling failed be tried again after a pause. */
	void release(UUID id, Instant retryAt, String detail) {
		this.jdbc.sql("UPDATE teams_inbound SET claimed_until = ?, detail = ? WHERE id = ?")
			.params(toSql(retryAt), detail, id)
			.update();
	}

	int count(Status status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound WHERE status = ?")
			.param(status.name())
			.query(Integer.class)
			.single();
	}

	/** Drops raw activities past their retention; the record of them stays. */
	int dropBodiesBefore(Instant cutoff) {
		return this.jdbc.sql(
				"UPDATE teams_inbound SET body = NULL WHERE received_at < ? AND status <> 'RECEIVED' AND body IS NOT NULL")
			.param(toSql(cutoff))
			.update();
	}

}
