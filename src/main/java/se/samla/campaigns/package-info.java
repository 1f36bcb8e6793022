/**
 * Send-outs ("utskick"): which questionnaire goes to whom, when it opens and its
 * deadline, defined as data in {@code scheduler/}. Later this module also plans
 * invitations and reminders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package se.samla.campaigns;
