package se.samla.campaigns;

/**
 * When people who have not answered are reminded, counted in Swedish working days.
 *
 * @param firstAfterWorkingDays the first reminder this many working days after opening
 * @param thenEveryWorkingDays further reminders this many working days apart
 * @param maxReminders at most this many regular reminders
 * @param lastWorkingDayBeforeDeadline one more reminder on the last working day before
 * the deadline (unless a regular reminder already falls on that day)
 */
public record ReminderRule(int firstAfterWorkingDays, int thenEveryWorkingDays, int maxReminders,
		boolean lastWorkingDayBeforeDeadline) {

	/**
	 * First after 5 working days, then every 3, at most 3, and one on the last working
	 * day.
	 */
	public static final ReminderRule DEFAULT = new ReminderRule(5, 3, 3, true);

	/** No reminders at all. */
	public static final ReminderRule NONE = new ReminderRule(0, 0, 0, false);

	public ReminderRule {
		if (firstAfterWorkingDays < 0 || thenEveryWorkingDays < 0 || maxReminders < 0) {
			throw new IllegalArgumentException("reminder days and counts cannot be negative");
		}
		if (maxReminders > 1 && thenEveryWorkingDays == 0) {
			throw new IllegalArgumentException("several reminders need thenEveryWorkingDays of at least 1");
		}
	}

}
