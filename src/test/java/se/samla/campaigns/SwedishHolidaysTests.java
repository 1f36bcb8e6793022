package se.samla.campaigns;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SwedishHolidaysTests {

	@Test
	void easterFallsOnTheDatesOfTheChurchCalendar() {
		assertThat(SwedishHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(SwedishHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(SwedishHolidays.easterSunday(2038)).as("latest possible").isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(SwedishHolidays.easterSunday(2285)).as("earliest possible").isEqualTo(LocalDate.of(2285, 3, 22));
	}

	@Test
	void aYearHasTheSixteenDaysOfficesAreClosed() {
		assertThat(SwedishHolidays.of(2026)).containsExactlyInAnyOrder(LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 1, 6), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 24),
				LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 20),
				LocalDate.of(2026, 10, 31), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
				LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 31));
	}

	@Test
	void everyYearMatchesAnIndependentSwedishCalendar() {
		HolidayManager jollyday = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
		for (int year = 1950; year <= 2150; year++) {
			Set<LocalDate> expected = jollyday.getHolidays(Year.of(year))
				.stream()
				.map(Holiday::getDate)
				.collect(Collectors.toSet());
			assertThat(SwedishHolidays.of(year)).as("holidays of %d", year).isEqualTo(expected);
		}
	}

}
