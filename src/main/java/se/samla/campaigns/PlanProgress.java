package se.samla.campaigns;

import java.time.Instant;

/**
 * One step of a send-out's plan and how far it has come: what already went out and what
 * is still to go, for the project leads' view of the whole schedule.
 *
 * @param planned the step: what, which number, when
 * @param sent how many messages of the step a channel took (a stand-in's log does not
 * count)
 * @param waiting how many the send-out will still send for the step if nobody answers
 * meanwhile, one per person (a digest's Teams card is not counted apart from its email)
 * @param lastSent when the last of those sent went out, or {@code null} if none did
 */
public record PlanProgress(PlannedMessage planned, int sent, int waiting, Instant lastSent) {

}
