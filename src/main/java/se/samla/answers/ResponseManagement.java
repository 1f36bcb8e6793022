package se.samla.answers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.answers.AuditEntry.Action;
import se.samla.answers.internal.AnswerCodec;
import se.samla.answers.internal.ResponseRecords;
import se.samla.answers.internal.ResponseRecords.AnswerRow;
import se.samla.answers.internal.ResponseRecords.AuditRow;
import se.samla.answers.internal.ResponseRecords.ResponseRow;
import se.samla.directory.ActivityId;
import se.samla.directory.Directory;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Problem;
import se.samla.surveys.Question;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Questionnaires;
import se.samla.surveys.UnknownQuestionnaireException;

/**
 * The one place that decides how a response moves: every channel (Teams, email, operator)
 * calls these methods, so "which question is next", validation and editing rules are the
 * same wherever a person answers. A person has one response per send-out whichever
 * channel they use.
 * <p>
 * Each change runs in a transaction that holds the response's row lock, so concurrent
 * messages from two channels apply one after the other. A change that carries a source
 * message id is recorded once: the audit trail has a unique key on (response, question,
 * channel, message id), and a replayed message returns {@link Outcome.AlreadyRecorded}.
 */
@Service
public class ResponseManagement {

	private static final Logger log = LoggerFactory.getLogger(ResponseManagement.class);

	private final ResponseRecords records;

	private final Questionnaires questionnaires;

	private final Directory directory;

