package se.samla.campaigns;

/**
 * How a send-out talks to people over time: reminders, sending hours, the summer pause,
 * escalation and digests. Opening and deadline are on the {@link SendOut} itself.
 *
 * @param reminders the reminder rule
 * @param quietHours when messages may be sent
 * @param summerPause weeks without messages, or {@code null}
 * @param escalation who is told about those missing after the last reminder, or
 * {@code null}
 * @param digests when digests go out
 */
public record SendOutRules(ReminderRule reminders, QuietHours quietHours, SummerPause summerPause,
		Escalation escalation, DigestSchedule digests) {

	public static SendOutRules defaults(java.time.ZoneId zone) {
		return new SendOutRules(ReminderRule.DEFAULT, QuietHours.defaults(zone), null, Escalation.toProjectLeads(),
				DigestSchedule.NONE);
	}

}
