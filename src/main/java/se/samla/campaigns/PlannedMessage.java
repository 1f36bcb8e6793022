package se.samla.campaigns;

import java.time.Instant;

/**
 * One moment in a send-out's plan: e.g. reminder 2 at 2026-12-03 08:00.
 *
 * @param kind what is sent
 * @param number 1-based for reminders (numbered in time order, so the last-day reminder
 * normally has the number after the regular ones) and for digests (the after-deadline
 * digest last), 0 otherwise
 * @param at when, always inside sending hours on a working day
 */
public record PlannedMessage(MessageKind kind, int number, Instant at) {

}
