package se.samla.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The emails held for review as the project leads' pages show and decide them. The email
 * module provides it: the pages cannot depend on email, which depends on the web for its
 * links.
 */
public interface ReviewQueue {

	/** The emails waiting for a decision, oldest first, without their content. */
	List<QueuedMail> held();

	/** One email still waiting for a decision, with its content. */
	Optional<QueuedMail> find(UUID id);

	/**
	 * Records the held email as the answers of the person with this address to the
	 * send-out its token belongs to, as an operator's acceptance does; answers the person
	 * already gave are kept unless {@code replace}.
	 * @param by who decided, kept in the response's audit trail
	 * @throws IllegalArgumentException if the email is not held or the person unknown
	 */
	Decision accept(UUID id, String person, String by, boolean replace);

	/**
	 * Discards the held email: nothing is recorded.
	 * @throws IllegalArgumentException if the email is not held
	 */
	void discard(UUID id);

	/**
	 * An email held for review.
	 *
	 * @param id its id
	 * @param receivedAt when Samla read it
	 * @param date the date the sender's client put on it, or {@code null}
	 * @param from the sender's address
	 * @param subject its subject
	 * @param sendOut the send-out its token belongs to, or {@code null}
	 * @param invited the address of the person the token was sent to, or {@code null}
	 * @param held why it is held
	 * @param detail the reason as Samla wrote it down (technical, English)
	 * @param answers what it would record next to what is recorded now
	 * @param content its text and attachments; {@code null} in a list of many
	 */
	record QueuedMail(UUID id, Instant receivedAt, Instant date, String from, String subject, String sendOut,
			String invited, Held held, String detail, List<Answer> answers, Content content) {

		public QueuedMail {
			answers = List.copyOf(answers);
		}

	}

	/** Why an email is held. */
	enum Held {

		/** A valid reply token, from another address than the invited person's. */
		OTHER_SENDER,

		/** Samla could not read answers from it. */
		NOT_UNDERSTOOD

	}

	/**
	 * One question: what the email would record and what is recorded now.
	 *
	 * @param number the question's number
	 * @param question its text
	 * @param inEmail the email's answer, or {@code null}
	 * @param recorded the answer recorded now, or {@code null}
	 */
	record Answer(int number, String question, String inEmail, String recorded) {
	}

	/**
	 * What an email says.
	 *
	 * @param text its text as the sender's client wrote it (plain text, or rendered from
	 * HTML when there is no plain text)
	 * @param cut whether the text was too long and only its start is here
	 * @param attachments its attachments
	 */
	record Content(String text, boolean cut, List<Attachment> attachments) {

		public Content {
			attachments = List.copyOf(attachments);
		}

	}

	/**
	 * An attachment.
	 *
	 * @param name its file name
	 * @param type its content type
	 * @param size its decoded size in bytes
	 */
	record Attachment(String name, String type, long size) {
	}

	/**
	 * What accepting did.
	 *
	 * @param outcome RECORDED when answers were taken from it, else what it was
	 * (AMBIGUOUS, CLOSED, ...)
	 * @param recorded questions that had no answer before
	 * @param replaced questions whose answer was replaced
	 * @param kept questions whose earlier answer was kept
	 * @param confirmedTo where the person's confirmation went, or {@code null}
	 */
	record Decision(String outcome, List<Integer> recorded, List<Integer> replaced, List<Integer> kept,
			String confirmedTo) {
	}

}
