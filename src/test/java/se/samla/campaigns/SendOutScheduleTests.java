package se.samla.campaigns;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.Step;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks whole send-outs through weeks with a test clock, running the dispatcher several
 * times a day as Quartz would, and checks every message sent and every one not sent:
 * weekends, Christmas, Trettondedag jul, a stop of several days, daylight saving, summer
 * pause and a deadline extension.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
// Recording channels: only a configured channel's acceptance makes a message SENT.
@Import({ TestClockConfiguration.class, RecordingChannels.class })
class SendOutScheduleTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	private static final List<LocalTime> RUNS = List.of(LocalTime.of(6, 0), LocalTime.of(8, 0), LocalTime.of(9, 30),
			LocalTime.of(12, 0), LocalTime.of(16, 45), LocalTime.of(19, 0), LocalTime.of(23, 30));

	@Autowired
	SendOuts sendOuts;

	@Autowired
	SendOutOperations operations;

	@Autowired
	SendOutQueries queries;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private int counter;

	@BeforeEach
	void startBeforeEverything() {
		this.clock.set(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void remindsOnlyThoseWhoHaveNotAnsweredOnWorkingDaysAroundChristmasAndTrettondedagJul() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		List<Person> recipients = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow());
		assertThat(recipients).hasSize(4);
		Person early = recipients.get(0);

		walk(LocalDate.of(2026, 12, 16), LocalDate.of(2026, 12, 28));
		submit(id, early, LocalDate.of(2026, 12, 29));
		walk(LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 20));

		Map<LocalDate, List<String>> sent = sentByDay(id);
		assertThat(sent).containsOnlyKeys(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 28),
				LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 14),
				LocalDate.of(2027, 1, 15));
		assertThat(sent.get(LocalDate.of(2026, 12, 17))).hasSize(4).allMatch(kind -> kind.equals("INVITATION"));
		assertThat(sent.get(LocalDate.of(2026, 12, 28))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 1"));
		assertThat(sent.get(LocalDate.of(2027, 1, 4))).hasSize(3).allMatch(kind -> kind.equals("REMINDER 2"));
		assertThat(sent.get(LocalDate.of(2027, 1, 8))).hasSize(3).allMatch(kind -> kind.equals("REMINDER 3"));
		assertThat(sent.get(LocalDate.of(2027, 1, 14))).hasSize(3).allMatch(kind -> kind.equals("REMINDER 4"));
		assertThat(sent.get(LocalDate.of(2027, 1, 15))).hasSize(this.directory.members(Network.PROJEKTLEDARE).size())
			.allMatch(kind -> kind.equals("ESCALATION"));
		assertThat(remindersTo(id, early)).isEqualTo(1);
		assertThat(escalatedMissing(id)).hasSize(3).doesNotContain(early.id().value().toString());
	}

	@Test
	void countsKristiHimmelsfardsdagAsNoWorkingDay() {
		// Opens Monday 11 May 2026; Thursday 14 May is Kristi himmelsfärdsdag, so the
		// fifth
		// working day is Tuesday 19 May.
		SendOutId id = define(at(2026, 5, 11, 8, 0), at(2026, 6, 12, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 21));

		assertThat(sentByDay(id)).containsOnlyKeys(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 19));
		assertThat(sentByDay(id).get(LocalDate.of(2026, 5, 19))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 1"));
	}

	@Test
	void sendsOnlyTheLatestDueReminderOnceAfterAStopAndOnlyInsideSendingHours() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 23));

		// Samla is down from Christmas until the evening of 5 January: reminders 1 and 2
		// fell due.
		this.clock.set(at(2027, 1, 5, 19, 0));
		this.dispatcher.run();
		assertThat(sentByDay(id)).doesNotContainKey(LocalDate.of(2027, 1, 5));
		walk(LocalDate.of(2027, 1, 6), LocalDate.of(2027, 1, 7));

		Map<LocalDate, List<String>> sent = sentByDay(id);
		assertThat(sent.get(LocalDate.of(2027, 1, 7))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 2"));
		assertThat(sent).doesNotContainKey(LocalDate.of(2027, 1, 6));
		assertThat(sent.values().stream().flatMap(List::stream)).noneMatch(kind -> kind.equals("REMINDER 1"));
	}

	@Test
	void remindsPeopleInvitedLateNoSoonerThanTheRuleSpacingAfterTheirInvitation() {
		// Opens Tuesday 24 November; the plan has reminders on 1, 4 and 9 December and
		// the
		// last-day reminder on 17 December. Samla starts only on Friday 4 December, the
		// day of reminder 2.
		SendOutId id = define(at(2026, 11, 24, 8, 0), at(2026, 12, 18, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 18));

		Map<LocalDate, List<String>> sent = sentByDay(id);
		assertThat(sent.get(LocalDate.of(2026, 12, 4))).hasSize(4).allMatch(kind -> kind.equals("INVITATION"));
		// five working days after the invitation, the latest reminder then due
		assertThat(sent.get(LocalDate.of(2026, 12, 11))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 3"));
		assertThat(sent.get(LocalDate.of(2026, 12, 17))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 4"));
		assertThat(sent.values().stream().flatMap(List::stream)).filteredOn(kind -> kind.startsWith("REMINDER"))
			.hasSize(8);
	}

	@Test
	@DirtiesContext // the person added would join the other tests' audience
	void remindsSomeoneAddedToTheDirectoryMidRoundOnTheirOwnWorkingDays() {
		SendOutId id = define(at(2026, 11, 24, 8, 0), at(2026, 12, 18, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 6));
		this.clock.set(at(2026, 12, 7, 10, 30));
		ImportReport added = this.directoryImport.importPeople("late.csv", new ByteArrayInputStream("""
				Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id
				Sena Svensson;sena.svensson@example.org;Kumla;Socialchef;Socialchefsnätverket;E-post;sv;;
				""".getBytes(StandardCharsets.UTF_8)), false);
		assertThat(added.applied()).isTrue();
		Person late = this.directory.personByEmail("sena.svensson@example.org").orElseThrow();
		walk(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 18));

		assertThat(sentTo(id, late)).containsExactly(Map.entry(LocalDate.of(2026, 12, 7), "INVITATION"),
				Map.entry(LocalDate.of(2026, 12, 14), "REMINDER 3"),
				Map.entry(LocalDate.of(2026, 12, 17), "REMINDER 4"));
		assertThat(sentByDay(id).get(LocalDate.of(2026, 12, 9))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 3"));
	}

	@Test
	void neitherSkipsNorDoublesAReminderAcrossTheSpringDaylightSavingChange() {
		// Reminder 1 falls on Monday 30 March 2026, the day after clocks go forward.
		SendOutId id = define(at(2026, 3, 23, 8, 0), at(2026, 4, 30, 17, 0), SendOutRules.defaults(STOCKHOLM));
		for (Instant t = at(2026, 3, 23, 7, 0); t.isBefore(at(2026, 3, 31, 12, 0)); t = t.plusSeconds(1800)) {
			this.clock.set(t);
			this.dispatcher.run();
		}

		List<Instant> reminders = finished(id, "REMINDER");
		assertThat(reminders).hasSize(4).allMatch(time -> time.equals(Instant.parse("2026-03-30T06:00:00Z")));
		assertThat(reminders.get(0).atZone(STOCKHOLM).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
	}

	@Test
	void neitherSkipsNorDoublesAReminderAcrossTheAutumnDaylightSavingChange() {
		// Reminder 1 falls on Monday 26 October 2026, the day after clocks go back.
		SendOutId id = define(at(2026, 10, 19, 8, 0), at(2026, 11, 30, 17, 0), SendOutRules.defaults(STOCKHOLM));
		for (Instant t = at(2026, 10, 19, 7, 0); t.isBefore(at(2026, 10, 27, 12, 0)); t = t.plusSeconds(1800)) {
			this.clock.set(t);
			this.dispatcher.run();
		}

		assertThat(finished(id, "REMINDER")).hasSize(4)
			.allMatch(time -> time.equals(Instant.parse("2026-10-26T07:00:00Z")));
	}

	@Test
	void holdsMessagesDuringTheSummerPauseAndSendsInTheWeekAfter() {
		SendOutRules rules = new SendOutRules(ReminderRule.DEFAULT, QuietHours.defaults(STOCKHOLM),
				new SummerPause(27, 32), null, DigestSchedule.NONE);
		// Opens Monday 22 June 2026 (week 26); reminder 1 would fall in week 27.
		SendOutId id = define(at(2026, 6, 22, 8, 0), at(2026, 8, 28, 17, 0), rules);
		walk(LocalDate.of(2026, 6, 22), LocalDate.of(2026, 8, 12));

		Map<LocalDate, List<String>> sent = sentByDay(id);
		assertThat(sent.keySet()).allMatch(day -> day.equals(LocalDate.of(2026, 6, 22)) || !inWeeks(day, 27, 32));
		assertThat(sent.get(LocalDate.of(2026, 8, 10))).hasSize(4).allMatch(kind -> kind.startsWith("REMINDER"));
	}

	@Test
	void replansTheLastDayReminderWhenTheDeadlineIsExtended() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2027, 1, 12));
		this.operations.extendDeadline(id, at(2027, 1, 22, 17, 0));
		walk(LocalDate.of(2027, 1, 13), LocalDate.of(2027, 1, 25));

		Map<LocalDate, List<String>> sent = sentByDay(id);
		assertThat(sent).doesNotContainKey(LocalDate.of(2027, 1, 14)).doesNotContainKey(LocalDate.of(2027, 1, 15));
		assertThat(sent.get(LocalDate.of(2027, 1, 21))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 4"));
		assertThat(sent.get(LocalDate.of(2027, 1, 22))).allMatch(kind -> kind.equals("ESCALATION"));
	}

	@Test
	void sendsNothingWhilePausedAndCatchesUpWithOneMessageAfterResuming() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 18));
		this.operations.pause(id);
		walk(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 5));
		assertThat(sentByDay(id)).containsOnlyKeys(LocalDate.of(2026, 12, 17));

		this.operations.resume(id);
		walk(LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 7));
		assertThat(sentByDay(id).get(LocalDate.of(2027, 1, 7))).hasSize(4).allMatch(kind -> kind.equals("REMINDER 2"));
	}

	@Test
	void sendsNothingMoreAfterAnEarlyClose() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 17));
		this.operations.close(id);
		walk(LocalDate.of(2026, 12, 18), LocalDate.of(2027, 1, 20));

		assertThat(sentByDay(id)).containsOnlyKeys(LocalDate.of(2026, 12, 17));
		assertThat(this.sendOuts.state(this.sendOuts.find(id).orElseThrow())).isEqualTo(SendOutState.CLOSED);
	}

	@Test
	void theScheduleListsEveryMessageTheDispatcherThenSendsWithItsDayKindAndChannel() {
		SendOutRules rules = new SendOutRules(ReminderRule.DEFAULT, QuietHours.defaults(STOCKHOLM), null,
				Escalation.toProjectLeads(), new DigestSchedule(DayOfWeek.MONDAY, true, Set.of(Network.PROJEKTLEDARE),
						Set.of(Network.PROJEKTLEDARE)));
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), rules);
		this.clock.set(at(2026, 12, 1, 9, 0));

		List<ScheduledMessage> schedule = this.queries.schedule(id);

		assertThat(schedule).filteredOn(message -> message.kind() == MessageKind.INVITATION)
			.hasSize(4)
			.allMatch(message -> message.at().equals(at(2026, 12, 17, 10, 0)) && message.channel() == Channel.EMAIL);
		assertThat(schedule).filteredOn(message -> message.kind() == MessageKind.REMINDER)
			.extracting(ScheduledMessage::label)
			.containsOnly("reminder 1", "reminder 2", "reminder 3", "reminder 4")
			.hasSize(16);
		assertThat(schedule).filteredOn(message -> message.kind() == MessageKind.DIGEST)
			.allMatch(message -> message.channel() != null || message.teamsCard())
			.allMatch(message -> message.label().startsWith("digest "));
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2027, 1, 20));
		assertThat(sentAsScheduled(id)).containsExactlyInAnyOrderElementsOf(asScheduled(schedule));
	}

	@Test
	void theScheduleOfALateStartFollowsThePerPersonSpacing() {
		SendOutId id = define(at(2026, 11, 24, 8, 0), at(2026, 12, 18, 17, 0), SendOutRules.defaults(STOCKHOLM));
		this.clock.set(at(2026, 12, 4, 7, 0));

		List<ScheduledMessage> schedule = this.queries.schedule(id);

		assertThat(schedule).filteredOn(message -> message.kind() == MessageKind.REMINDER)
			.extracting(message -> message.label() + " " + message.at().atZone(STOCKHOLM).toLocalDate())
			.containsOnly("reminder 3 2026-12-11", "reminder 4 2026-12-17");
		walk(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 18));
		assertThat(sentAsScheduled(id)).containsExactlyInAnyOrderElementsOf(asScheduled(schedule));
		assertThat(this.queries.schedule(id)).isEmpty();
	}

	@Test
	void previewsADayOfTheScheduleWithLabelsAndChannels() {
		SendOutRules rules = new SendOutRules(ReminderRule.DEFAULT, QuietHours.defaults(STOCKHOLM), null,
				Escalation.toProjectLeads(), new DigestSchedule(DayOfWeek.MONDAY, true, Set.of(Network.PROJEKTLEDARE)));
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), rules);
		this.clock.set(at(2026, 12, 1, 9, 0));

		List<PreviewedMessage> monday = this.queries.preview(id, LocalDate.of(2026, 12, 28));

		assertThat(monday).filteredOn(message -> message.kind() == MessageKind.DIGEST)
			.isNotEmpty()
			.allMatch(message -> message.label().startsWith("digest 2"));
		assertThat(monday).filteredOn(message -> message.kind() == MessageKind.REMINDER)
			.hasSize(4)
			.allMatch(message -> message.label().equals("reminder 1") && message.channel() == Channel.EMAIL);
		assertThat(monday).extracting(message -> message.person() + " " + message.label()).doesNotHaveDuplicates();
	}

	@Test
	void previewsWhatADayWouldBringWithoutSendingIt() {
		SendOutId id = define(at(2026, 12, 17, 10, 0), at(2027, 1, 15, 17, 0), SendOutRules.defaults(STOCKHOLM));
		this.clock.set(at(2026, 12, 1, 9, 0));
		assertThat(this.queries.preview(id, LocalDate.of(2026, 12, 17))).hasSize(4)
			.allMatch(message -> message.kind() == MessageKind.INVITATION);
		assertThat(this.queries.preview(id, LocalDate.of(2026, 12, 28))).hasSize(4)
			.allMatch(message -> message.kind() == MessageKind.REMINDER && message.number() == 1);
		walk(LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 17));

		assertThat(this.queries.preview(id, LocalDate.of(2026, 12, 28))).hasSize(4)
			.allMatch(message -> message.kind() == MessageKind.REMINDER && message.number() == 1);
		assertThat(this.queries.preview(id, LocalDate.of(2026, 12, 29))).isEmpty();
		assertThat(this.queries.preview(id, LocalDate.of(2026, 12, 24))).isEmpty();
		assertThat(sentByDay(id)).containsOnlyKeys(LocalDate.of(2026, 12, 17));
	}

	private SendOutId define(Instant opens, Instant deadline, SendOutRules rules) {
		SendOutId id = new SendOutId("walk-" + (++this.counter) + "-" + System.nanoTime());
		this.sendOuts.define(new SendOut(
				id, "Test", new QuestionnaireId("steg2"), new Audience(Set.of(),
						Set.of(new OrganisationId("kumla"), new OrganisationId("askersund")), List.of(), false),
				opens, deadline, null, null, "test", rules, null));
		return id;
	}

	private void walk(LocalDate from, LocalDate to) {
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (LocalTime time : RUNS) {
				this.clock.set(LocalDateTime.of(day, time).atZone(STOCKHOLM).toInstant());
				this.dispatcher.run();
			}
		}
	}

	private void submit(SendOutId id, Person person, LocalDate day) {
		this.clock.set(LocalDateTime.of(day, LocalTime.of(7, 0)).atZone(STOCKHOLM).toInstant());
		ResponseState state = this.responses.startOrResume(id, person.id(), Channel.EMAIL);
		for (Step step : state.steps()) {
			if (step.question().required()) {
				this.responses.answer(state.id(), step.key(), new TextAnswer("Svar"), Source.of(Channel.EMAIL, null));
			}
		}
		assertThat(this.responses.submit(state.id(), Source.of(Channel.EMAIL, null)).isAccepted()).isTrue();
	}

	private Map<LocalDate, List<String>> sentByDay(SendOutId id) {
		return this.jdbc.sql("SELECT kind, number, finished_at FROM outbox WHERE send_out_id = ? AND status = 'SENT'")
			.param(id.value())
			.query((rs, n) -> Map.entry(
					rs.getObject("finished_at", java.time.OffsetDateTime.class)
						.toInstant()
						.atZone(STOCKHOLM)
						.toLocalDate(),
					rs.getString("kind") + ((rs.getInt("number") > 0) ? " " + rs.getInt("number") : "")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private List<Map.Entry<LocalDate, String>> sentTo(SendOutId id, Person person) {
		return this.jdbc.sql("""
				SELECT kind, number, finished_at FROM outbox
				WHERE send_out_id = ? AND person_id = ? AND status = 'SENT' ORDER BY finished_at
				""")
			.params(id.value(), person.id().value())
			.query((rs, n) -> Map.entry(
					rs.getObject("finished_at", java.time.OffsetDateTime.class)
						.toInstant()
						.atZone(STOCKHOLM)
						.toLocalDate(),
					rs.getString("kind") + ((rs.getInt("number") > 0) ? " " + rs.getInt("number") : "")))
			.list();
	}

	private List<String> sentAsScheduled(SendOutId id) {
		return this.jdbc.sql("""
				SELECT person_id, kind, number, message_key, finished_at, channel FROM outbox
				WHERE send_out_id = ? AND status = 'SENT'
				""")
			.param(id.value())
			.query((rs, n) -> rs.getObject("person_id") + " " + rs.getString("kind") + " " + rs.getInt("number")
					+ (OutboxKey.parse(rs.getString("message_key")).kind() instanceof OutboxKey.Digest digest
							&& digest.teamsCard() ? " card" : "")
					+ " "
					+ rs.getObject("finished_at", java.time.OffsetDateTime.class)
						.toInstant()
						.atZone(STOCKHOLM)
						.toLocalDate()
					+ " " + rs.getString("channel"))
			.list();
	}

	private static List<String> asScheduled(List<ScheduledMessage> schedule) {
		return schedule.stream()
			.map(message -> message.person().value() + " " + message.kind() + " " + message.number()
					+ (message.teamsCard() ? " card" : "") + " " + message.at().atZone(STOCKHOLM).toLocalDate() + " "
					+ message.channel())
			.toList();
	}

	private List<Instant> finished(SendOutId id, String kind) {
		return this.jdbc.sql("SELECT finished_at FROM outbox WHERE send_out_id = ? AND kind = ? AND status = 'SENT'")
			.params(id.value(), kind)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
	}

	private long remindersTo(SendOutId id, Person person) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM outbox WHERE send_out_id = ? AND person_id = ? AND kind = 'REMINDER' AND status = 'SENT'")
			.params(id.value(), person.id().value())
			.query(Long.class)
			.single();
	}

	private List<String> escalatedMissing(SendOutId id) {
		String payload = this.jdbc
			.sql("SELECT payload FROM outbox WHERE send_out_id = ? AND kind = 'ESCALATION' FETCH FIRST 1 ROWS ONLY")
			.param(id.value())
			.query(String.class)
			.single();
		return List.of(payload.split(","));
	}

	private static boolean inWeeks(LocalDate day, int from, int to) {
		int week = day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		return week >= from && week <= to;
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(STOCKHOLM).toInstant();
	}

}
