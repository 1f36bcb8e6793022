package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTests {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	final WorkingCalendar calendar = new WorkingCalendar(QuietHours.defaults(STOCKHOLM), null);

	final WorkingCalendar withSummerPause = new WorkingCalendar(QuietHours.defaults(STOCKHOLM),
			new SummerPause(27, 32));

	@ParameterizedTest(name = "{1} ({0}) is not a working day")
	@CsvSource({ "2026-01-01, Nyårsdagen", "2026-01-06, Trettondedag jul", "2026-04-03, Långfredag",
			"2026-04-06, Annandag påsk", "2026-05-01, Första maj", "2026-05-14, Kristi himmelsfärdsdag",
			"2026-06-19, Midsommarafton", "2026-06-06, Nationaldagen (a Saturday in 2026)",
			"2025-06-06, Nationaldagen (a Friday in 2025)", "2026-12-24, Julafton", "2026-12-25, Juldagen",
			"2026-12-26, Annandag jul", "2026-12-31, Nyårsafton", "2027-03-26, Långfredag 2027",
			"2030-05-30, Kristi himmelsfärdsdag 2030", "2026-11-28, a Saturday", "2026-11-29, a Sunday" })
	void holidaysAndWeekendsAreNotWorkingDays(LocalDate date, String what) {
		assertThat(this.calendar.isWorkingDay(date)).isFalse();
	}

	@ParameterizedTest(name = "{0} is a working day")
	@CsvSource({ "2026-11-23", "2026-12-23", "2026-12-30", "2026-01-07", "2026-04-02", "2026-06-18", "2026-04-30" })
	void ordinaryWeekdaysAreWorkingDays(LocalDate date) {
		assertThat(this.calendar.isWorkingDay(date)).isTrue();
	}

	@Test
	void deFactoHolidaysCountAsHolidays() {
		assertThat(WorkingCalendar.isHoliday(LocalDate.of(2027, 6, 25))).as("midsommarafton 2027").isTrue();
		assertThat(WorkingCalendar.isHoliday(LocalDate.of(2027, 12, 24))).as("julafton 2027").isTrue();
		assertThat(WorkingCalendar.isHoliday(LocalDate.of(2027, 12, 31))).as("nyårsafton 2027").isTrue();
	}

	@Test
	void summerPauseWeeksAreNotWorkingDays() {
		assertThat(this.withSummerPause.isWorkingDay(LocalDate.of(2026, 6, 26))).as("Friday of week 26").isTrue();
		assertThat(this.withSummerPause.isWorkingDay(LocalDate.of(2026, 6, 29))).as("Monday of week 27").isFalse();
		assertThat(this.withSummerPause.isWorkingDay(LocalDate.of(2026, 8, 7))).as("Friday of week 32").isFalse();
		assertThat(this.withSummerPause.isWorkingDay(LocalDate.of(2026, 8, 10))).as("Monday of week 33").isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 7, 1))).as("no pause configured").isTrue();
	}

	@Test
	void plusWorkingDaysSkipsWeekendsAndHolidays() {
		// Thu 1 Jan 2026 is a holiday, then the weekend; Tue 6 Jan is Trettondedag jul
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2025, 12, 30), 1)).isEqualTo("2026-01-02");
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2025, 12, 30), 3)).isEqualTo("2026-01-07");
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 11, 27), 1)).isEqualTo("2026-11-30");
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 11, 27), 0)).isEqualTo("2026-11-27");
	}

	@Test
	void plusWorkingDaysCountsFromANonWorkingDay() {
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 11, 28), 1)).isEqualTo("2026-11-30");
	}

	@Test
	void lastWorkingDayBeforeAndFirstOnOrAfterSkipHolidays() {
		assertThat(this.calendar.lastWorkingDayBefore(LocalDate.of(2026, 12, 28))).isEqualTo("2026-12-23");
		assertThat(this.calendar.lastWorkingDayBefore(LocalDate.of(2026, 12, 18))).isEqualTo("2026-12-17");
		assertThat(this.calendar.firstWorkingDayOnOrAfter(LocalDate.of(2026, 12, 24))).isEqualTo("2026-12-28");
		assertThat(this.calendar.firstWorkingDayOnOrAfter(LocalDate.of(2026, 12, 28))).isEqualTo("2026-12-28");
		assertThat(this.withSummerPause.firstWorkingDayOnOrAfter(LocalDate.of(2026, 6, 29))).isEqualTo("2026-08-10");
	}

	@Test
	void sendingTimeIsWithinQuietHoursOnWorkingDaysOnly() {
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-11-23T07:00:00Z"))).as("Mon 08:00").isTrue();
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-11-23T06:59:59Z"))).as("Mon 07:59").isFalse();
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-11-23T15:59:59Z"))).as("Mon 16:59").isTrue();
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-11-23T16:00:00Z"))).as("Mon 17:00").isFalse();
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-11-28T10:00:00Z"))).as("Saturday").isFalse();
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-12-24T10:00:00Z"))).as("julafton").isFalse();
	}

	@Test
	void nextSendingTimeFromFridayEveningIsMondayMorning() {
		Instant fridayEvening = Instant.parse("2026-11-27T16:30:00Z"); // 17:30 local

		assertThat(this.calendar.nextSendingTime(fridayEvening)).isEqualTo("2026-11-30T07:00:00Z");
	}

	@Test
	void nextSendingTimeIsTheInstantItselfWithinSendingHours() {
		Instant tuesdayNoon = Instant.parse("2026-11-24T11:00:00Z");

		assertThat(this.calendar.nextSendingTime(tuesdayNoon)).isEqualTo(tuesdayNoon);
	}

	@Test
	void nextSendingTimeEarlyOnAWorkingDayIsThatMorning() {
		assertThat(this.calendar.nextSendingTime(Instant.parse("2026-11-24T03:00:00Z")))
			.isEqualTo("2026-11-24T07:00:00Z");
	}

	@Test
	void nextSendingTimeAfterChristmasSkipsEveryHoliday() {
		Instant dayBeforeJulafton = Instant.parse("2026-12-23T16:00:00Z"); // 17:00 local

		assertThat(this.calendar.nextSendingTime(dayBeforeJulafton)).isEqualTo("2026-12-28T07:00:00Z");
	}

	@Test
	void sendingStartsAtEightLocalOnTheMondayAfterTheSpringChange() {
		// clocks go forward on Sunday 29 March 2026: 08:00 CEST is 06:00Z
		Instant fridayEvening = Instant.parse("2026-03-27T17:00:00Z");

		assertThat(this.calendar.nextSendingTime(fridayEvening)).isEqualTo("2026-03-30T06:00:00Z");
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 3, 27), 1)).isEqualTo("2026-03-30");
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-03-30T05:30:00Z"))).as("07:30 local").isFalse();
	}

	@Test
	void sendingStartsAtEightLocalOnTheMondayAfterTheAutumnChange() {
		// clocks go back on Sunday 25 October 2026: 08:00 CET is 07:00Z
		Instant fridayEvening = Instant.parse("2026-10-23T16:00:00Z");

		assertThat(this.calendar.nextSendingTime(fridayEvening)).isEqualTo("2026-10-26T07:00:00Z");
		assertThat(this.calendar.isSendingTime(Instant.parse("2026-10-26T06:30:00Z"))).as("07:30 local").isFalse();
	}

}
