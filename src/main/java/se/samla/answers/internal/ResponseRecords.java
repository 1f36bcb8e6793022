package se.samla.answers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseStatus;
import se.samla.answers.StepKey;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * Reads and writes responses, answers and the audit trail. Plain SQL because the engine
 * needs row locks and an append-only audit table, which aggregates do not express well.
 */
@Repository
public class ResponseRecords {

	/** The step key used in the audit trail for changes to the whole response. */
	public static final String RESPONSE_LEVEL = "-";

	/**
	 * The step key of an operator's decision on a held email: apart from
	 * {@link #RESPONSE_LEVEL}, so the submit that may follow from the same email is
	 * recorded too.
	 */
	public static final String REVIEW_LEVEL = "-review";

	/** The step key of an erasure of the response's free text. */
	public static final String ERASURE_LEVEL = "-erasure";

	private final JdbcClient jdbc;

	ResponseRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ResponseRow> find(ResponseId id) {
		return this.jdbc.sql("SELECT * FROM response WHERE id = ?")
			.param(id.value())
			.query(this::responseRow)
			.optional();
	}

	/**
	 * Reads the response and locks its row until the transaction ends: one change at a
	 * time.
	 */
	public Optional<ResponseRow> lock(ResponseId id) {
		return this.jdbc.sql("SELECT * FROM response WHERE id = ? FOR UPDATE")
			.param(id.value())
			.query(this::responseRow)
			.optional();
	}

