/**
 * Questionnaire definitions ("enkäter"), read as data from {@code conversations/}: the
 * questions, their types and scales, how answers to them are validated and how a person's
 * words are understood as an answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package se.samla.surveys;
