package se.samla.campaigns.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Escalation;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.ScheduleValidator;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SummerPause;
import se.samla.directory.Network;
import se.samla.shared.SendOutId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleLoaderTests {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	/** Lines 1-7; keys added by a test start on line 8. */
	static final String FIXED = """
			id: steg2-2026
			title: Kartläggning steg 2
			questionnaire: steg2
			audience:
			  networks: [Socialchefsnätverket]
			opens: 2026-11-24T08:00
			deadline: 2026-12-18
			""";

	/** Lines 1-5; keys added by a test start on line 6. */
	static final String RECURRING = """
			id: uppfoljning
			title: Årlig uppföljning {year}
			questionnaire: uppfoljning
			audience: { activityOwners: true }
			recurrence:
			""";

	@TempDir
	Path dir;

	@Test
	void withoutRuleKeysTheDefaultRulesInTheConfiguredZoneApply() throws IOException {
		ZoneId helsinki = ZoneId.of("Europe/Helsinki");
		write("a.yml", FIXED);

		SendOut sendOut = new ScheduleLoader(helsinki).load(this.dir).get(0);

		assertThat(sendOut.rules()).isEqualTo(SendOutRules.defaults(helsinki));
		assertThat(sendOut.rules().quietHours().zone()).isEqualTo(helsinki);
	}

	@Test
	void readsEveryRuleKey() throws IOException {
		write("a.yml",
				FIXED + """
						reminders: { firstAfterWorkingDays: 4, thenEveryWorkingDays: 2, max: 2, lastWorkingDayBeforeDeadline: false }
						quietHours: { from: "09:00", to: "16:30" }
						summerPause: { fromWeek: 27, toWeek: 32 }
						escalation: { afterWorkingDays: 2, to: [Projektledare, HR-chefsnätverket] }
						digests: { weeklyOn: monday, afterDeadline: true, to: [Socialchefsnätverket] }
						""");

		SendOutRules rules = load().get(0).rules();

		assertThat(rules.reminders()).isEqualTo(new ReminderRule(4, 2, 2, false));
		assertThat(rules.quietHours()).isEqualTo(new QuietHours(LocalTime.of(9, 0), LocalTime.of(16, 30), STOCKHOLM));
		assertThat(rules.summerPause()).isEqualTo(new SummerPause(27, 32));
		assertThat(rules.escalation())
			.isEqualTo(new Escalation(2, Set.of(Network.PROJEKTLEDARE, Network.HR_CHEFSNATVERKET)));
		assertThat(rules.digests())
			.isEqualTo(new DigestSchedule(DayOfWeek.MONDAY, true, Set.of(Network.SOCIALCHEFSNATVERKET)));
	}

	@Test
	void partialRuleMappingsKeepTheOtherDefaults() throws IOException {
		write("a.yml", FIXED + """
				reminders: { max: 1 }
				escalation: { afterWorkingDays: 3 }
				""");

		SendOutRules rules = load().get(0).rules();

		assertThat(rules.reminders()).isEqualTo(new ReminderRule(5, 3, 1, true));
		assertThat(rules.escalation()).isEqualTo(new Escalation(3, Set.of(Network.PROJEKTLEDARE)));
	}

	@Test
	void noneSwitchesRemindersEscalationAndDigestsOff() throws IOException {
		write("a.yml", FIXED + """
				reminders: none
				escalation: none
				digests: none
				""");

		SendOutRules rules = load().get(0).rules();

		assertThat(rules.reminders()).isEqualTo(ReminderRule.NONE);
		assertThat(rules.escalation()).isNull();
		assertThat(rules.digests()).isEqualTo(DigestSchedule.NONE);
	}

	@Test
	void reportsQuietHoursThatEndBeforeTheyStart() throws IOException {
		write("a.yml", FIXED + "quietHours: { from: \"18:00\", to: \"08:00\" }\n");

		assertThat(problems()).containsExactly("a.yml:8: quietHours: from 18:00 must come before to 08:00");
	}

	@Test
	void reportsAnUnknownNetworkInEscalation() throws IOException {
		write("a.yml", FIXED + """
				escalation:
				  to: [Projektledare, Rektorsnätverket]
				""");

		assertThat(problems()).containsExactly("a.yml:9: escalation.to: unknown network 'Rektorsnätverket'");
	}

	@Test
	void reportsUnknownKeysAtEveryLevel() throws IOException {
		write("a.yml", FIXED + """
				remindres: { max: 2 }
				reminders: { frist: 5 }
				""");

		assertThat(problems()).hasSize(2)
			.anySatisfy(p -> assertThat(p).startsWith("a.yml:8: unknown key 'remindres'"))
			.anySatisfy(p -> assertThat(p).startsWith("a.yml:9: unknown key 'reminders.frist'"));
	}

	@Test
	void reportsAKeyWrittenTwiceAtItsSecondLineInsteadOfLettingTheLastWin() throws IOException {
		write("a.yml", FIXED + "deadline: 2026-12-31\n");

		assertThat(problems()).containsExactly("a.yml:8: key 'deadline' appears twice (first on line 7)");
	}

	@Test
	void reportsAKeyWrittenTwiceInARuleByItsPathAndKeepsTheFirst() throws IOException {
		write("a.yml", FIXED + """
				reminders:
				  max: 1
				  max: 4
				audience:
				""");

		assertThat(problems()).containsExactly("a.yml:10: key 'reminders.max' appears twice (first on line 9)",
				"a.yml:11: key 'audience' appears twice (first on line 4)");
	}

	@Test
	void reportsATabInTheIndentation() throws IOException {
		write("a.yml", FIXED + "reminders:\n\tmax: 1\n");

		assertThat(problems()).containsExactly("a.yml:9: the line is indented with a tab; YAML needs spaces");
	}

	@Test
	void reportsAnEmptyFileAndOneThatIsNotAMapping() throws IOException {
		write("a.yml", "# to be written\n");
		write("b.yml", "- id: steg2-2026\n");

		assertThat(problems()).containsExactly(
				"a.yml:1: the file is empty; expected a mapping with id, title, questionnaire, audience, opens and deadline",
				"b.yml:1: expected a mapping with id, title, questionnaire, audience, opens and deadline, not a list");
	}

	@Test
	void collectsEveryProblemOfEveryRuleWithItsLine() throws IOException {
		write("a.yml", FIXED + """
				reminders: { firstAfterWorkingDays: 0, max: many }
				summerPause: { fromWeek: 33, toWeek: 27 }
				digests: { weeklyOn: måndag, afterDeadline: yes }
				""");
		write("b.yml", FIXED.replace("steg2-2026", "other") + "digests: { afterDeadline: true }\n");

		assertThat(problems()).containsExactly(
				"a.yml:8: reminders.firstAfterWorkingDays must be a whole number from 1 to 250, not '0'",
				"a.yml:8: reminders.max must be a whole number from 0 to 20, not 'many'",
				"a.yml:9: summerPause: fromWeek 33 must not come after toWeek 27",
				"a.yml:10: digests.weeklyOn: 'måndag' is not a day of the week (monday ... sunday)",
				"a.yml:10: digests.afterDeadline must be true or false",
				"b.yml:8: digests need 'to': the networks that receive them");
	}

	@Test
	void reportsAnInvalidTimeOfDay() throws IOException {
		write("a.yml", FIXED + "quietHours: { from: \"8 o'clock\" }\n");

		assertThat(problems())
			.containsExactly("a.yml:8: quietHours.from: '8 o'clock' is not a time of day such as \"08:00\"");
	}

	@Test
	void expandsARecurringSendOutIntoOneRoundPerYear() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2025, to: 2030 }
				  opens: { month: 12, firstWorkingDay: true, time: "08:00" }
				  deadlineAfterWorkingDays: 10
				""");

		List<SendOut> rounds = load();

		assertThat(rounds).extracting(r -> r.id().value())
			.containsExactly("uppfoljning-2025", "uppfoljning-2026", "uppfoljning-2027", "uppfoljning-2028",
					"uppfoljning-2029", "uppfoljning-2030");
		assertThat(rounds).extracting(SendOut::title)
			.containsExactly("Årlig uppföljning 2025", "Årlig uppföljning 2026", "Årlig uppföljning 2027",
					"Årlig uppföljning 2028", "Årlig uppföljning 2029", "Årlig uppföljning 2030");
		assertThat(rounds).extracting(r -> (r.previous() != null) ? r.previous().value() : null)
			.containsExactly(null, "uppfoljning-2025", "uppfoljning-2026", "uppfoljning-2027", "uppfoljning-2028",
					"uppfoljning-2029");
		assertThat(rounds).extracting(r -> r.opensAt().atZone(STOCKHOLM).toLocalDate())
			.containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 12, 1),
					LocalDate.of(2028, 12, 1), LocalDate.of(2029, 12, 3), LocalDate.of(2030, 12, 2));
		assertThat(rounds).allSatisfy(r -> assertThat(r.source()).isEqualTo("uppfoljning.yml"));
	}

	@Test
	void aRecurringRoundOpensAtItsTimeAndClosesAtTheEndOfSendingHoursOfItsLastWorkingDay() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2026, to: 2026 }
				  opens: { month: 12, firstWorkingDay: true, time: "09:30" }
				  deadlineAfterWorkingDays: 10
				""");

		SendOut round = load().get(0);

		assertThat(round.opensAt()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
		assertThat(round.deadline()).isEqualTo(Instant.parse("2026-12-15T16:00:00Z"));
	}

	@Test
	void aRecurringRoundCanOpenOnAFixedDay() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2026, to: 2027 }
				  opens: { month: 3, day: 15 }
				  deadlineAfterWorkingDays: 5
				""");

		assertThat(load()).extracting(SendOut::opensAt)
			.containsExactly(Instant.parse("2026-03-15T07:00:00Z"), Instant.parse("2027-03-15T07:00:00Z"));
	}

	@Test
	void reportsReversedRecurrenceYears() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2030, to: 2025 }
				  opens: { month: 12, firstWorkingDay: true }
				  deadlineAfterWorkingDays: 10
				""");

		assertThat(problems())
			.containsExactly("uppfoljning.yml:6: recurrence.yearly: from 2030 must not come after to 2025");
	}

	@Test
	void reportsEveryRecurrenceMistake() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2025 }
				  opens: { month: 13, day: 1, firstWorkingDay: true }
				  every: year
				""");

		assertThat(problems()).containsExactlyInAnyOrder(
				"uppfoljning.yml:8: unknown key 'recurrence.every' (expected one of deadlineAfterWorkingDays, opens, yearly)",
				"uppfoljning.yml:6: recurrence needs yearly: { from: <year>, to: <year> }",
				"uppfoljning.yml:7: recurrence.opens.month must be a whole number from 1 to 12, not '13'",
				"uppfoljning.yml:7: recurrence.opens needs either day or firstWorkingDay: true, not both",
				"uppfoljning.yml:6: recurrence needs deadlineAfterWorkingDays");
	}

	@Test
	void reportsMissingRecurrenceParts() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2025 }
				  opens: { month: 2, day: 30 }
				""");

		assertThat(problems()).containsExactly(
				"uppfoljning.yml:6: recurrence needs yearly: { from: <year>, to: <year> }",
				"uppfoljning.yml:6: recurrence needs deadlineAfterWorkingDays",
				"uppfoljning.yml:7: recurrence.opens: month 2 has no day 30");
	}

	@Test
	void reportsADayThatDoesNotExistInSomeYears() throws IOException {
		write("uppfoljning.yml", RECURRING + """
				  yearly: { from: 2027, to: 2028 }
				  opens: { month: 2, day: 29 }
				  deadlineAfterWorkingDays: 5
				""");

		assertThat(problems()).containsExactly("uppfoljning.yml:7: recurrence.opens: 2027-2-29 does not exist");
	}

	@Test
	void aRecurringSendOutNeedsYearInItsTitleAndNoFixedDates() throws IOException {
		String recurrence = """
				  yearly: { from: 2025, to: 2026 }
				  opens: { month: 12, firstWorkingDay: true }
				  deadlineAfterWorkingDays: 10
				""";
		write("a.yml", RECURRING.replace(" {year}", "") + recurrence);
		write("b.yml", RECURRING.replace("uppfoljning\n", "other\n") + recurrence + "opens: 2026-12-01\n");

		assertThat(problems()).containsExactly(
				"a.yml:2: the title of a recurring send-out must contain {year} so that the rounds can be told apart",
				"b.yml:9: a recurring send-out takes its opening and deadline from recurrence: remove opens and deadline");
	}

	@Test
	void aSendOutIsEnabledUnlessItsFileSaysOtherwise() throws IOException {
		write("a.yml", FIXED);
		write("b.yml", FIXED.replace("steg2-2026", "example") + "enabled: false\n");
		write("c.yml", RECURRING + """
				  yearly: { from: 2025, to: 2026 }
				  opens: { month: 12, firstWorkingDay: true }
				  deadlineAfterWorkingDays: 10
				enabled: false
				""");

		assertThat(load()).extracting(sendOut -> sendOut.id().value() + "=" + sendOut.enabled())
			.containsExactlyInAnyOrder("steg2-2026=true", "example=false", "uppfoljning-2025=false",
					"uppfoljning-2026=false");
	}

	@Test
	void enabledMustBeTrueOrFalse() throws IOException {
		write("a.yml", FIXED + "enabled: ja\n");

		assertThat(problems()).containsExactly("a.yml:8: enabled must be true or false");
	}

	@Test
	void theShippedRealSendOutsAreExamplesADeploymentEnables() {
		assertThat(ScheduleValidator.read(Path.of("scheduler"), STOCKHOLM)).isNotEmpty().noneMatch(SendOut::enabled);
	}

	@Test
	void theShippedDefinitionsLoad() {
		List<SendOut> sendOuts = ScheduleValidator.read(Path.of("scheduler"), STOCKHOLM);

		assertThat(sendOuts).extracting(SendOut::id)
			.contains(new SendOutId("steg2-2026"), new SendOutId("uppfoljning-2025"),
					new SendOutId("uppfoljning-2030"));
		SendOut steg2 = sendOuts.stream().filter(s -> s.id().value().equals("steg2-2026")).findFirst().orElseThrow();
		assertThat(steg2.rules().summerPause()).isEqualTo(new SummerPause(27, 32));
		assertThat(steg2.rules().digests().weeklyOn()).isEqualTo(DayOfWeek.MONDAY);
	}

	private List<SendOut> load() {
		return new ScheduleLoader(STOCKHOLM).load(this.dir);
	}

	private List<String> problems() {
		return assertThatExceptionOfType(ScheduleDefinitionException.class).isThrownBy(this::load).actual().problems();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.dir.resolve(name), content);
	}

}
