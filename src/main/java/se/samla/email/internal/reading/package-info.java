/**
 * Reading a reply: its text ({@link se.samla.email.internal.reading.ReplyBody}), without
 * quoted history ({@link se.samla.email.internal.reading.QuoteStripper}) and signature
 * ({@link se.samla.email.internal.reading.Signatures}), paired with the questions asked
 * ({@link se.samla.email.internal.reading.AnswerMapper}). Pure functions without Spring,
 * so every client style can be tested in isolation.
 */
package se.samla.email.internal.reading;
