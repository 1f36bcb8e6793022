package se.samla.campaigns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The days Swedish offices are closed in a year: the public holidays of the law on public
 * holidays (lagen om allmänna helgdagar) and the <em>de facto</em> holidays
 * midsommarafton, julafton and nyårsafton. Computed rather than read from a holiday
 * library's XML calendar: the rules are few and fixed, and reading that calendar made
 * every command process load an XML binding framework for a dozen dates.
 */
final class SwedishHolidays {

	private static final List<MonthDay> FIXED = List.of(MonthDay.of(Month.JANUARY, 1), // nyårsdagen
			MonthDay.of(Month.JANUARY, 6), // trettondedag jul
			MonthDay.of(Month.MAY, 1), // första maj
			MonthDay.of(Month.JUNE, 6), // nationaldagen
			MonthDay.of(Month.DECEMBER, 24), // julafton
			MonthDay.of(Month.DECEMBER, 25), // juldagen
			MonthDay.of(Month.DECEMBER, 26), // annandag jul
			MonthDay.of(Month.DECEMBER, 31)); // nyårsafton

	private SwedishHolidays() {
	}

	static Set<LocalDate> of(int year) {
		Set<LocalDate> days = new HashSet<>();
		FIXED.forEach(day -> days.add(day.atYear(year)));
		LocalDate easter = easterSunday(year);
		days.add(easter.minusDays(2)); // långfredagen
		days.add(easter); // påskdagen
		days.add(easter.plusDays(1)); // annandag påsk
		days.add(easter.plusDays(39)); // Kristi himmelsfärdsdag
		days.add(easter.plusDays(49)); // pingstdagen
		// midsommardagen: the Saturday from 20 to 26 June, with its eve the day before
		LocalDate midsummer = LocalDate.of(year, Month.JUNE, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		days.add(midsummer.minusDays(1));
		days.add(midsummer);
		// alla helgons dag: the Saturday from 31 October to 6 November
		days.add(LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
		return Set.copyOf(days);
	}

	/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus). */
	static LocalDate easterSunday(int year) {
		int golden = year % 19;
		int century = year / 100;
		int yearOfCentury = year % 100;
		int epact = (19 * golden + century - century / 4 - (8 * century + 13) / 25 + 15) % 30;
		int weekday = (32 + 2 * (century % 4) + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7;
		int correction = (golden + 11 * epact + 22 * weekday) / 451;
		int monthAndDay = epact + weekday - 7 * correction + 114;
		return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
	}

}
