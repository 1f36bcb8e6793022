package se.samla.campaigns;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samla.directory.Network;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SendOutPlannerTests {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final SendOutRules DEFAULTS = SendOutRules.defaults(STOCKHOLM);

	@Test
	void plansInvitationRemindersLastDayReminderAndEscalationWithDefaultRules() {
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", DEFAULTS);

		assertThat(plan(sendOut)).containsExactly(message(MessageKind.INVITATION, 0, "2026-11-23T07:00:00Z"),
				message(MessageKind.REMINDER, 1, "2026-11-30T07:00:00Z"),
				message(MessageKind.REMINDER, 2, "2026-12-03T07:00:00Z"),
				message(MessageKind.REMINDER, 3, "2026-12-08T07:00:00Z"),
				message(MessageKind.REMINDER, 4, "2026-12-17T07:00:00Z"),
				message(MessageKind.ESCALATION, 0, "2026-12-18T07:00:00Z"));
	}

	@Test
	void skipsChristmasNewYearAndTrettondedagJul() {
		SendOut sendOut = sendOut("2026-12-21T08:00", "2027-01-22T23:59:59", DEFAULTS);

		assertThat(plan(sendOut)).containsExactly(message(MessageKind.INVITATION, 0, "2026-12-21T07:00:00Z"),
				message(MessageKind.REMINDER, 1, "2026-12-30T07:00:00Z"),
				message(MessageKind.REMINDER, 2, "2027-01-07T07:00:00Z"),
				message(MessageKind.REMINDER, 3, "2027-01-12T07:00:00Z"),
				message(MessageKind.REMINDER, 4, "2027-01-21T07:00:00Z"),
				message(MessageKind.ESCALATION, 0, "2027-01-22T07:00:00Z"));
	}

	@Test
	void invitationOutsideSendingHoursWaitsForTheNextSendingMoment() {
		SendOut sendOut = sendOut("2026-11-21T10:00", "2026-12-18T23:59:59", DEFAULTS); // a
																						// Saturday

		assertThat(plan(sendOut).get(0)).isEqualTo(message(MessageKind.INVITATION, 0, "2026-11-23T07:00:00Z"));
	}

	@Test
	void doesNotDuplicateTheLastDayReminderWhenARegularOneFallsOnThatDay() {
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-12-09T23:59:59", DEFAULTS);

		assertThat(reminders(plan(sendOut))).containsExactly(message(MessageKind.REMINDER, 1, "2026-11-30T07:00:00Z"),
				message(MessageKind.REMINDER, 2, "2026-12-03T07:00:00Z"),
				message(MessageKind.REMINDER, 3, "2026-12-08T07:00:00Z"));
	}

	@Test
	void neverRemindsAtOrAfterTheDeadline() {
		Instant deadline = Instant.parse("2026-12-03T07:00:00Z"); // exactly when reminder
																	// 2 would go
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-12-03T08:00", DEFAULTS);

		List<PlannedMessage> reminders = reminders(plan(sendOut));

		assertThat(reminders).containsExactly(message(MessageKind.REMINDER, 1, "2026-11-30T07:00:00Z"),
				message(MessageKind.REMINDER, 2, "2026-12-02T07:00:00Z"));
		assertThat(reminders).allMatch(reminder -> reminder.at().isBefore(deadline));
	}

	@Test
	void aShortSendOutGetsOnlyTheLastDayReminder() {
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-11-26T23:59:59", DEFAULTS);

		assertThat(reminders(plan(sendOut))).containsExactly(message(MessageKind.REMINDER, 1, "2026-11-25T07:00:00Z"));
	}

	@Test
	void escalationIsCappedToTheFirstWorkingDayAfterTheDeadline() {
		SendOutRules rules = new SendOutRules(new ReminderRule(5, 3, 3, false), DEFAULTS.quietHours(), null,
				new Escalation(10, Set.of(Network.PROJEKTLEDARE)), DigestSchedule.NONE);
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-12-10T23:59:59", rules);

		assertThat(plan(sendOut)).filteredOn(m -> m.kind() == MessageKind.ESCALATION)
			.containsExactly(message(MessageKind.ESCALATION, 0, "2026-12-11T07:00:00Z"));
	}

	@Test
	void withoutEscalationOrRemindersOnlyTheInvitationIsPlanned() {
		SendOutRules rules = new SendOutRules(ReminderRule.NONE, DEFAULTS.quietHours(), null, null,
				DigestSchedule.NONE);

		assertThat(plan(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", rules)))
			.containsExactly(message(MessageKind.INVITATION, 0, "2026-11-23T07:00:00Z"));
	}

	@Test
	void plansWeeklyDigestsWhileOpenAndOneAfterTheDeadline() {
		SendOutRules rules = new SendOutRules(ReminderRule.NONE, DEFAULTS.quietHours(), null, null,
				new DigestSchedule(DayOfWeek.MONDAY, true, Set.of(Network.SOCIALCHEFSNATVERKET)));

		assertThat(plan(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", rules)))
			.filteredOn(m -> m.kind() == MessageKind.DIGEST)
			.containsExactly(message(MessageKind.DIGEST, 1, "2026-11-30T07:00:00Z"),
					message(MessageKind.DIGEST, 2, "2026-12-07T07:00:00Z"),
					message(MessageKind.DIGEST, 3, "2026-12-14T07:00:00Z"),
					message(MessageKind.DIGEST, 4, "2026-12-21T07:00:00Z"));
	}

	@Test
	void summerPausePushesMessagesToWeek33() {
		SendOutRules rules = new SendOutRules(ReminderRule.DEFAULT, DEFAULTS.quietHours(), new SummerPause(27, 32),
				Escalation.toProjectLeads(), DigestSchedule.NONE);

		List<PlannedMessage> plan = plan(sendOut("2026-06-29T08:00", "2026-09-04T23:59:59", rules));

		assertThat(plan.get(0)).isEqualTo(message(MessageKind.INVITATION, 0, "2026-08-10T06:00:00Z"));
		assertThat(plan).allMatch(m -> m.at().atZone(STOCKHOLM).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) >= 33);
	}

	@Test
	void reminderAfterTheSpringDaylightSavingChangeIsAtEightLocalTime() {
		SendOutRules rules = new SendOutRules(new ReminderRule(5, 3, 3, false), DEFAULTS.quietHours(), null, null,
				DigestSchedule.NONE);

		// clocks go forward on Sunday 29 March; Good Friday and Easter Monday are
		// holidays
		assertThat(reminders(plan(sendOut("2026-03-23T08:00", "2026-04-30T23:59:59", rules)))).containsExactly(
				message(MessageKind.REMINDER, 1, "2026-03-30T06:00:00Z"),
				message(MessageKind.REMINDER, 2, "2026-04-02T06:00:00Z"),
				message(MessageKind.REMINDER, 3, "2026-04-09T06:00:00Z"));
	}

	@Test
	void reminderAfterTheAutumnDaylightSavingChangeIsAtEightLocalTime() {
		SendOutRules rules = new SendOutRules(new ReminderRule(5, 3, 3, false), DEFAULTS.quietHours(), null, null,
				DigestSchedule.NONE);

		// clocks go back on Sunday 25 October
		assertThat(reminders(plan(sendOut("2026-10-19T08:00", "2026-11-30T23:59:59", rules)))).containsExactly(
				message(MessageKind.REMINDER, 1, "2026-10-26T07:00:00Z"),
				message(MessageKind.REMINDER, 2, "2026-10-29T07:00:00Z"),
				message(MessageKind.REMINDER, 3, "2026-11-03T07:00:00Z"));
	}

	@Test
	void sendsOnlyTheLatestMissedReminderOnceAtTheNextSendingMoment() {
		SendOutPlanner planner = SendOutPlanner
			.forSendOut(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", DEFAULTS));
		List<PlannedMessage> plan = planner.plan(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", DEFAULTS));
		// Samla was down from before reminder 1 (30 Nov) until Friday 4 December at 18:00

		assertThat(planner.reminderToSend(plan, Set.of(), Instant.parse("2026-12-04T17:00:00Z"))).isEmpty();
		assertThat(planner.reminderToSend(plan, Set.of(), Instant.parse("2026-12-07T07:00:00Z")))
			.contains(message(MessageKind.REMINDER, 2, "2026-12-03T07:00:00Z"));
		assertThat(planner.reminderToSend(plan, Set.of(2), Instant.parse("2026-12-07T07:15:00Z"))).isEmpty();
		assertThat(planner.reminderToSend(plan, Set.of(2), Instant.parse("2026-12-08T07:00:00Z")))
			.contains(message(MessageKind.REMINDER, 3, "2026-12-08T07:00:00Z"));
	}

	@Test
	void sendsNothingBeforeTheFirstReminderIsDue() {
		SendOut sendOut = sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", DEFAULTS);
		SendOutPlanner planner = SendOutPlanner.forSendOut(sendOut);

		assertThat(planner.reminderToSend(planner.plan(sendOut), Set.of(), Instant.parse("2026-11-27T10:00:00Z")))
			.isEmpty();
	}

	@Test
	void latestDueFindsTheInvitationOnceItIsDue() {
		List<PlannedMessage> plan = plan(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", DEFAULTS));

		assertThat(SendOutPlanner.latestDue(plan, MessageKind.INVITATION, Instant.parse("2026-11-23T06:59:00Z")))
			.isEmpty();
		assertThat(SendOutPlanner.latestDue(plan, MessageKind.INVITATION, Instant.parse("2026-11-23T07:00:00Z")))
			.contains(message(MessageKind.INVITATION, 0, "2026-11-23T07:00:00Z"));
	}

	@Test
	void refusesASendOutWithOtherSendingHoursThanItsCalendar() {
		SendOutPlanner planner = new SendOutPlanner(new WorkingCalendar(DEFAULTS));
		SendOutRules evenings = new SendOutRules(ReminderRule.DEFAULT,
				new QuietHours(java.time.LocalTime.of(18, 0), java.time.LocalTime.of(20, 0), STOCKHOLM), null, null,
				DigestSchedule.NONE);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> planner.plan(sendOut("2026-11-23T08:00", "2026-12-18T23:59:59", evenings)));
	}

	static List<PlannedMessage> plan(SendOut sendOut) {
		return SendOutPlanner.forSendOut(sendOut).plan(sendOut);
	}

	static List<PlannedMessage> reminders(List<PlannedMessage> plan) {
		return plan.stream().filter(m -> m.kind() == MessageKind.REMINDER).toList();
	}

	static PlannedMessage message(MessageKind kind, int number, String at) {
		return new PlannedMessage(kind, number, Instant.parse(at));
	}

	static SendOut sendOut(String opens, String deadline, SendOutRules rules) {
		return new SendOut(new SendOutId("test"), "Test", new QuestionnaireId("steg2"),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET), Set.of(), List.of(), false),
				LocalDateTime.parse(opens).atZone(STOCKHOLM).toInstant(),
				LocalDateTime.parse(deadline).atZone(STOCKHOLM).toInstant(), null, null, "test.yml", rules, null);
	}

}
