package se.samla.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.campaigns.MessageKind;
import se.samla.campaigns.OutboxKey;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * The outbox: every message is a row under a unique key before any channel sees it, and a
 * row is claimed (a conditional update) before it is delivered, so two dispatchers never
 * deliver the same row. A claim names its holder (a token unique to one dispatcher run)
 * and the moment it was taken or last renewed; only the holder can finish the row or give
 * it back, so a dispatcher whose claim was taken over (it looked dead) cannot overwrite
 * the new holder's outcome.
 */
@Repository
public class OutboxRecords {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OutboxRecords(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Records a message unless its key is already there.
	 * @return whether this call recorded it
	 */
	public boolean enqueue(OutboxRow row) {
		return insert(row);
	}

	/**
	 * Records messages in one transaction (one write to disk instead of one per message),
	 * each unless its key is already there.
	 * @return how many this call recorded
	 */
	public int enqueueAll(List<OutboxRow> rows) {
		Integer recorded = this.transactions.execute(status -> {
			int count = 0;
			for (OutboxRow row : rows) {
				count += insert(row) ? 1 : 0;
			}
			return count;
		});
		return (recorded != null) ? recorded : 0;
	}

	private boolean insert(OutboxRow row) {
		// ON CONFLICT rather than catching the duplicate: on PostgreSQL a failed
		// statement
		// would abort the transaction enqueueAll runs in.
		return this.jdbc.sql("""
				INSERT INTO outbox (id, message_key, send_out_id, person_id, kind, number, status, attempts, payload,
				    planned_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(row.id(), row.key().value(), row.sendOut().value(), row.person().value(), row.kind().name(),
					row.number(), Status.PENDING.name(), row.payload(), toSql(row.plannedAt()), toSql(row.createdAt()))
			.update() == 1;
	}

	/** The keys already recorded for a send-out. */
	public Set<OutboxKey> keys(SendOutId sendOut) {
		Set<OutboxKey> keys = new HashSet<>();
		this.jdbc.sql("SELECT message_key FROM outbox WHERE send_out_id = ?")
			.param(sendOut.value())
			.query(String.class)
			.list()
			.forEach(key -> keys.add(OutboxKey.parse(key)));
		return keys;
	}

	/**
	 * Every message recorded for a send-out, lightly: its key, recipient, kind and when
	 * it went out (or was recorded, if it has not gone out).
	 */
	public List<Recorded> recorded(SendOutId sendOut) {
		return this.jdbc.sql("""
				SELECT message_key, person_id, kind, number, COALESCE(finished_at, created_at) AS at
				FROM outbox WHERE send_out_id = ?
				""")
			.param(sendOut.value())
			.query((rs, n) -> new Recorded(rs.getString("message_key"),
					new PersonId(rs.getObject("person_id", UUID.class)), MessageKind.valueOf(rs.getString("kind")),
					rs.getInt("number"), instant(rs, "at")))
			.list();
	}

	public List<OutboxRow> forSendOut(SendOutId sendOut) {
		return this.jdbc.sql("SELECT * FROM outbox WHERE send_out_id = ? ORDER BY created_at, message_key")
			.param(sendOut.value())
			.query(this::row)
			.list();
	}

	/**
	 * Rows waiting for delivery, and rows whose claim has outlived its lease (a crashed
	 * sender).
	 */
	public List<OutboxRow> deliverable(Instant now, Duration lease, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM outbox
				WHERE status = 'PENDING' OR (status = 'SENDING' AND claimed_at < ?)
				ORDER BY created_at, message_key
				LIMIT ?
				""").params(toSql(now.minus(lease)), limit).query(this::row).list();
	}

	/**
	 * Claims a row for delivery: a row waiting, or one whose claim has outlived its
	 * lease.
	 * @param token the claimant, unique to one dispatcher run
	 * @param now the moment of claiming (not the start of the run: a long run's later
	 * claims must not look old)
	 * @return whether the claim succeeded (another dispatcher may have been first)
	 */
	public boolean claim(UUID id, String token, Instant now, Duration lease) {
		return this.jdbc.sql("""
				UPDATE outbox SET status = 'SENDING', claimed_at = ?, claimed_by = ?, attempts = attempts + 1
				WHERE id = ? AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < ?))
				""").params(toSql(now), token, id, toSql(now.minus(lease))).update() == 1;
	}

	/**
	 * Claims several rows at once, as {@link #claim} claims one: one write instead of one
	 * per message. The rows claimed wait for their turn under the same lease, renewed
	 * like any claim, so a crash leaves them to another dispatcher after the lease.
	 * @return the rows this call claimed (another dispatcher may have been first to some)
	 */
	public Set<UUID> claimAll(Collection<UUID> ids, String token, Instant now, Duration lease) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		int claimed = this.jdbc.sql("""
				UPDATE outbox SET status = 'SENDING', claimed_at = :now, claimed_by = :token, attempts = attempts + 1
				WHERE id IN (:ids) AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < :expired))
				""")
			.param("now", toSql(now))
			.param("token", token)
			.param("ids", ids)
			.param("expired", toSql(now.minus(lease)))
			.update();
		if (claimed == 0) {
			return Set.of();
		}
		// A token is one run's, and the run claims each row once: every row of these now
		// held by it is one this call claimed.
		return new HashSet<>(
				this.jdbc.sql("SELECT id FROM outbox WHERE id IN (:ids) AND claimed_by = :token AND status = 'SENDING'")
					.param("ids", ids)
					.param("token", token)
					.query(UUID.class)
					.list());
	}

