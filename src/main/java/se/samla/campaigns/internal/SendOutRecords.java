package se.samla.campaigns.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;
import se.samla.surveys.QuestionnaireId;

/** Stores send-outs; the audience is kept as a small JSON document. */
@Repository
public class SendOutRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	SendOutRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SendOut> all() {
		return this.jdbc.sql("SELECT * FROM send_out ORDER BY opens_at, id").query(this::sendOut).list();
	}

	public Optional<SendOut> find(SendOutId id) {
		return this.jdbc.sql("SELECT * FROM send_out WHERE id = ?").param(id.value()).query(this::sendOut).optional();
	}

	/**
	 * Stores the definition; the operator's columns (closed, paused, extended deadline)
	 * stay.
	 */
	public void upsert(SendOut sendOut, Instant now) {
		String previous = (sendOut.previous() != null) ? sendOut.previous().value() : null;
		int updated = this.jdbc.sql("""
				UPDATE send_out SET title = ?, questionnaire_id = ?, audience = ?, opens_at = ?, deadline = ?,
				    source = ?, loaded_at = ?, rules = ?, previous_id = ?, enabled = ?
				WHERE id = ?
				""")
			.params(sendOut.title(), sendOut.questionnaire().value(), audience(sendOut.audience()),
					toSql(sendOut.opensAt()), toSql(sendOut.deadline()), sendOut.source(), toSql(now),
					RulesCodec.write(sendOut.rules()), previous, sendOut.enabled(), sendOut.id().value())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						INSERT INTO send_out (id, title, questionnaire_id, audience, opens_at, deadline, closed_at, paused_at,
						    source, loaded_at, rules, previous_id, enabled)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
				.params(sendOut.id().value(), sendOut.title(), sendOut.questionnaire().value(),
						audience(sendOut.audience()), toSql(sendOut.opensAt()), toSql(sendOut.deadline()),
						toSql(sendOut.closedAt()), toSql(sendOut.pausedAt()), sendOut.source(), toSql(now),
						RulesCodec.write(sendOut.rules()), previous, sendOut.enabled())
				.update();
		}
	}

	public void close(SendOutId id, Instant at) {
		this.jdbc.sql("UPDATE send_out SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
			.params(toSql(at), id.value())
			.update();
	}

	public void pause(SendOutId id, Instant at) {
		this.jdbc.sql("UPDATE send_out SET paused_at = ? WHERE id = ?").params(toSql(at), id.value()).update();
	}

	public void resume(SendOutId id) {
		this.jdbc.sql("UPDATE send_out SET paused_at = NULL WHERE id = ?").param(id.value()).update();
	}

	/** "Send now" on a send-out that has not opened yet opens it now. */
	public void openNow(SendOutId id, Instant at) {
		this.jdbc.sql("UPDATE send_out SET opens_override = ? WHERE id = ? AND opens_at > ?")
			.params(toSql(at), id.value(), toSql(at))
			.update();
	}

	public void extendDeadline(SendOutId id, Instant deadline) {
		this.jdbc.sql("UPDATE send_out SET deadline_override = ? WHERE id = ?")
			.params(toSql(deadline), id.value())
			.update();
	}

	private SendOut sendOut(ResultSet rs, int rowNum) throws SQLException {
		Instant override = instant(rs, "deadline_override");
		Instant opensOverride = instant(rs, "opens_override");
		String previous = rs.getString("previous_id");
		return new SendOut(new SendOutId(rs.getString("id")), rs.getString("title"),
				new QuestionnaireId(rs.getString("questionnaire_id")), audience(rs.getString("audience")),
				(opensOverride != null) ? opensOverride : instant(rs, "opens_at"),
				(override != null) ? override : instant(rs, "deadline"), instant(rs, "closed_at"),
				instant(rs, "paused_at"), rs.getString("source"),
				RulesCodec.read(rs.getString("rules"), ZoneId.of("Europe/Stockholm")),
				(previous != null) ? new SendOutId(previous) : null, rs.getBoolean("enabled"));
	}

	static String audience(Audience audience) {
		ObjectNode node = JSON.createObjectNode();
		audience.networks().stream().map(Network::name).sorted().forEach(node.putArray("networks")::add);
		audience.organisations()
			.stream()
			.map(OrganisationId::value)
			.sorted()
			.forEach(node.putArray("organisations")::add);
		audience.roles().forEach(node.putArray("roles")::add);
		node.put("activityOwners", audience.activityOwners());
		return JSON.writeValueAsString(node);
	}

	static Audience audience(String json) {
		JsonNode node = JSON.readTree(json);
		Set<Network> networks = new LinkedHashSet<>();
		node.path("networks").forEach(n -> networks.add(Network.valueOf(n.asString())));
		Set<OrganisationId> organisations = new LinkedHashSet<>();
		node.path("organisations").forEach(o -> organisations.add(new OrganisationId(o.asString())));
		List<String> roles = new ArrayList<>();
		node.path("roles").forEach(r -> roles.add(r.asString()));
		return new Audience(networks, organisations, roles, node.path("activityOwners").asBoolean(false));
	}

}
