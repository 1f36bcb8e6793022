package se.samla.campaigns;

import java.time.Instant;

/**
 * One moment in a send-out's plan: e.g. reminder 2 at 2026-12-03 08:00.
 *
 * @param kind what is sent
 * @param number 1-based for reminders (the last-day reminder has the next number), 0
 * otherwise
 * @param at when, always inside sending hours on a working day
 */
public record PlannedMessage(MessageKind kind, int number, Instant at) {

	/** A stable name used in outbox keys, e.g. {@code reminder-2}. */
	public String slug() {
		return (this.kind == MessageKind.REMINDER) ? "reminder-" + this.number : this.kind.name().toLowerCase();
	}

}
