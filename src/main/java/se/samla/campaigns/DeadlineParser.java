package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads a moment as people write it in schedules and operator commands: a date alone
 * means a given time of that day (the end of the day for a deadline), a local date-time
 * is in the send-outs' zone, and an offset date-time is taken as it is.
 */
public final class DeadlineParser {

	private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private DeadlineParser() {
	}

	/** A deadline: a date alone means the end of that day. */
	public static Instant parse(String text, ZoneId zone) {
		return parse(text, zone, END_OF_DAY);
	}

	/**
	 * A moment; a date alone means {@code timeOfDay} on that day.
	 * @throws IllegalArgumentException naming the accepted forms
	 */
	public static Instant parse(String text, ZoneId zone, LocalTime timeOfDay) {
		try {
			String value = text.strip();
			if (value.length() == 10) {
				return LocalDate.parse(value).atTime(timeOfDay).atZone(zone).toInstant();
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a date (2026-12-18) or date and time (2026-12-18T17:00)");
		}
	}

}
