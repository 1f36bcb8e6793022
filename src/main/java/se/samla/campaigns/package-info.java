/**
 * Send-outs ("utskick"): which questionnaire goes to whom, when it opens and its
 * deadline, defined as data in {@code scheduler/}; and when its invitations, reminders,
 * escalation and digests go out, counted in Swedish working days
 * ({@link se.samla.campaigns.SendOutPlanner},
 * {@link se.samla.campaigns.WorkingCalendar}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package se.samla.campaigns;
