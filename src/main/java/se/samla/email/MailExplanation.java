package se.samla.email;

import java.util.List;

/**
 * What Samla would make of an email, for operators: the verdict and, for a reply it
 * understood, the answer it would record per question.
 *
 * @param status what the email is (RECORDED, AMBIGUOUS, AUTO_REPLY, BOUNCE, NO_TOKEN,
 * ...)
 * @param detail why
 * @param token the reply token found, or {@code null}
 * @param sendOut the send-out it belongs to, or {@code null}
 * @param person the person's id, or {@code null}
 * @param personName the person's name, or {@code null}
 * @param answers the answers it would record
 * @param problems answers it could not understand
 */
public record MailExplanation(String status, String detail, String token, String sendOut, String person,
		String personName, List<Answer> answers, List<String> problems) {

	/** One answer that would be recorded. */
	public record Answer(int number, String question, String answer) {
	}

}
