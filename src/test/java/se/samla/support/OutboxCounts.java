package se.samla.support;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.shared.SendOutId;

/** What a send-out's outbox holds, read straight from the table, for benchmarks. */
public final class OutboxCounts {

	private OutboxCounts() {
	}

	/** Rows still waiting or being sent. */
	public static int unsettled(JdbcClient jdbc, SendOutId id) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = ? AND status IN ('PENDING', 'SENDING')")
			.param(id.value())
			.query(Integer.class)
			.single();
	}

	/** Rows per status, in the statuses' alphabetical order. */
	public static Map<String, Integer> byStatus(JdbcClient jdbc, SendOutId id) {
		Map<String, Integer> statuses = new TreeMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM outbox WHERE send_out_id = ? GROUP BY status")
			.param(id.value())
			.query((rs, n) -> statuses.put(rs.getString(1), rs.getInt(2)))
			.list();
		return statuses;
	}

}
