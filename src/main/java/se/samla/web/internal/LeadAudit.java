package se.samla.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.shared.SqlTime;

/** Who did what on the project leads' pages, kept in {@code web_audit}. */
class LeadAudit {

	private final JdbcClient jdbc;

	private final Clock clock;

	LeadAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String actor, String action, String sendOut, String detail) {
		String kept = (detail != null && detail.length() > 400) ? detail.substring(0, 399) + "…" : detail;
		this.jdbc.sql("INSERT INTO web_audit (at, actor, action, send_out_id, detail) VALUES (?, ?, ?, ?, ?)")
			.params(SqlTime.toSql(this.clock.instant()), actor, action, sendOut, kept)
			.update();
	}

	List<Entry> forSendOut(String sendOut) {
		return this.jdbc
			.sql("SELECT at, actor, action, detail FROM web_audit WHERE send_out_id = ? ORDER BY at DESC, id DESC")
			.param(sendOut)
			.query((rs, n) -> new Entry(SqlTime.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("detail")))
			.list();
	}

	/** The latest entries of these actions, newest first. */
	List<Entry> latest(List<String> actions, int limit) {
		return this.jdbc
			.sql("SELECT at, actor, action, detail FROM web_audit WHERE action IN (:actions)"
					+ " ORDER BY at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.param("actions", actions)
			.param("limit", limit)
			.query((rs, n) -> new Entry(SqlTime.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("detail")))
			.list();
	}

	record Entry(Instant at, String actor, String action, String detail) {
	}

}
