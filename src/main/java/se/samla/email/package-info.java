/**
 * The email channel: invitations and reminders by email, and answers by simply replying.
 * Sends over SMTP, reads replies over IMAP, understands quoted replies from the common
 * mail clients, and never takes an auto-reply or a bounce for an answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email")
package se.samla.email;
