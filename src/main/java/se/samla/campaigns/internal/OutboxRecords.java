package se.samla.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.campaigns.MessageKind;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * The outbox: every message is a row under a unique key before any channel sees it, and a
 * row is claimed (a conditional update) before it is delivered, so two dispatchers never
 * deliver the same row.
 */
@Repository
public class OutboxRecords {

	private final JdbcClient jdbc;

	OutboxRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a message unless its key is already there.
	 * @return whether this call recorded it
	 */
	public boolean enqueue(OutboxRow row) {
		try {
			this.jdbc
				.sql("""
						INSERT INTO outbox (id, message_key, send_out_id, person_id, kind, number, status, attempts, payload,
						    planned_at, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
						""")
				.params(row.id(), row.key(), row.sendOut().value(), row.person().value(), row.kind().name(),
						row.number(), Status.PENDING.name(), row.payload(), toSql(row.plannedAt()),
						toSql(row.createdAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException alreadyThere) {
			return false;
		}
	}

	/** The keys already recorded for a send-out. */
	public Set<String> keys(SendOutId sendOut) {
		return new HashSet<>(this.jdbc.sql("SELECT message_key FROM outbox WHERE send_out_id = ?")
			.param(sendOut.value())
			.query(String.class)
			.list());
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
	 * Claims a row for delivery by this instance.
	 * @return whether the claim succeeded (another instance may have been first)
	 */
	public boolean claim(UUID id, String instance, Instant now, Duration lease) {
		return this.jdbc.sql("""
				UPDATE outbox SET status = 'SENDING', claimed_at = ?, claimed_by = ?, attempts = attempts + 1
				WHERE id = ? AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < ?))
				""").params(toSql(now), instance, id, toSql(now.minus(lease))).update() == 1;
	}

	/** Ends a claimed row: sent, cancelled, failed for good or without a route. */
	public void finish(UUID id, Status status, Channel channel, String error, Instant now) {
		this.jdbc.sql("""
				UPDATE outbox SET status = ?, channel = ?, last_error = ?, finished_at = ?
				WHERE id = ? AND status = 'SENDING'
				""")
			.params(status.name(), (channel != null) ? channel.name() : null, truncate(error), toSql(now), id)
			.update();
	}

	/** Gives a claimed row back for a later attempt after a passing failure. */
	public void retryLater(UUID id, String error) {
		this.jdbc.sql("UPDATE outbox SET status = 'PENDING', last_error = ? WHERE id = ? AND status = 'SENDING'")
			.params(truncate(error), id)
			.update();
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 1000);
	}

	private OutboxRow row(ResultSet rs, int n) throws SQLException {
		String channel = rs.getString("channel");
		return new OutboxRow(rs.getObject("id", UUID.class), rs.getString("message_key"),
				new SendOutId(rs.getString("send_out_id")), new PersonId(rs.getObject("person_id", UUID.class)),
				MessageKind.valueOf(rs.getString("kind")), rs.getInt("number"), Status.valueOf(rs.getString("status")),
				(channel != null) ? Channel.valueOf(channel) : null, rs.getInt("attempts"), rs.getString("payload"),
				instant(rs, "planned_at"), instant(rs, "created_at"), instant(rs, "finished_at"),
				rs.getString("last_error"));
	}

	/** Where an outbox row stands. */
	public enum Status {

		PENDING, SENDING, SENT,
		/** Not sent because it became pointless (the person answered first). */
		CANCELLED,
		/** Gave up after repeated passing failures. */
		FAILED,
		/** No channel could reach the person. */
		NO_ROUTE

	}

	/** A recorded message as the planning side needs it. */
	public record Recorded(String key, PersonId person, MessageKind kind, int number, Instant at) {
	}

	/** One outbox row. */
	public record OutboxRow(UUID id, String key, SendOutId sendOut, PersonId person, MessageKind kind, int number,
			Status status, Channel channel, int attempts, String payload, Instant plannedAt, Instant createdAt,
			Instant finishedAt, String lastError) {

		public static OutboxRow pending(String key, SendOutId sendOut, PersonId person, MessageKind kind, int number,
				String payload, Instant plannedAt, Instant now) {
			return new OutboxRow(UUID.randomUUID(), key, sendOut, person, kind, number, Status.PENDING, null, 0,
					payload, plannedAt, now, null, null);
		}

	}

}
