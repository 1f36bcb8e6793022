package se.samla.answers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import se.samla.answers.AuditEntry.Action;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PlanActivity;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.ChoiceAnswer;
import se.samla.surveys.AnswerValue.MatrixAnswer;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives whole questionnaires through the response engine against a real database: the
 * same journeys run on H2 and on PostgreSQL (see the subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestClockConfiguration.class)
@RecordApplicationEvents
abstract class ResponseEngineContract {

	private static final Instant START = TestClockConfiguration.START;

	@Autowired
	ResponseManagement engine;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private int sendOutCounter;

	@BeforeEach
	void resetClock() {
		this.clock.set(START);
	}

	@Test
	void walksTheStepTwoQuestionsInOrderAndSubmits() {
		Person chief = socialChief();
		SendOutId sendOut = sendOut("steg2", Duration.ofDays(14));

		ResponseState state = this.engine.startOrResume(sendOut, chief.id(), Channel.EMAIL);
		assertThat(state.steps()).hasSize(5);
		assertThat(state.next()).map(step -> step.key().questionId()).contains(state.steps().get(0).key().questionId());
		assertThat(state.next().orElseThrow().number()).isEqualTo(1);

		for (int i = 0; i < 4; i++) {
			Step next = state.next().orElseThrow();
			assertThat(next.number()).isEqualTo(i + 1);
			state = accepted(this.engine.answer(state.id(), next.key(), new TextAnswer("Svar " + (i + 1)),
					Source.of(Channel.EMAIL, "<m" + i + "@example.org>")));
		}
		Step optional = state.next().orElseThrow();
		assertThat(optional.question().required()).isFalse();
		state = accepted(this.engine.skip(state.id(), optional.key(), Source.of(Channel.EMAIL, "<skip@example.org>")));
		assertThat(state.next()).isEmpty();

		state = accepted(this.engine.submit(state.id(), Source.of(Channel.EMAIL, "<submit@example.org>")));

		assertThat(state.status()).isEqualTo(ResponseStatus.SUBMITTED);
		assertThat(state.submittedAt()).isEqualTo(START);
		assertThat(this.events.stream(ResponseSubmitted.class)).singleElement()
			.satisfies(event -> assertThat(event.person()).isEqualTo(chief.id()));
	}