	/**
	 * Renews every claim a dispatcher run holds, so that its work in progress never looks
	 * abandoned however long the run takes.
	 * @return how many claims were renewed
	 */
	public int renew(String token, Instant now) {
		return this.jdbc.sql("UPDATE outbox SET claimed_at = ? WHERE claimed_by = ? AND status = 'SENDING'")
			.params(toSql(now), token)
			.update();
	}

	/**
	 * Ends a claimed row: sent, logged by a stand-in, cancelled, failed for good or
	 * without a route. Only the claim's holder can.
	 * @param reference the channel's reference for what it did (Message-ID, activity id,
	 * or a stand-in's {@code logged:} reference), or {@code null}
	 * @return whether the row was still this holder's (else nothing changed)
	 */
	public boolean finish(UUID id, String token, Status status, Channel channel, String reference, String error,
			Instant now) {
		return this.jdbc.sql("""
				UPDATE outbox SET status = ?, channel = ?, reference = ?, last_error = ?, finished_at = ?
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
				""")
			.params(status.name(), (channel != null) ? channel.name() : null, truncate(reference), truncate(error),
					toSql(now), id, token)
			.update() == 1;
	}

	/**
	 * Gives a claimed row back for a later attempt after a passing failure. Only the
	 * claim's holder can.
	 * @return whether the row was still this holder's
	 */
	public boolean retryLater(UUID id, String token, String error) {
		return this.jdbc.sql("""
				UPDATE outbox SET status = 'PENDING', last_error = ?
				WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
				""").params(truncate(error), id, token).update() == 1;
	}

	/**
	 * Puts the messages of a send-out that a stand-in only logged back to waiting, so the
	 * next dispatcher run sends them by a real channel: rows ended as {@code LOGGED}, and
	 * rows an earlier version marked {@code SENT} with a stand-in's reference.
	 * @return how many messages will be sent again
	 */
	public int requeueLogged(SendOutId sendOut) {
		return this.jdbc
			.sql("""
					UPDATE outbox SET status = 'PENDING', channel = NULL, reference = NULL, finished_at = NULL,
					    claimed_at = NULL, claimed_by = NULL, attempts = 0, last_error = 'only logged by a stand-in; queued again'
					WHERE send_out_id = ? AND (status = 'LOGGED' OR (status = 'SENT' AND reference LIKE 'logged:%'))
					""")
			.param(sendOut.value())
			.update();
	}

	/**
	 * How many messages of each kind and number a real channel took for a send-out (not
	 * those a stand-in only logged).
	 */
	public List<SentCount> sentCounts(SendOutId sendOut) {
		return this.jdbc.sql("""
				SELECT kind, number, COUNT(*) AS sent, MAX(finished_at) AS last_sent FROM outbox
				WHERE send_out_id = ? AND status = 'SENT' AND (reference IS NULL OR reference NOT LIKE 'logged:%')
				GROUP BY kind, number
				""")
			.param(sendOut.value())
			.query((rs, n) -> new SentCount(MessageKind.valueOf(rs.getString("kind")), rs.getInt("number"),
					rs.getInt("sent"), instant(rs, "last_sent")))
			.list();
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 1000);
	}

	private OutboxRow row(ResultSet rs, int n) throws SQLException {
		String channel = rs.getString("channel");
		return new OutboxRow(rs.getObject("id", UUID.class), OutboxKey.parse(rs.getString("message_key")),
				new SendOutId(rs.getString("send_out_id")), new PersonId(rs.getObject("person_id", UUID.class)),
				MessageKind.valueOf(rs.getString("kind")), rs.getInt("number"), Status.valueOf(rs.getString("status")),
				(channel != null) ? Channel.valueOf(channel) : null, rs.getInt("attempts"), rs.getString("payload"),
				instant(rs, "planned_at"), instant(rs, "created_at"), instant(rs, "finished_at"),
				rs.getString("last_error"), rs.getString("reference"));
	}

	/** Where an outbox row stands. */
	public enum Status {

		PENDING, SENDING,
		/** A real channel accepted it. */
		SENT,
		/**
		 * Not sent: no configured channel could reach the person, and a stand-in only
		 * logged it. {@code resend-logged} puts it back to {@link #PENDING}.
		 */
		LOGGED,
		/** Not sent because it became pointless (the person answered first). */
		CANCELLED,
		/** Gave up after repeated passing failures. */
		FAILED,
		/** No channel could reach the person. */
		NO_ROUTE

	}

	/** How many messages of a kind and number went out. */
	public record SentCount(MessageKind kind, int number, int sent, Instant lastSent) {
	}

	/** A recorded message as the planning side needs it. */
	public record Recorded(String key, PersonId person, MessageKind kind, int number, Instant at) {
	}

	/** One outbox row. */
	public record OutboxRow(UUID id, OutboxKey key, SendOutId sendOut, PersonId person, MessageKind kind, int number,
			Status status, Channel channel, int attempts, String payload, Instant plannedAt, Instant createdAt,
			Instant finishedAt, String lastError, String reference) {

		/**
		 * A new row for a key; send-out, person, kind and number are the key's (kept in
		 * their own columns for queries).
		 */
		public static OutboxRow pending(OutboxKey key, String payload, Instant plannedAt, Instant now) {
			return new OutboxRow(UUID.randomUUID(), key, key.sendOut(), key.person(), key.kind().messageKind(),
					key.kind().number(), Status.PENDING, null, 0, payload, plannedAt, now, null, null, null);
		}

	}

}
