/**
 * Digests: a send-out's responses compiled for the networks and the project leads
 * (response rates, who is missing, answers by organisation and question, colour tables,
 * change since the previous round, themes by development area, follow-up status),
 * rendered as an Outlook-friendly HTML email with a plain-text part, an XLSX workbook and
 * CSV, and delivered on the send-out's digest schedule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digests")
package se.samla.digests;