	@Test
	void keepsOneResponsePerPersonAcrossChannelsAndRemembersEachAnswersChannel() {
		Person chief = socialChief();
		SendOutId sendOut = sendOut("steg2", Duration.ofDays(14));

		ResponseState inTeams = this.engine.startOrResume(sendOut, chief.id(), Channel.TEAMS);
		Step first = inTeams.next().orElseThrow();
		accepted(this.engine.answer(inTeams.id(), first.key(), new TextAnswer("Mönster: svårt att rekrytera"),
				Source.of(Channel.TEAMS, "activity-1")));

		ResponseState byEmail = this.engine.startOrResume(sendOut, chief.id(), Channel.EMAIL);
		assertThat(byEmail.id()).isEqualTo(inTeams.id());
		assertThat(byEmail.next().orElseThrow().number()).isEqualTo(2);
		Step second = byEmail.next().orElseThrow();
		accepted(this.engine.answer(byEmail.id(), second.key(), new TextAnswer("Introduktionsprogram"),
				Source.of(Channel.EMAIL, "<reply-1@example.org>")));

		Map<String, String> channels = this.jdbc.sql("SELECT step_key, channel FROM answer WHERE response_id = ?")
			.param(inTeams.id().value())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(channels).containsEntry(first.key().toString(), "TEAMS")
			.containsEntry(second.key().toString(), "EMAIL");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM response WHERE send_out_id = ?")
			.param(sendOut.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void recordingTheSameSourceMessageTwiceChangesNothing() {
		ResponseState state = this.engine.startOrResume(sendOut("steg2", Duration.ofDays(14)), socialChief().id(),
				Channel.EMAIL);
		StepKey first = state.next().orElseThrow().key();
		Source message = Source.of(Channel.EMAIL, "<same@example.org>");

		assertThat(this.engine.answer(state.id(), first, new TextAnswer("Första"), message))
			.isInstanceOf(Outcome.Accepted.class);
		Outcome replay = this.engine.answer(state.id(), first, new TextAnswer("Första"), message);

		assertThat(replay).isInstanceOf(Outcome.AlreadyRecorded.class);
		assertThat(this.engine.history(state.id())).filteredOn(entry -> entry.action() == Action.ANSWERED).hasSize(1);
	}

	@Test
	void goingBackAndChangingAnAnswerKeepsBothInTheAuditTrail() {
		ResponseState state = this.engine.startOrResume(sendOut("steg2", Duration.ofDays(14)), socialChief().id(),
				Channel.TEAMS);
		StepKey first = state.steps().get(0).key();
		StepKey second = state.steps().get(1).key();
		accepted(this.engine.answer(state.id(), first, new TextAnswer("Före"), Source.of(Channel.TEAMS, "a1")));
		accepted(this.engine.answer(state.id(), second, new TextAnswer("Två"), Source.of(Channel.TEAMS, "a2")));

		ResponseState back = this.engine.show(state.id(), first);
		assertThat(back.current()).isEqualTo(first);
		assertThat(back.before(second)).map(Step::key).contains(first);
		ResponseState changed = accepted(
				this.engine.answer(state.id(), first, new TextAnswer("Efter"), Source.of(Channel.TEAMS, "a3")));

		assertThat(changed.step(first).orElseThrow().answer()).isEqualTo(new TextAnswer("Efter"));
		assertThat(changed.current()).isEqualTo(changed.steps().get(2).key());
		assertThat(this.engine.history(state.id())).filteredOn(entry -> entry.action() == Action.CHANGED)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.before()).isEqualTo(new TextAnswer("Före"));
				assertThat(entry.after()).isEqualTo(new TextAnswer("Efter"));
				assertThat(entry.sourceMessageId()).isEqualTo("a3");
			});
	}

	@Test
	void refusesToSkipARequiredQuestionOrSubmitWithAnswersMissing() {
		ResponseState state = this.engine.startOrResume(sendOut("steg2", Duration.ofDays(14)), socialChief().id(),
				Channel.EMAIL);
		StepKey first = state.next().orElseThrow().key();

		assertThat(this.engine.skip(state.id(), first, Source.of(Channel.EMAIL, null))).isInstanceOfSatisfying(
				Outcome.Rejected.class,
				rejected -> assertThat(rejected.problems()).extracting(problem -> problem.code())
					.containsExactly("answer.required-cannot-skip"));
		assertThat(this.engine.submit(state.id(), Source.of(Channel.EMAIL, null))).isInstanceOfSatisfying(
				Outcome.Rejected.class,
				rejected -> assertThat(rejected.problems()).extracting(problem -> problem.arguments().get(0))
					.containsExactly(1, 2, 3, 4));
		assertThat(this.engine.answer(state.id(), first, new TextAnswer("   "), Source.of(Channel.EMAIL, null)))
			.isInstanceOf(Outcome.Rejected.class);
		assertThat(this.engine.state(state.id()).answeredCount()).isZero();
	}

	@Test
	void acceptsChangesAfterSubmittingUntilTheDeadlineButNotAfter() {
		SendOutId sendOut = sendOut("steg2", Duration.ofDays(3));
		ResponseState state = answerAllRequired(this.engine.startOrResume(sendOut, socialChief().id(), Channel.EMAIL));
		accepted(this.engine.submit(state.id(), Source.of(Channel.EMAIL, "<s@example.org>")));
		StepKey second = state.steps().get(1).key();

		this.clock.advance(Duration.ofDays(2));
		ResponseState changed = accepted(this.engine.answer(state.id(), second, new TextAnswer("Ändrat efter inskick"),
				Source.of(Channel.EMAIL, "<late@example.org>")));
		assertThat(changed.status()).isEqualTo(ResponseStatus.SUBMITTED);
		assertThat(changed.step(second).orElseThrow().answer()).isEqualTo(new TextAnswer("Ändrat efter inskick"));

		this.clock.advance(Duration.ofDays(2));
		assertThat(this.engine.answer(state.id(), second, new TextAnswer("För sent"),
				Source.of(Channel.EMAIL, "<too-late@example.org>")))
			.isInstanceOfSatisfying(Outcome.Rejected.class,
					rejected -> assertThat(rejected.problems()).extracting(problem -> problem.code())
						.containsExactly("response.closed"));
		assertThat(this.events.stream(ResponseSubmitted.class)).hasSize(1);
	}

	@Test
	void asksTheFollowUpOnlyWhileARatingIsShortage() {
		ResponseState state = this.engine.startOrResume(sendOut("steg1", Duration.ofDays(14)), socialChief().id(),
				Channel.TEAMS);
		Step matrix = state.steps()
			.stream()
			.filter(step -> step.question().type() == se.samla.surveys.QuestionType.MATRIX)
			.findFirst()
			.orElseThrow();
		int before = state.steps().size();

		MatrixAnswer incomplete = new MatrixAnswer(
				Map.of(matrix.question().rows().get(0).id(), Map.of(matrix.question().periods().get(0).id(), "brist")),
				Map.of());
		assertThat(this.engine.answer(state.id(), matrix.key(), incomplete, Source.of(Channel.TEAMS, "m0")))
			.isInstanceOf(Outcome.Rejected.class);

		ResponseState withShortage = accepted(
				this.engine.answer(state.id(), matrix.key(), rateAll(matrix, "brist"), Source.of(Channel.TEAMS, "m1")));
		assertThat(withShortage.steps()).hasSize(before + 1);
		Step followUp = withShortage.steps()
			.get(withShortage.steps().indexOf(withShortage.step(matrix.key()).orElseThrow()) + 1);
		assertThat(followUp.question().isFollowUp()).isTrue();
		assertThat(withShortage.next().map(Step::key)).contains(followUp.key());

		ResponseState sustainable = accepted(this.engine.answer(state.id(), matrix.key(), rateAll(matrix, "hallbart"),
				Source.of(Channel.TEAMS, "m2")));
		assertThat(sustainable.steps()).hasSize(before);
		assertThat(sustainable.steps()).noneMatch(step -> step.question().isFollowUp());
	}

	@Test
	void asksTheFollowUpQuestionsOncePerOwnedPlanActivity() {
		PlanActivity activity = this.directory.activities().get(0);
		Person owner = this.directory.person(activity.owners().get(0)).orElseThrow();
		List<PlanActivity> owned = this.directory.activitiesOwnedBy(owner.id());
		SendOutId sendOut = sendOut("uppfoljning", Duration.ofDays(14));

		ResponseState state = this.engine.startOrResume(sendOut, owner.id(), Channel.EMAIL);

		int perActivity = (int) state.steps()
			.stream()
			.filter(step -> step.key().itemId().equals(owned.get(0).id().value()))
			.count();
		assertThat(state.steps()).hasSize(perActivity * owned.size());
		assertThat(state.steps()).extracting(Step::itemLabel).contains(owned.get(0).title());
		Step status = state.next().orElseThrow();
		assertThat(status.question().type()).isEqualTo(se.samla.surveys.QuestionType.SINGLE_CHOICE);
		ResponseState afterStatus = accepted(
				this.engine.answer(state.id(), status.key(), new ChoiceAnswer(status.question().options().get(1).id()),
						Source.of(Channel.EMAIL, "<u1@example.org>")));
		assertThat(afterStatus.next().orElseThrow().key().itemId()).isEqualTo(status.key().itemId());
	}

	@Test
	void labelsAFollowUpAfterItsQuestionSoTheOtherLabelsNeverChange() {
		PlanActivity activity = this.directory.activities().get(0);
		Person owner = this.directory.person(activity.owners().get(0)).orElseThrow();
		ResponseState state = this.engine.startOrResume(sendOut("uppfoljning", Duration.ofDays(14)), owner.id(),
				Channel.EMAIL);
		String item = state.steps().get(0).key().itemId();
		List<Step> first = state.steps().stream().filter(step -> item.equals(step.key().itemId())).toList();
		assertThat(first).extracting(Step::label).containsExactly("1", "2", "3");
		Step status = first.get(0);

		ResponseState notStarted = accepted(this.engine.answer(state.id(), status.key(),
				new ChoiceAnswer("ej-paborjat", "ingen budget"), Source.of(Channel.EMAIL, "<labels1@example.org>")));
		List<Step> withFollowUp = notStarted.steps().stream().filter(step -> item.equals(step.key().itemId())).toList();
		assertThat(withFollowUp).extracting(Step::label).containsExactly("1", "1a", "2", "3");
		assertThat(withFollowUp.get(1).question().id()).isEqualTo("varfor-ej-paborjat");
		assertThat(withFollowUp.get(0).answer()).isEqualTo(new ChoiceAnswer("ej-paborjat", "ingen budget"));
		if (state.steps().size() > first.size()) {
			assertThat(notStarted.steps().get(withFollowUp.size()).label()).isEqualTo("4");
		}
	}

	@Test
	void remembersLastYearsAnswerForTheSameActivityInTheNextRound() {
		PlanActivity activity = this.directory.activities().get(0);
		Person owner = this.directory.person(activity.owners().get(0)).orElseThrow();
		SendOutId lastYear = sendOut("uppfoljning", Duration.ofDays(14));
		ResponseState old = this.engine.startOrResume(lastYear, owner.id(), Channel.EMAIL);
		Step status = old.next().orElseThrow();
		accepted(this.engine.answer(old.id(), status.key(), new ChoiceAnswer(status.question().options().get(0).id()),
				Source.of(Channel.EMAIL, "<2025@example.org>")));
		SendOutId thisYear = new SendOutId("test-uppfoljning-next-" + System.nanoTime());
		this.sendOuts.define(new SendOut(thisYear, "Uppföljning nästa år", new QuestionnaireId("uppfoljning"),
				new Audience(Set.of(), Set.of(), List.of(), true), START.minus(Duration.ofDays(1)),
				START.plus(Duration.ofDays(14)), null, null, "test",
				SendOutRules.defaults(java.time.ZoneId.of("Europe/Stockholm")), lastYear));

		ResponseState current = this.engine.startOrResume(thisYear, owner.id(), Channel.TEAMS);

		assertThat(this.engine.previousAnswer(current.id(), status.key())).hasValueSatisfying(previous -> {
			assertThat(previous.sendOut()).isEqualTo(lastYear);
			assertThat(previous.answer()).isEqualTo(new ChoiceAnswer(status.question().options().get(0).id()));
		});
		assertThat(this.engine.previousAnswer(old.id(), status.key())).isEmpty();
	}

	@Test
	void interpretsAnOldResponseWithTheQuestionnaireVersionItWasStartedOn() throws Exception {
		ResponseState state = this.engine.startOrResume(sendOut("steg2", Duration.ofDays(14)), socialChief().id(),
				Channel.EMAIL);
		String oldDefinition = """
				id: steg2
				title: Kartläggning steg 2 (gammal version)
				questions:
				  - id: q1
				    type: text
				    text: En enda fråga i den gamla versionen
				""";
		String oldVersion = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(oldDefinition.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.substring(0, 12);
		this.jdbc.sql("""
				INSERT INTO questionnaire_version (questionnaire_id, version, source_name, content, loaded_at)
				VALUES ('steg2', ?, 'steg2.yml', ?, CURRENT_TIMESTAMP)
				""").params(oldVersion, oldDefinition).update();
		this.jdbc.sql("UPDATE response SET questionnaire_version = ? WHERE id = ?")
			.params(oldVersion, state.id().value())
			.update();

		ResponseState old = this.engine.state(state.id());

		assertThat(old.questionnaire().version()).isEqualTo(oldVersion);
		assertThat(old.steps()).singleElement()
			.satisfies(
					step -> assertThat(step.question().text().sv()).isEqualTo("En enda fråga i den gamla versionen"));
	}

	@Test
	void concurrentDeliveriesOfOneMessageFromTwoChannelsRecordItOnce() throws Exception {
		Person chief = socialChief();
		SendOutId sendOut = sendOut("steg2", Duration.ofDays(14));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<ResponseState>> starts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Channel channel = (i % 2 == 0) ? Channel.TEAMS : Channel.EMAIL;
				starts.add(() -> this.engine.startOrResume(sendOut, chief.id(), channel));
			}
			Set<ResponseId> ids = new java.util.HashSet<>();
			for (Future<ResponseState> started : pool.invokeAll(starts)) {
				ids.add(started.get().id());
			}
			assertThat(ids).hasSize(1);
			ResponseId id = ids.iterator().next();
			StepKey first = this.engine.state(id).next().orElseThrow().key();

			List<Callable<Outcome>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(() -> this.engine.answer(id, first, new TextAnswer("Samma"),
						Source.of(Channel.TEAMS, "activity-dup")));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> outcome : pool.invokeAll(answers)) {
				outcomes.add(outcome.get());
			}
			assertThat(outcomes).filteredOn(Outcome::isAccepted).hasSize(1);
			assertThat(outcomes).filteredOn(outcome -> outcome instanceof Outcome.AlreadyRecorded).hasSize(3);
			assertThat(this.engine.history(id)).filteredOn(entry -> entry.action() == Action.ANSWERED).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ResponseState answerAllRequired(ResponseState state) {
		for (Step step : state.steps()) {
			if (step.question().required()) {
				state = accepted(this.engine.answer(state.id(), step.key(), new TextAnswer("Svar"),
						Source.of(Channel.EMAIL, "<all-" + step.key() + "@example.org>")));
			}
		}
		return state;
	}

	private static MatrixAnswer rateAll(Step matrix, String level) {
		Map<String, Map<String, String>> ratings = new java.util.LinkedHashMap<>();
		matrix.question().rows().forEach(row -> {
			Map<String, String> cells = new java.util.LinkedHashMap<>();
			matrix.question().periods().forEach(period -> cells.put(period.id(), level));
			ratings.put(row.id(), cells);
		});
		return new MatrixAnswer(ratings, Map.of());
	}

	private Person socialChief() {
		return this.directory.members(Network.SOCIALCHEFSNATVERKET).get(0);
	}

	private SendOutId sendOut(String questionnaire, Duration open) {
		SendOutId id = new SendOutId("test-" + questionnaire + "-" + System.nanoTime() + "-" + (++this.sendOutCounter));
		this.sendOuts.define(new SendOut(id, "Test " + questionnaire, new QuestionnaireId(questionnaire),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET), Set.of(), List.of(), true),
				START.minus(Duration.ofDays(1)), START.plus(open), null, null, "test",
				SendOutRules.defaults(java.time.ZoneId.of("Europe/Stockholm")), null));
		return id;
	}

	private static ResponseState accepted(Outcome outcome) {
		assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
		return ((Outcome.Accepted) outcome).state();
	}

}
