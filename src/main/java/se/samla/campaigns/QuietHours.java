package se.samla.campaigns;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When messages may be sent: between {@code from} and {@code to} on working days, in the
 * given zone. Outside these hours a due message waits for the next allowed moment.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

	public static QuietHours defaults(ZoneId zone) {
		return new QuietHours(LocalTime.of(8, 0), LocalTime.of(17, 0), zone);
	}

	public QuietHours {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("sending hours must start before they end");
		}
	}

}
