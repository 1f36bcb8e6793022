package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads an operator's deadline: a date means the end of that day, a local date-time is in
 * the send-outs' zone, and an offset date-time is taken as it is.
 */
public final class DeadlineParser {

	private DeadlineParser() {
	}

	public static Instant parse(String text, ZoneId zone) {
		try {
			String value = text.strip();
			if (value.length() == 10) {
				return LocalDate.parse(value).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
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
