package se.samla.email.internal.intake;

import java.util.List;

/**
 * What kind of mail arrived. Only a {@link Human} message may hold answers; the other
 * kinds must never be parsed for answers nor replied to, which is why the kinds are a
 * closed set callers switch over.
 */
public sealed interface Classification {

	/** Tells whether the message may contain answers. */
	default boolean isHuman() {
		return this instanceof Human;
	}

	/** A message written by a person: parse it for answers. */
	record Human() implements Classification {
	}

	/**
	 * An out-of-office or other automatic response: never an answer, never replied to.
	 *
	 * @param reason which marker gave it away, for the operator log (no body text)
	 */
	record AutoReply(String reason) implements Classification {
	}

	/**
	 * A delivery failure or delay.
	 *
	 * @param permanent {@code true} for a hard bounce ({@code Action: failed} with a
	 * {@code 5.x.x} status) that suppresses the address; {@code false} for a soft one
	 * @param failedRecipients the addresses that failed or were delayed, may be empty
	 * @param status the enhanced status code such as {@code 5.1.1}, or {@code null}
	 * @param token the invitation's token from the {@code bounce+TOKEN} address or the
	 * returned headers, or {@code null}
	 * @param originalMessageId the Message-ID of the message that bounced, or
	 * {@code null}
	 */
	record Bounce(boolean permanent, List<String> failedRecipients, String status, String token,
			String originalMessageId) implements Classification {

		public Bounce {
			failedRecipients = List.copyOf(failedRecipients);
		}

	}

	/** A read receipt (message disposition notification): only proves it was opened. */
	record ReadReceipt() implements Classification {
	}

	/**
	 * Mail from a machine that is neither a bounce nor an auto-reply, such as a message
	 * without a usable From or a successful delivery report.
	 *
	 * @param reason what made it a system message, for the operator log
	 */
	record SystemMessage(String reason) implements Classification {
	}

}
