package se.samla.email.internal.intake;

import java.util.Locale;

/**
 * The addresses Samla sends from: replies come back to
 * {@code replyLocalPart+TOKEN@domain}, bounces to {@code bounceLocalPart+TOKEN@domain}.
 * Intake needs them to tell a reply from a bounce and to find the token.
 *
 * @param replyLocalPart local part of the Reply-To before the plus, e.g. {@code enkat}
 * @param bounceLocalPart local part of the envelope sender before the plus, e.g.
 * {@code bounce}
 * @param domain the domain of both addresses
 */
public record Addresses(String replyLocalPart, String bounceLocalPart, String domain) {

	/** Default local part of the Reply-To address. */
	public static final String DEFAULT_REPLY_LOCAL_PART = "enkat";

	/** Default local part of the envelope sender. */
	public static final String DEFAULT_BOUNCE_LOCAL_PART = "bounce";

	public Addresses {
		replyLocalPart = requireText(replyLocalPart, "replyLocalPart");
		bounceLocalPart = requireText(bounceLocalPart, "bounceLocalPart");
		domain = requireText(domain, "domain");
		if (replyLocalPart.equals(bounceLocalPart)) {
			throw new IllegalArgumentException("replyLocalPart and bounceLocalPart must differ");
		}
	}

	/**
	 * The default local parts at the given domain.
	 * @param domain the domain Samla sends from
	 * @return {@code enkat+…@domain} and {@code bounce+…@domain}
	 */
	public static Addresses defaults(String domain) {
		return new Addresses(DEFAULT_REPLY_LOCAL_PART, DEFAULT_BOUNCE_LOCAL_PART, domain);
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value.trim().toLowerCase(Locale.ROOT);
	}

}
