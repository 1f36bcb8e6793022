package se.samla.email.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * The emails Samla has read, kept raw with what became of them, and where reading
 * stopped.
 */
@Repository
public class InboundRecords {

	private final JdbcClient jdbc;

	InboundRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a message just read.
	 * @return its id, or empty when the same message was kept before (read twice)
	 */
	public Optional<UUID> keep(String messageKey, String messageId, Long uid, byte[] raw, Instant now) {
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					INSERT INTO email_inbound (id, message_key, message_id, imap_uid, raw, received_at, status)
					VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED')
					""").params(id, messageKey, messageId, uid, raw, toSql(now)).update();
			return Optional.of(id);
		}
		catch (DuplicateKeyException readBefore) {
			return Optional.empty();
		}
	}

	public void outcome(UUID id, InboundStatus status, String detail, String token, SendOutId sendOut, PersonId person,
			Instant now) {
		this.jdbc
			.sql("""
					UPDATE email_inbound SET status = ?, detail = ?, token = ?, send_out_id = ?, person_id = ?, processed_at = ?
					WHERE id = ?
					""")
			.params(status.name(), (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail,
					token, (sendOut != null) ? sendOut.value() : null, (person != null) ? person.value() : null,
					toSql(now), id)
			.update();
	}

	/** Marks an email that recorded nothing of what the person wrote. */
	public void markNotUnderstood(UUID id) {
		this.jdbc.sql("UPDATE email_inbound SET not_understood = TRUE WHERE id = ?").param(id).update();
	}

	/** How often processing the email failed for a reason that passes. */
	public int attempts(UUID id) {
		return this.jdbc.sql("SELECT attempts FROM email_inbound WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * Records a failure that passes; the email is processed again from {@code retryAt}.
	 */
	public void failed(UUID id, String detail, int attempts, Instant retryAt, Instant now) {
		this.jdbc.sql("""
				UPDATE email_inbound SET status = 'FAILED', detail = ?, attempts = ?, retry_at = ?, processed_at = ?
				WHERE id = ?
				""").params(detail, attempts, toSql(retryAt), toSql(now), id).update();
	}

	/**
	 * The failed emails whose time to try again has come (those failed before retries
	 * existed too), oldest first.
	 */
	public List<InboundRow> dueForRetry(Instant now) {
		return this.jdbc.sql("""
				SELECT * FROM email_inbound
				WHERE status = 'FAILED' AND raw IS NOT NULL AND (retry_at IS NULL OR retry_at <= ?)
				ORDER BY received_at
				""").param(toSql(now)).query(this::row).list();
	}

	/** Keeps the day an absence notice says its writer is back. */
	public void backOn(UUID id, LocalDate day) {
		this.jdbc.sql("UPDATE email_inbound SET back_on = ? WHERE id = ?").params(day, id).update();
	}

	/** Keeps an operator's decision on a held email. */
	public void decide(UUID inboundId, String decision, PersonId person, String outcome, Instant at) {
		this.jdbc.sql("""
				INSERT INTO email_review_decision (inbound_id, decision, person_id, outcome, decided_at)
				VALUES (?, ?, ?, ?, ?)
				""").params(inboundId, decision, (person != null) ? person.value() : null, outcome, toSql(at)).update();
	}

	public Optional<InboundRow> findByKey(String messageKey) {
		return this.jdbc.sql("SELECT * FROM email_inbound WHERE message_key = ?")
			.param(messageKey)
			.query(this::row)
			.optional();
	}

	public Optional<InboundRow> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM email_inbound WHERE id = ?").param(id).query(this::row).optional();
	}

	public List<InboundRow> withStatus(InboundStatus status) {
		return this.jdbc.sql("SELECT * FROM email_inbound WHERE status = ? ORDER BY received_at")
			.param(status.name())
			.query(this::row)
			.list();
	}

	/** Drops raw messages past their retention; the outcome stays. */
	public int dropRawBefore(Instant cutoff) {
		return this.jdbc.sql("UPDATE email_inbound SET raw = NULL WHERE received_at < ? AND raw IS NOT NULL")
			.param(toSql(cutoff))
			.update();
	}

	public Optional<long[]> imapState(String folder) {
		return this.jdbc.sql("SELECT uid_validity, last_uid FROM imap_state WHERE folder = ?")
			.param(folder)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
	}

	public void saveImapState(String folder, long uidValidity, long lastUid) {
		int updated = this.jdbc.sql("UPDATE imap_state SET uid_validity = ?, last_uid = ? WHERE folder = ?")
			.params(uidValidity, lastUid, folder)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO imap_state (folder, uid_validity, last_uid) VALUES (?, ?, ?)")
				.params(folder, uidValidity, lastUid)
				.update();
		}
	}

	private InboundRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String sendOut = rs.getString("send_out_id");
		UUID person = rs.getObject("person_id", UUID.class);
		return new InboundRow(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getBytes("raw"),
				instant(rs, "received_at"), InboundStatus.valueOf(rs.getString("status")), rs.getString("detail"),
				rs.getString("token"), (sendOut != null) ? new SendOutId(sendOut) : null,
				(person != null) ? new PersonId(person) : null);
	}

	/** One email read. */
	public record InboundRow(UUID id, String messageId, byte[] raw, Instant receivedAt, InboundStatus status,
			String detail, String token, SendOutId sendOut, PersonId person) {
	}

}
