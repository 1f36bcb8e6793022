/**
 * The response engine shared by every channel: one response per person and send-out,
 * which question is next, validation, skipping, going back, review, submission and
 * changes until the deadline, each change kept in an audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Answers")
package se.samla.answers;