	public Optional<ResponseRow> find(SendOutId sendOut, PersonId person) {
		return this.jdbc.sql("SELECT * FROM response WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), person.value())
			.query(this::responseRow)
			.optional();
	}

	public List<ResponseRow> forSendOut(SendOutId sendOut) {
		return this.jdbc.sql("SELECT * FROM response WHERE send_out_id = ? ORDER BY started_at, id")
			.param(sendOut.value())
			.query(this::responseRow)
			.list();
	}

	public List<PersonId> submitted(SendOutId sendOut) {
		return this.jdbc.sql("SELECT person_id FROM response WHERE send_out_id = ? AND status = 'SUBMITTED'")
			.param(sendOut.value())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	public List<ResponseRow> forPerson(PersonId person) {
		return this.jdbc.sql("SELECT * FROM response WHERE person_id = ? ORDER BY started_at, id")
			.param(person.value())
			.query(this::responseRow)
			.list();
	}

	public void insert(ResponseRow row) {
		this.jdbc.sql("""
				INSERT INTO response (id, send_out_id, person_id, questionnaire_id, questionnaire_version, items,
				    status, current_step, started_channel, started_at, updated_at)
				VALUES (:id, :sendOut, :person, :questionnaire, :version, :items, :status, :current, :channel, :at, :at)
				""")
			.param("id", row.id().value())
			.param("sendOut", row.sendOut().value())
			.param("person", row.person().value())
			.param("questionnaire", row.questionnaireId())
			.param("version", row.questionnaireVersion())
			.param("items", row.items().isEmpty() ? null : String.join(",", row.items()))
			.param("status", row.status().name())
			.param("current", (row.current() != null) ? row.current().toString() : null)
			.param("channel", row.startedChannel().name())
			.param("at", toSql(row.startedAt()))
			.update();
	}

	public void updateCurrent(ResponseId id, StepKey current, Instant at) {
		this.jdbc.sql("UPDATE response SET current_step = ?, updated_at = ? WHERE id = ?")
			.params((current != null) ? current.toString() : null, toSql(at), id.value())
			.update();
	}

	public void markSubmitted(ResponseId id, Channel channel, Instant at) {
		this.jdbc
			.sql("UPDATE response SET status = ?, submitted_at = ?, submitted_channel = ?, updated_at = ? WHERE id = ?")
			.params(ResponseStatus.SUBMITTED.name(), toSql(at), channel.name(), toSql(at), id.value())
			.update();
	}

	public Map<StepKey, AnswerRow> answers(ResponseId id) {
		Map<StepKey, AnswerRow> answers = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM answer WHERE response_id = ?")
			.param(id.value())
			.query(this::answerRow)
			.list()
			.forEach(row -> answers.put(row.step(), row));
		return answers;
	}

	/** The channel each answer of a send-out's responses came by, in one query. */
	public Map<ResponseId, Map<StepKey, Channel>> answerChannels(SendOutId sendOut) {
		Map<ResponseId, Map<StepKey, Channel>> channels = new HashMap<>();
		this.jdbc.sql("""
				SELECT a.response_id, a.step_key, a.channel FROM answer a JOIN response r ON r.id = a.response_id
				WHERE r.send_out_id = ?
				""").param(sendOut.value()).query((rs, n) -> {
			channels.computeIfAbsent(new ResponseId(rs.getObject(1, UUID.class)), id -> new HashMap<>())
				.put(StepKey.parse(rs.getString(2)), Channel.valueOf(rs.getString(3)));
			return null;
		}).list();
		return channels;
	}

	public void saveAnswer(ResponseId id, AnswerRow answer) {
		int updated = this.jdbc.sql("""
				UPDATE answer SET skipped = ?, answer_value = ?, channel = ?, source_message_id = ?, recorded_at = ?
				WHERE response_id = ? AND step_key = ?
				""")
			.params(answer.skipped(), answer.value(), answer.channel().name(), answer.sourceMessageId(),
					toSql(answer.recordedAt()), id.value(), answer.step().toString())
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						INSERT INTO answer (response_id, step_key, skipped, answer_value, channel, source_message_id, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						""")
				.params(id.value(), answer.step().toString(), answer.skipped(), answer.value(), answer.channel().name(),
						answer.sourceMessageId(), toSql(answer.recordedAt()))
				.update();
		}
	}

	public boolean alreadyRecorded(ResponseId id, String stepKey, Channel channel, String sourceMessageId) {
		if (sourceMessageId == null) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM response_audit
				WHERE response_id = ? AND step_key = ? AND channel = ? AND source_message_id = ?
				""").params(id.value(), stepKey, channel.name(), sourceMessageId).query(Long.class).single() > 0;
	}

	public void audit(AuditRow row) {
		this.jdbc.sql("""
				INSERT INTO response_audit (response_id, step_key, action, old_value, new_value, channel,
				    source_message_id, occurred_at, operator, original_sender)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(row.response().value(), row.stepKey(), row.action(), row.oldValue(), row.newValue(),
					row.channel().name(), row.sourceMessageId(), toSql(row.at()), row.operator(), row.originalSender())
			.update();
	}

	public List<AuditRow> audit(ResponseId id) {
		return this.jdbc.sql("SELECT * FROM response_audit WHERE response_id = ? ORDER BY id")
			.param(id.value())
			.query((rs, n) -> new AuditRow(new ResponseId(rs.getObject("response_id", UUID.class)),
					rs.getString("step_key"), rs.getString("action"), rs.getString("old_value"),
					rs.getString("new_value"), Channel.valueOf(rs.getString("channel")),
					rs.getString("source_message_id"), instant(rs, "occurred_at"), rs.getString("operator"),
					rs.getString("original_sender")))
			.list();
	}

	private ResponseRow responseRow(ResultSet rs, int rowNum) throws SQLException {
		String items = rs.getString("items");
		String current = rs.getString("current_step");
		String submittedChannel = rs.getString("submitted_channel");
		return new ResponseRow(new ResponseId(rs.getObject("id", UUID.class)),
				new SendOutId(rs.getString("send_out_id")), new PersonId(rs.getObject("person_id", UUID.class)),
				rs.getString("questionnaire_id"), rs.getString("questionnaire_version"),
				(items != null) ? Arrays.asList(items.split(",")) : List.of(),
				ResponseStatus.valueOf(rs.getString("status")), (current != null) ? StepKey.parse(current) : null,
				Channel.valueOf(rs.getString("started_channel")), instant(rs, "started_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"), (submittedChannel != null) ? Channel.valueOf(submittedChannel) : null);
	}

	private AnswerRow answerRow(ResultSet rs, int rowNum) throws SQLException {
		return new AnswerRow(StepKey.parse(rs.getString("step_key")), rs.getBoolean("skipped"),
				rs.getString("answer_value"), Channel.valueOf(rs.getString("channel")),
				rs.getString("source_message_id"), instant(rs, "recorded_at"));
	}

	/** A response row as stored. */
	public record ResponseRow(ResponseId id, SendOutId sendOut, PersonId person, String questionnaireId,
			String questionnaireVersion, List<String> items, ResponseStatus status, StepKey current,
			Channel startedChannel, Instant startedAt, Instant updatedAt, Instant submittedAt,
			Channel submittedChannel) {
	}

	/** An answer row as stored; {@code value} is the JSON of {@link AnswerCodec}. */
	public record AnswerRow(StepKey step, boolean skipped, String value, Channel channel, String sourceMessageId,
			Instant recordedAt) {
	}

	/**
	 * One entry of the audit trail; {@code operator} and {@code originalSender} are set
	 * for an operator's decisions only.
	 */
	public record AuditRow(ResponseId response, String stepKey, String action, String oldValue, String newValue,
			Channel channel, String sourceMessageId, Instant at, String operator, String originalSender) {

		public AuditRow(ResponseId response, String stepKey, String action, String oldValue, String newValue,
				Channel channel, String sourceMessageId, Instant at) {
			this(response, stepKey, action, oldValue, newValue, channel, sourceMessageId, at, null, null);
		}

	}

}
