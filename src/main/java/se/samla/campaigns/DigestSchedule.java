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
 * @param withPersons those of them who see answers with organisation and person, and who
 * is missing; the others see answers with the organisation only
 */
public record DigestSchedule(DayOfWeek weeklyOn, boolean afterDeadline, Set<Network> to, Set<Network> withPersons) {

	public DigestSchedule {
		to = Set.copyOf(to);
		withPersons = (withPersons != null) ? Set.copyOf(withPersons) : Set.of();
	}

	public DigestSchedule(DayOfWeek weeklyOn, boolean afterDeadline, Set<Network> to) {
		this(weeklyOn, afterDeadline, to, Set.of());
	}

	public static final DigestSchedule NONE = new DigestSchedule(null, false, Set.of());

	/** Whether members of this network see who answered what. */
	public boolean showsPersonsTo(Network network) {
		return this.withPersons.contains(network);
	}

}
