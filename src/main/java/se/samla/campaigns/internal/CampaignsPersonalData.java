package se.samla.campaigns.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.shared.PersonalDataHolder;

import static se.samla.shared.SqlTime.instant;

/**
 * The messages planned and sent to a person (outbox rows; their text is composed when
 * sent, so only the key, kind and outcome are kept) and what Samla learnt about reaching
 * them. Erasure keeps the outbox rows, which make each message exactly once and count who
 * was invited, without the last error (a bounce or a server's answer may quote the
 * address), and deletes the contact routes.
 */
@Component
@Order(30)
class CampaignsPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	CampaignsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "messages";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> messages = new LinkedHashMap<>();
		messages.put("outbox", this.jdbc.sql("""
				SELECT message_key, send_out_id, kind, number, status, channel, planned_at, finished_at, last_error
				FROM outbox WHERE person_id = ? ORDER BY planned_at, message_key
				""").param(subject.id()).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("key", rs.getString("message_key"));
			row.put("sendOut", rs.getString("send_out_id"));
			row.put("kind", rs.getString("kind"));
			row.put("number", rs.getInt("number"));
			row.put("status", rs.getString("status"));
			row.put("channel", rs.getString("channel"));
			row.put("plannedAt", instant(rs, "planned_at"));
			row.put("finishedAt", instant(rs, "finished_at"));
			row.put("lastError", rs.getString("last_error"));
			return row;
		}).list());
		messages.put("contactRoutes", this.jdbc.sql(
				"SELECT channel, reachable, reason, updated_at FROM contact_route WHERE person_id = ? ORDER BY channel")
			.param(subject.id())
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("channel", rs.getString("channel"));
				row.put("reachable", rs.getBoolean("reachable"));
				row.put("reason", rs.getString("reason"));
				row.put("updatedAt", instant(rs, "updated_at"));
				return row;
			})
			.list());
		return messages;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int errors = this.jdbc.sql("UPDATE outbox SET last_error = NULL WHERE person_id = ? AND last_error IS NOT NULL")
			.param(subject.id())
			.update();
		int routes = this.jdbc.sql("DELETE FROM contact_route WHERE person_id = ?").param(subject.id()).update();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("outboxErrorsRemoved", errors);
		counts.put("contactRoutesDeleted", routes);
		return counts;
	}

}