	private final ResponseWindows windows;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ResponseManagement(ResponseRecords records, Questionnaires questionnaires, Directory directory,
			ResponseWindows windows, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.records = records;
		this.questionnaires = questionnaires;
		this.directory = directory;
		this.windows = windows;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Returns the person's response to the send-out, starting it if there is none. The
	 * response is bound to the questionnaire version current at start; for a
	 * questionnaire asked per plan activity, to the activities the person owns then.
	 * @throws ResponseNotFoundException if the send-out or the person is unknown
	 */
	public ResponseState startOrResume(SendOutId sendOut, PersonId person, Channel channel) {
		Optional<ResponseRow> existing = this.records.find(sendOut, person);
		if (existing.isPresent()) {
			return state(existing.get());
		}
		ResponseWindow window = window(sendOut);
		if (this.directory.person(person).isEmpty()) {
			throw new ResponseNotFoundException("no person " + person.value());
		}
		Questionnaire questionnaire = this.questionnaires.current(window.questionnaire())
			.orElseThrow(() -> new UnknownQuestionnaireException(
					"send-out " + sendOut + " asks unknown questionnaire " + window.questionnaire()));
		List<String> items = (questionnaire.repeat() == Questionnaire.Repeat.PER_OWNED_ACTIVITY)
				? this.directory.activitiesOwnedBy(person).stream().map(activity -> activity.id().value()).toList()
				: List.of();
		Instant now = this.clock.instant();
		ResponseRow row = new ResponseRow(ResponseId.random(), sendOut, person, questionnaire.id().value(),
				questionnaire.version(), items, ResponseStatus.IN_PROGRESS, null, channel, now, now, null, null);
		try {
			this.transactions.executeWithoutResult(tx -> {
				this.records.insert(row);
				this.records.audit(new AuditRow(row.id(), ResponseRecords.RESPONSE_LEVEL, Action.STARTED.name(), null,
						null, channel, null, now));
			});
			log.info("Response {} started for send-out {} by {} via {}", row.id(), sendOut, person.value(), channel);
			return state(row);
		}
		catch (DuplicateKeyException raced) {
			// Another channel started it at the same moment: theirs is the one response.
			return state(this.records.find(sendOut, person).orElseThrow());
		}
	}

	/**
	 * The questions the person is (or would be) asked, with what is answered so far: the
	 * started response's state, or how a new one would look, without starting it. Used to
	 * list the questions in an invitation or reminder.
	 */
	public ResponseState preview(SendOutId sendOut, PersonId person) {
		Optional<ResponseRow> existing = this.records.find(sendOut, person);
		if (existing.isPresent()) {
			return state(existing.get());
		}
		ResponseWindow window = window(sendOut);
		Questionnaire questionnaire = this.questionnaires.current(window.questionnaire())
			.orElseThrow(() -> new UnknownQuestionnaireException(
					"send-out " + sendOut + " asks unknown questionnaire " + window.questionnaire()));
		List<String> items = (questionnaire.repeat() == Questionnaire.Repeat.PER_OWNED_ACTIVITY)
				? this.directory.activitiesOwnedBy(person).stream().map(activity -> activity.id().value()).toList()
				: List.of();
		Instant now = this.clock.instant();
		return state(new ResponseRow(ResponseId.random(), sendOut, person, questionnaire.id().value(),
				questionnaire.version(), items, ResponseStatus.IN_PROGRESS, null, Channel.EMAIL, now, now, null, null));
	}

	/** The person's response to the send-out, if started. */
	public Optional<ResponseState> find(SendOutId sendOut, PersonId person) {
		return this.records.find(sendOut, person).map(this::state);
	}

	/** The response's current state. */
	public ResponseState state(ResponseId id) {
		return state(this.records.find(id).orElseThrow(() -> new ResponseNotFoundException("no response " + id)));
	}

	/** Every response to a send-out, in the order they were started. */
	public List<ResponseState> responses(SendOutId sendOut) {
		return this.records.forSendOut(sendOut).stream().map(this::state).toList();
	}

	/**
	 * Every started response's progress, by person: one read, no answers (for lists of
	 * who has answered; {@link #responses(SendOutId)} reads every answer).
	 */
	public Map<PersonId, ResponseProgress> progress(SendOutId sendOut) {
		Map<PersonId, ResponseProgress> progress = new HashMap<>();
		this.records.forSendOut(sendOut)
			.forEach(row -> progress.put(row.person(),
					new ResponseProgress(row.person(), row.status(), row.submittedAt())));
		return progress;
	}

	/**
	 * The channel each recorded answer of a send-out came by (its audit trail's source),
	 * by response and question, read in one go.
	 */
	public Map<ResponseId, Map<StepKey, Channel>> answerChannels(SendOutId sendOut) {
		return this.records.answerChannels(sendOut);
	}

	/**
	 * The people who have submitted a response to the send-out (cheap: no answers read).
	 */
	public Set<PersonId> submitted(SendOutId sendOut) {
		return Set.copyOf(this.records.submitted(sendOut));
	}

	/** Whether the person has submitted a response to the send-out. */
	public boolean hasSubmitted(SendOutId sendOut, PersonId person) {
		return this.records.find(sendOut, person).map(row -> row.status() == ResponseStatus.SUBMITTED).orElse(false);
	}

	/** Every response a person has given, oldest first. */
	public List<ResponseState> responsesOf(PersonId person) {
		return this.records.forPerson(person).stream().map(this::state).toList();
	}

	/**
	 * Records an answer, replacing an earlier one to the same question (also after
	 * submitting, until the deadline).
	 */
	public Outcome answer(ResponseId id, StepKey step, AnswerValue value, Source source) {
		Objects.requireNonNull(value, "value");
		return change(id, step.toString(), source, (row, state) -> {
			Optional<Step> target = state.step(step);
			if (target.isEmpty()) {
				return Outcome.Rejected.because("answer.unknown-question", step.toString());
			}
			List<Problem> problems = target.get().question().validate(value);
			if (!problems.isEmpty()) {
				return new Outcome.Rejected(problems);
			}
			AnswerValue before = target.get().answer();
			if (value.equals(before)) {
				return moveOn(row, step, source);
			}
			Instant now = this.clock.instant();
			this.records.saveAnswer(row.id(),
					new AnswerRow(step, false, AnswerCodec.write(value), source.channel(), source.messageId(), now));
			this.records.audit(new AuditRow(row.id(), step.toString(),
					(before == null) ? Action.ANSWERED.name() : Action.CHANGED.name(), AnswerCodec.write(before),
					AnswerCodec.write(value), source.channel(), source.messageId(), now));
			return moveOn(row, step, source);
		});
	}

	/**
	 * Records a message an operator accepted for a person (an email held for review), all
	 * answers in one change. An answer the person has already recorded (or a question
	 * they skipped) is kept unless the acceptance says to replace it; every entry in the
	 * audit trail names the operator and the message's original sender, and one more
	 * entry records the decision itself.
	 * @throws ResponseNotFoundException if there is no such response
	 * @throws IllegalStateException if the send-out does not take answers now
	 */
	public ReviewedAnswers acceptReviewed(ResponseId id, Map<StepKey, AnswerValue> answers, Source source,
			Acceptance acceptance) {
		return this.transactions.execute(tx -> {
			ResponseRow row = this.records.lock(id)
				.orElseThrow(() -> new ResponseNotFoundException("no response " + id));
			Instant now = this.clock.instant();
			ResponseWindow window = window(row.sendOut());
			if (window.closed() || now.isAfter(window.deadline()) || now.isBefore(window.opensAt())) {
				throw new IllegalStateException("send-out " + row.sendOut() + " does not take answers now");
			}
			ResponseState state = state(row);
			List<Integer> recorded = new ArrayList<>();
			List<Integer> replaced = new ArrayList<>();
			List<Integer> kept = new ArrayList<>();
			List<Integer> unchanged = new ArrayList<>();
			List<ReviewedAnswers.Rejection> rejected = new ArrayList<>();
			StepKey last = null;
			for (Map.Entry<StepKey, AnswerValue> answer : answers.entrySet()) {
				Optional<Step> target = state.step(answer.getKey());
				if (target.isEmpty()) {
					continue;
				}
				int number = target.get().number();
				List<Problem> problems = target.get().question().validate(answer.getValue());
				if (!problems.isEmpty()) {
					rejected.add(new ReviewedAnswers.Rejection(number, problems));
					continue;
				}
				AnswerValue before = target.get().answer();
				if (answer.getValue().equals(before) || this.records.alreadyRecorded(id, answer.getKey().toString(),
						source.channel(), source.messageId())) {
					unchanged.add(number);
					continue;
				}
				if (target.get().isSettled() && !acceptance.replace()) {
					kept.add(number);
					continue;
				}
				this.records.saveAnswer(row.id(), new AnswerRow(answer.getKey(), false,
						AnswerCodec.write(answer.getValue()), source.channel(), source.messageId(), now));
				this.records.audit(new AuditRow(row.id(), answer.getKey().toString(),
						(before == null) ? Action.ANSWERED.name() : Action.CHANGED.name(), AnswerCodec.write(before),
						AnswerCodec.write(answer.getValue()), source.channel(), source.messageId(), now,
						acceptance.operator(), acceptance.originalSender()));
				((target.get().isSettled()) ? replaced : recorded).add(number);
				last = answer.getKey();
			}
			if (!this.records.alreadyRecorded(id, ResponseRecords.REVIEW_LEVEL, source.channel(), source.messageId())) {
				this.records.audit(new AuditRow(row.id(), ResponseRecords.REVIEW_LEVEL,
						Action.ACCEPTED_FROM_REVIEW.name(), null, null, source.channel(), source.messageId(), now,
						acceptance.operator(), acceptance.originalSender()));
			}
			if (last != null) {
				moveOn(row, last, source);
			}
			log.info("Response {}: a held message accepted by an operator ({} recorded, {} replaced, {} kept)",
					row.id(), recorded.size(), replaced.size(), kept.size());
			return new ReviewedAnswers(recorded, replaced, kept, unchanged, rejected,
					state(this.records.find(row.id()).orElseThrow()));
		});
	}

	/** Skips an optional question (clearing an earlier answer to it). */
	public Outcome skip(ResponseId id, StepKey step, Source source) {
		return change(id, step.toString(), source, (row, state) -> {
			Optional<Step> target = state.step(step);
			if (target.isEmpty()) {
				return Outcome.Rejected.because("answer.unknown-question", step.toString());
			}
			if (target.get().question().required()) {
				return Outcome.Rejected.because("answer.required-cannot-skip");
			}
			if (!target.get().skipped()) {
				Instant now = this.clock.instant();
				this.records.saveAnswer(row.id(),
						new AnswerRow(step, true, null, source.channel(), source.messageId(), now));
				this.records.audit(new AuditRow(row.id(), step.toString(), Action.SKIPPED.name(),
						AnswerCodec.write(target.get().answer()), null, source.channel(), source.messageId(), now));
			}
			return moveOn(row, step, source);
		});
	}

	/**
	 * Shows a question again, e.g. when the respondent goes back to change an earlier
	 * answer: it becomes the current one, so typed text answers it.
	 */
	public ResponseState show(ResponseId id, StepKey step) {
		ResponseState state = state(id);
		if (state.step(step).isEmpty()) {
			throw new IllegalArgumentException("response " + id + " has no question " + step);
		}
		this.records.updateCurrent(id, step, this.clock.instant());
		return state(id);
	}

	/**
	 * Submits the response. Every required question must be answered; submitting again
	 * changes nothing.
	 */
	public Outcome submit(ResponseId id, Source source) {
		return change(id, ResponseRecords.RESPONSE_LEVEL, source, (row, state) -> {
			if (state.isSubmitted()) {
				return new Outcome.Accepted(state);
			}
			if (!state.isComplete()) {
				return new Outcome.Rejected(state.missingRequired()
					.stream()
					.map(step -> Problem.of("response.missing-answer", step.number()))
					.toList());
			}
			Instant now = this.clock.instant();
			this.records.markSubmitted(row.id(), source.channel(), now);
			this.records.updateCurrent(row.id(), null, now);
			this.records.audit(new AuditRow(row.id(), ResponseRecords.RESPONSE_LEVEL, Action.SUBMITTED.name(), null,
					null, source.channel(), source.messageId(), now));
			this.events
				.publishEvent(new ResponseSubmitted(row.id(), row.sendOut(), row.person(), source.channel(), now));
			log.info("Response {} submitted via {}", row.id(), source.channel());
			return new Outcome.Accepted(state(this.records.find(row.id()).orElseThrow()));
		});
	}

	/**
	 * What the respondent answered to the same question (and plan activity) in the
	 * previous round of a recurring send-out, for channels to show as "last year you said
	 * ...".
	 */
	public Optional<PreviousAnswer> previousAnswer(ResponseId id, StepKey step) {
		ResponseRow row = this.records.find(id).orElseThrow(() -> new ResponseNotFoundException("no response " + id));
		return this.windows.window(row.sendOut())
			.map(ResponseWindow::previous)
			.flatMap(previous -> this.records.find(previous, row.person()))
			.flatMap(old -> {
				AnswerRow answer = this.records.answers(old.id()).get(step);
				if (answer == null || answer.skipped()) {
					return Optional.empty();
				}
				Questionnaire questionnaire = this.questionnaires.version(new QuestionnaireId(old.questionnaireId()),
						old.questionnaireVersion());
				return questionnaire.question(step.questionId())
					.map(question -> new PreviousAnswer(old.sendOut(), question, AnswerCodec.read(answer.value())));
			});
	}

	/** The audit trail of a response, oldest first. */
	public List<AuditEntry> history(ResponseId id) {
		List<AuditEntry> entries = new ArrayList<>();
		for (AuditRow row : this.records.audit(id)) {
			entries.add(new AuditEntry(row.at(),
					row.stepKey().startsWith(ResponseRecords.RESPONSE_LEVEL) ? null : StepKey.parse(row.stepKey()),
					Action.valueOf(row.action()), AnswerCodec.read(row.oldValue()), AnswerCodec.read(row.newValue()),
					row.channel(), row.sourceMessageId(), row.operator(), row.originalSender()));
		}
		return entries;
	}

	private Outcome change(ResponseId id, String auditKey, Source source, Change change) {
		return this.transactions.execute(tx -> {
			ResponseRow row = this.records.lock(id)
				.orElseThrow(() -> new ResponseNotFoundException("no response " + id));
			ResponseState state = state(row);
			if (this.records.alreadyRecorded(id, auditKey, source.channel(), source.messageId())) {
				return new Outcome.AlreadyRecorded(state);
			}
			Instant now = this.clock.instant();
			ResponseWindow window = window(row.sendOut());
			if (window.closed() || now.isAfter(window.deadline())) {
				return Outcome.Rejected.because("response.closed", java.util.Date.from(window.deadline()));
			}
			if (now.isBefore(window.opensAt())) {
				return Outcome.Rejected.because("response.not-open", java.util.Date.from(window.opensAt()));
			}
			return change.apply(row, state);
		});
	}

	private Outcome moveOn(ResponseRow row, StepKey answered, Source source) {
		ResponseState after = state(this.records.find(row.id()).orElseThrow());
		StepKey next = after.after(answered)
			.filter(step -> !step.isSettled())
			.or(after::next)
			.map(Step::key)
			.orElse(null);
		this.records.updateCurrent(row.id(), next, this.clock.instant());
		return new Outcome.Accepted(state(this.records.find(row.id()).orElseThrow()));
	}

	private ResponseWindow window(SendOutId sendOut) {
		return this.windows.window(sendOut).orElseThrow(() -> new ResponseNotFoundException("no send-out " + sendOut));
	}

	private ResponseState state(ResponseRow row) {
		Questionnaire questionnaire = this.questionnaires.version(new QuestionnaireId(row.questionnaireId()),
				row.questionnaireVersion());
		Map<StepKey, AnswerRow> answers = this.records.answers(row.id());
		List<String> items = row.items().isEmpty() ? java.util.Collections.singletonList(null) : row.items();
		List<StepDraft> drafts = new ArrayList<>();
		int main = 0;
		int followUp = 0;
		for (String item : items) {
			String label = (item != null)
					? this.directory.activity(new ActivityId(item)).map(PlanActivity::title).orElse(item) : null;
			for (Question question : questionnaire.questions()) {
				// Labelled before the follow-up filter, so labels never depend on
				// answers.
				if (question.isFollowUp()) {
					followUp++;
				}
				else {
					main++;
					followUp = 0;
				}
				String stable = (followUp == 0) ? Integer.toString(main) : main + followUpLetter(followUp);
				if (question.isFollowUp()) {
					AnswerRow parent = answers.get(new StepKey(question.showIf().questionId(), item));
					AnswerValue parentValue = (parent != null) ? AnswerCodec.read(parent.value()) : null;
					if (parentValue == null || !parentValue.mentionsAny(question.showIf().anyOf())) {
						continue;
					}
				}
				drafts.add(new StepDraft(new StepKey(question.id(), item), question, label, stable));
			}
		}
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			StepDraft draft = drafts.get(i);
			AnswerRow answer = answers.get(draft.key());
			steps.add(new Step(draft.key(), draft.question(), draft.itemLabel(), i + 1, drafts.size(),
					(answer != null) ? AnswerCodec.read(answer.value()) : null, answer != null && answer.skipped(),
					draft.label()));
		}
		ResponseWindow window = this.windows.window(row.sendOut()).orElse(null);
		return new ResponseState(row.id(), row.sendOut(), row.person(), questionnaire, row.status(), steps,
				row.current(), (window != null) ? window.deadline() : null, row.submittedAt());
	}

	private record StepDraft(StepKey key, Question question, String itemLabel, String label) {
	}

	/** a, b, … z, then aa, ab, …: a question rarely has more than a few follow-ups. */
	private static String followUpLetter(int index) {
		StringBuilder letters = new StringBuilder();
		for (int n = index; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('a' + (n - 1) % 26));
		}
		return letters.toString();
	}

	@FunctionalInterface
	private interface Change {

		Outcome apply(ResponseRow row, ResponseState state);

	}

}
