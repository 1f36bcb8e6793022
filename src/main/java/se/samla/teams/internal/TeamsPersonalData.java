package se.samla.teams.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.shared.PersonalDataHolder;
import se.samla.teams.TeamsProperties;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * A person's Teams chat with the bot: the conversation reference, the activities Teams
 * delivered in it (raw, while retained) and Samla's attempts to install its app for them.
 * Erasure deletes both; what the bot sent keeps its key (so nothing is sent twice)
 * without the conversation it went to. Handled activities are deleted once past
 * {@code samla.teams.retention}, whether or not Teams is enabled now.
 */
@Component
@Order(40)
class TeamsPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final TeamsProperties properties;

	TeamsPersonalData(JdbcClient jdbc, TeamsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public String section() {
		return "teams";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> teams = new LinkedHashMap<>();
		List<Map<String, Object>> conversations = this.jdbc.sql("""
				SELECT conversation_id, tenant_id, user_id, service_url, current_send_out, updated_at
				FROM teams_conversation WHERE LOWER(aad_object_id) = ?
				""").param(entraId(subject)).query((rs, n) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("conversationId", rs.getString("conversation_id"));
			row.put("tenantId", rs.getString("tenant_id"));
			row.put("userId", rs.getString("user_id"));
			row.put("serviceUrl", rs.getString("service_url"));
			row.put("currentSendOut", rs.getString("current_send_out"));
			row.put("updatedAt", instant(rs, "updated_at"));
			return row;
		}).list();
		teams.put("conversations", conversations);
		List<Map<String, Object>> activities = new ArrayList<>();
		for (Activity activity : activities(subject)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("conversationId", activity.conversationId());
			row.put("activityId", activity.activityId());
			row.put("type", activity.type());
			row.put("receivedAt", activity.receivedAt());
			row.put("status", activity.status());
			row.put("activity", (activity.body() != null) ? new String(activity.body(), StandardCharsets.UTF_8) : null);
			activities.add(row);
		}
		teams.put("activities", activities);
		teams.put("appInstallations",
				this.jdbc
					.sql("SELECT tenant_id, outcome, reason, tried_at FROM teams_app_install WHERE aad_object_id = ?")
					.param(entraId(subject))
					.query((rs, n) -> {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("tenantId", rs.getString("tenant_id"));
						row.put("outcome", rs.getString("outcome"));
						row.put("reason", rs.getString("reason"));
						row.put("triedAt", instant(rs, "tried_at"));
						return row;
					})
					.list());
		return teams;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		List<String> conversations = this.jdbc
			.sql("SELECT conversation_id FROM teams_conversation WHERE LOWER(aad_object_id) = ?")
			.param(entraId(subject))
			.query(String.class)
			.list();
		int activities = 0;
		for (Activity activity : activities(subject)) {
			activities += this.jdbc.sql("DELETE FROM teams_inbound WHERE id = ?").param(activity.id()).update();
		}
		int sent = 0;
		for (String conversation : conversations) {
			sent += this.jdbc.sql("UPDATE teams_sent SET conversation_id = NULL WHERE conversation_id = ?")
				.param(conversation)
				.update();
		}
		int references = this.jdbc.sql("DELETE FROM teams_conversation WHERE LOWER(aad_object_id) = ?")
			.param(entraId(subject))
			.update();
		int installations = this.jdbc.sql("DELETE FROM teams_app_install WHERE aad_object_id = ?")
			.param(entraId(subject))
			.update();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("teamsConversationsDeleted", references);
		counts.put("teamsAppInstallationsDeleted", installations);
		counts.put("teamsActivitiesDeleted", activities);
		counts.put("teamsSentUnlinked", sent);
		return counts;
	}

	@Override
	public Map<String, Integer> removeExpired(Instant now) {
		int deleted = this.jdbc.sql("DELETE FROM teams_inbound WHERE received_at < ? AND status <> 'RECEIVED'")
			.param(toSql(now.minus(this.properties.retention())))
			.update();
		return Map.of("teamsActivitiesDeleted", deleted);
	}

	/**
	 * The activities of the person's chat, and any other that names their Entra id (Teams
	 * puts it in every activity's sender; a chat Teams moved has left older activities
	 * under another conversation id).
	 */
	private List<Activity> activities(DataSubject subject) {
		String entraId = entraId(subject);
		if (entraId.isEmpty()) {
			return List.of();
		}
		List<String> conversations = this.jdbc
			.sql("SELECT conversation_id FROM teams_conversation WHERE LOWER(aad_object_id) = ?")
			.param(entraId)
			.query(String.class)
			.list();
		return this.jdbc.sql("""
				SELECT id, conversation_id, activity_id, activity_type, received_at, status, body
				FROM teams_inbound ORDER BY seq
				""")
			.query((rs, n) -> new Activity(rs.getObject("id", UUID.class), rs.getString("conversation_id"),
					rs.getString("activity_id"), rs.getString("activity_type"), instant(rs, "received_at"),
					rs.getString("status"), rs.getBytes("body")))
			.list()
			.stream()
			.filter(activity -> conversations.contains(activity.conversationId()) || (activity.body() != null
					&& new String(activity.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(entraId)))
			.toList();
	}

	private record Activity(UUID id, String conversationId, String activityId, String type, Instant receivedAt,
			String status, byte[] body) {
	}

	private static String entraId(DataSubject subject) {
		return (subject.entraObjectId() != null) ? subject.entraObjectId().toLowerCase(Locale.ROOT) : "";
	}

}
