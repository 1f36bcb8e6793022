package se.samla.campaigns;

import java.time.DayOfWeek;
import java.util.Set;

import se.samla.directory.Network;

/**
 * When digests of a send-out go out and to whom (used by the digests module).
 *
 * @param weeklyOn while the send-out is open, a digest every week on this day, or
 * {@code null} for none
 * @param afterDeadline a final digest on the first working day after the deadline
 * @param to the networks that receive them
 */
public record DigestSchedule(DayOfWeek weeklyOn, boolean afterDeadline, Set<Network> to) {

	public DigestSchedule {
		to = Set.copyOf(to);
	}

	public static final DigestSchedule NONE = new DigestSchedule(null, false, Set.of());

}
