package se.samla.answers;

import java.util.Objects;

/**
 * An operator's decision to record a message someone else sent as a person's answers (an
 * email held for review), as the audit trail keeps it.
 *
 * @param operator who decided: the operator's user name or the name they gave
 * @param originalSender the address the message came from
 * @param replace whether answers the person had already recorded may be replaced
 */
public record Acceptance(String operator, String originalSender, boolean replace) {

	public Acceptance {
		if (operator == null || operator.isBlank() || operator.length() > 200) {
			throw new IllegalArgumentException("operator must be 1-200 characters");
		}
		operator = operator.strip();
		Objects.requireNonNull(originalSender, "originalSender");
		originalSender = (originalSender.length() > 320) ? originalSender.substring(0, 320) : originalSender;
	}

}
