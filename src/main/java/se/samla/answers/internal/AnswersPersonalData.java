package se.samla.answers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.answers.AnswersProperties;
import se.samla.answers.AuditEntry.Action;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.ResponseWindow;
import se.samla.answers.ResponseWindows;
import se.samla.answers.Step;
import se.samla.answers.internal.ResponseRecords.AuditRow;
import se.samla.answers.internal.ResponseRecords.ResponseRow;
import se.samla.directory.PersonId;
import se.samla.shared.PersonalDataHolder;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.AnswerValue.MatrixAnswer;
import se.samla.surveys.AnswerValue.TextAnswer;

/**
 * A person's responses, answers and audit trails. Erasure and retention remove the free
 * text (text answers, the comments of a colour matrix), in the answers and in the audit
 * trail, and keep the rest: the response row (so it still counts as submitted for the
 * organisation's rate) and choice, multiple-choice and colour ratings, which describe the
 * organisation's situation rather than the person and only make sense as aggregates.
 */
@Component
@Order(10)
class AnswersPersonalData implements PersonalDataHolder {

	/** What a removed free-text answer reads as. */
	static final String REMOVED = "(raderat)";

	private final ResponseManagement responses;

	private final ResponseRecords records;

	private final ResponseWindows windows;

	private final AnswersProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AnswersPersonalData(ResponseManagement responses, ResponseRecords records, ResponseWindows windows,
			AnswersProperties properties, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.clock = clock;
		this.responses = responses;
		this.records = records;
		this.windows = windows;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public String section() {
		return "responses";
	}

	@Override
	public Object export(DataSubject subject) {
		List<Map<String, Object>> exported = new ArrayList<>();
		for (ResponseState state : this.responses.responsesOf(new PersonId(subject.id()))) {
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("id", state.id().toString());
			response.put("sendOut", state.sendOut().value());
			response.put("questionnaire", state.questionnaire().id().value());
			response.put("questionnaireVersion", state.questionnaire().version());
			response.put("status", state.status().name());
			response.put("submittedAt", state.submittedAt());
			List<Map<String, Object>> answers = new ArrayList<>();
			for (Step step : state.steps()) {
				Map<String, Object> answer = new LinkedHashMap<>();
				answer.put("number", step.number());
				answer.put("question", step.question().text().sv());
				answer.put("item", step.itemLabel());
				answer.put("skipped", step.skipped());
				answer.put("answer", step.answer());
				answers.add(answer);
			}
			response.put("answers", answers);
			response.put("auditTrail", this.responses.history(state.id()));
			exported.add(response);
		}
		return exported;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		return this.transactions.execute(tx -> {
			Counts counts = new Counts();
			for (ResponseRow row : this.records.forPerson(new PersonId(subject.id()))) {
				counts.add(removeFreeText(row, null));
			}
			// The person may also have sent an email an operator accepted for someone
			// else.
			int senders = this.jdbc.sql("UPDATE response_audit SET original_sender = NULL WHERE original_sender = ?")
				.param(subject.email())
				.update();
			Map<String, Integer> result = counts.toMap();
			result.put("auditSendersRemoved", senders);
			return result;
		});
	}

	/**
	 * Removes the free text of responses to send-outs whose deadline is older than the
	 * retention period; nothing when no period is set.
	 */
	@Override
	public Map<String, Integer> removeExpired(Instant now) {
		if (this.properties.retention() == null) {
			return Map.of();
		}
		Instant cutoff = now.minus(this.properties.retention());
		Counts counts = new Counts();
		List<String> sendOuts = this.jdbc.sql("SELECT DISTINCT send_out_id FROM response").query(String.class).list();
		for (String sendOut : sendOuts) {
			boolean expired = this.windows.window(new SendOutId(sendOut))
				.map(ResponseWindow::deadline)
				.map(deadline -> deadline.isBefore(cutoff))
				.orElse(false);
			if (expired) {
				this.transactions.executeWithoutResult(tx -> {
					for (ResponseRow row : this.records.forSendOut(new SendOutId(sendOut))) {
						counts.add(removeFreeText(row, "retention"));
					}
				});
			}
		}
		return counts.toMap();
	}

	private Counts removeFreeText(ResponseRow row, String operator) {
		Counts counts = new Counts();
		for (ResponseRecords.AnswerRow answer : this.records.answers(row.id()).values()) {
			String redacted = redact(answer.value());
			if (!Objects.equals(redacted, answer.value())) {
				this.jdbc.sql("UPDATE answer SET answer_value = ? WHERE response_id = ? AND step_key = ?")
					.params(redacted, row.id().value(), answer.step().toString())
					.update();
				counts.answers++;
			}
		}
		List<Object[]> audit = this.jdbc
			.sql("SELECT id, old_value, new_value FROM response_audit WHERE response_id = ?")
			.param(row.id().value())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.list();
		for (Object[] entry : audit) {
			String before = redact((String) entry[1]);
			String after = redact((String) entry[2]);
			if (!Objects.equals(before, entry[1]) || !Objects.equals(after, entry[2])) {
				this.jdbc.sql("UPDATE response_audit SET old_value = ?, new_value = ? WHERE id = ?")
					.params(before, after, entry[0])
					.update();
				counts.auditEntries++;
			}
		}
		boolean changed = counts.answers + counts.auditEntries > 0;
		if (changed || operator == null) {
			this.records.audit(new AuditRow(row.id(), ResponseRecords.ERASURE_LEVEL, Action.ERASED.name(), null, null,
					row.startedChannel(), null, this.clock.instant(), operator, null));
			counts.responses++;
		}
		return counts;
	}

	/** The stored answer without its free text; choices and ratings unchanged. */
	static String redact(String stored) {
		AnswerValue value = AnswerCodec.read(stored);
		if (value instanceof TextAnswer text && !REMOVED.equals(text.text())) {
			return AnswerCodec.write(new TextAnswer(REMOVED));
		}
		if (value instanceof MatrixAnswer matrix && !matrix.comments().isEmpty()) {
			return AnswerCodec.write(new MatrixAnswer(matrix.ratings(), Map.of()));
		}
		return stored;
	}

	private static final class Counts {

		int responses;

		int answers;

		int auditEntries;

		void add(Counts other) {
			this.responses += other.responses;
			this.answers += other.answers;
			this.auditEntries += other.auditEntries;
		}

		Map<String, Integer> toMap() {
			Map<String, Integer> map = new LinkedHashMap<>();
			map.put("responsesWithFreeTextRemoved", this.responses);
			map.put("answersWithFreeTextRemoved", this.answers);
			map.put("auditEntriesWithFreeTextRemoved", this.auditEntries);
			return map;
		}

	}

}
