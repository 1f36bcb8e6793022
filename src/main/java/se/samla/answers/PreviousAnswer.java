package se.samla.answers;

import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Question;

/**
 * What a person answered to the same question in the previous round of a recurring
 * send-out (e.g. last year's follow-up of the same plan activity).
 *
 * @param sendOut the previous round
 * @param question the question as it was asked then
 * @param answer what was answered then
 */
public record PreviousAnswer(SendOutId sendOut, Question question, AnswerValue answer) {
}
