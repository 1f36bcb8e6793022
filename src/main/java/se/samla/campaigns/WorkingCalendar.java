package se.samla.campaigns;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish working days and sending hours. Reminders are promised in working days ("five
 * working days after the invitation") and people must not be messaged at night, at
 * weekends, on holidays or during the summer pause, so every date and time the planner
 * picks goes through this class.
 * <p>
 * Holidays are computed for any year by {@link SwedishHolidays} (moving feasts from
 * Easter, Midsummer and All Saints from their weeks), not typed in as a list. The <em>de
 * facto</em> holidays midsommarafton, julafton and nyårsafton count as non-working too:
 * they are not public holidays by law, but Swedish offices are closed and a message on
 * those days would go unread.
 * <p>
 * Times are computed as local date and time in the sending hours' zone and only then
 * turned into instants, so a day after a daylight-saving change still starts at the same
 * local hour: never add 24-hour durations to instants here.
 */
public final class WorkingCalendar {

	/** Enough to cross any summer pause, Christmas and a weekend, with a wide margin. */
	private static final int MAX_SEARCH_DAYS = 2 * 366;

	private static final Map<Integer, Set<LocalDate>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

	private final QuietHours quietHours;

	private final SummerPause summerPause;

	/** A calendar for a send-out's sending hours and summer pause. */
	public WorkingCalendar(SendOutRules rules) {
		this(rules.quietHours(), rules.summerPause());
	}

	/**
	 * @param quietHours when messages may be sent, and the zone days are counted in
	 * @param summerPause weeks without messages, or {@code null}
	 */
	public WorkingCalendar(QuietHours quietHours, SummerPause summerPause) {
		this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
		this.summerPause = summerPause;
	}

	public QuietHours quietHours() {
		return this.quietHours;
	}

	/** The summer pause, or {@code null}. */
	public SummerPause summerPause() {
		return this.summerPause;
	}

	public ZoneId zone() {
		return this.quietHours.zone();
	}

	/** Whether the day is a Swedish public or de facto holiday. */
	public static boolean isHoliday(LocalDate date) {
		return HOLIDAYS_BY_YEAR.computeIfAbsent(date.getYear(), SwedishHolidays::of).contains(date);
	}

	/** Not a weekend, not a holiday and not in the summer pause. */
	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isHoliday(date)) {
			return false;
		}
		return this.summerPause == null || !this.summerPause.contains(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * The {@code n}th working day after {@code from} ({@code from} itself is not counted,
	 * whether or not it is a working day); {@code n = 0} returns {@code from}.
	 */
	public LocalDate plusWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("cannot count a negative number of working days");
		}
		LocalDate date = from;
		for (int counted = 0; counted < n; counted++) {
			date = firstWorkingDayOnOrAfter(date.plusDays(1));
		}
		return date;
	}

	/**
	 * How many working days come after {@code from} up to and including {@code to}: the
	 * inverse of {@link #plusWorkingDays}; 0 when {@code to} is not after {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/** The last working day strictly before the date. */
	public LocalDate lastWorkingDayBefore(LocalDate date) {
		LocalDate candidate = date.minusDays(1);
		for (int i = 0; i < MAX_SEARCH_DAYS; i++, candidate = candidate.minusDays(1)) {
			if (isWorkingDay(candidate)) {
				return candidate;
			}
		}
		throw noWorkingDay(date);
	}

	/** The date itself if it is a working day, else the next working day. */
	public LocalDate firstWorkingDayOnOrAfter(LocalDate date) {
		LocalDate candidate = date;
		for (int i = 0; i < MAX_SEARCH_DAYS; i++, candidate = candidate.plusDays(1)) {
			if (isWorkingDay(candidate)) {
				return candidate;
			}
		}
		throw noWorkingDay(date);
	}

	/**
	 * Whether a message may go out at this instant: on a working day, at or after the
	 * sending hours' {@code from} and before their {@code to}, in local time.
	 */
	public boolean isSendingTime(Instant instant) {
		ZonedDateTime local = instant.atZone(zone());
		LocalTime time = local.toLocalTime();
		return isWorkingDay(local.toLocalDate()) && !time.isBefore(this.quietHours.from())
				&& time.isBefore(this.quietHours.to());
	}

	/**
	 * The instant itself if it is sending time, else the start of the next sending
	 * window.
	 */
	public Instant nextSendingTime(Instant instant) {
		if (isSendingTime(instant)) {
			return instant;
		}
		ZonedDateTime local = instant.atZone(zone());
		LocalDate date = local.toLocalDate();
		if (isWorkingDay(date) && local.toLocalTime().isBefore(this.quietHours.from())) {
			return sendingStart(date);
		}
		return sendingStart(firstWorkingDayOnOrAfter(date.plusDays(1)));
	}

	/**
	 * When sending may start on the day (the sending hours' {@code from}, local time).
	 */
	public Instant sendingStart(LocalDate date) {
		return ZonedDateTime.of(date, this.quietHours.from(), zone()).toInstant();
	}

	/** When sending must stop on the day (the sending hours' {@code to}, local time). */
	public Instant sendingEnd(LocalDate date) {
		return ZonedDateTime.of(date, this.quietHours.to(), zone()).toInstant();
	}

	/** The local date of an instant in this calendar's zone. */
	public LocalDate dateOf(Instant instant) {
		return instant.atZone(zone()).toLocalDate();
	}

	private static IllegalStateException noWorkingDay(LocalDate near) {
		return new IllegalStateException("no working day within " + MAX_SEARCH_DAYS + " days of " + near);
	}

}
