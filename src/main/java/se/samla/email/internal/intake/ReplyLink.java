package se.samla.email.internal.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Finds the invitation a reply answers. The token is what proves the link; From proves
 * nothing on its own (anyone can write any From), and a chief's assistant may answer from
 * another address. So the paths are tried from strongest to weakest:
 * <ol>
 * <li>the plus token of our reply address in {@code To}, {@code Cc}, {@code Delivered-To}
 * or {@code X-Original-To};</li>
 * <li>our Message-ID in {@code In-Reply-To}, then in {@code References}, for clients that
 * replied to the From rather than the Reply-To;</li>
 * <li>a token in the subject tag ({@code [Samla TOKEN]}), only a hint: the caller must
 * also require the expected sender, see {@link #fromMatches}.</li>
 * </ol>
 */
public final class ReplyLink {

	/** Where intake looks for the plus token, in order. */
	static final List<String> TOKEN_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");

	private static final Pattern SUBJECT_TAG = Pattern.compile("\\[\\s*Samla\\b([^\\[\\]]*)\\]",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TAG_WORD = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z2-7]{16})(?![A-Za-z0-9])");

	private ReplyLink() {
	}

	/**
	 * The token a reply belongs to and how it was found.
	 *
	 * @param token a well-formed token, lower case
	 * @param via the path that found it; {@link Via#SUBJECT_TAG} is only a hint
	 */
	public record Link(String token, Via via) {

		public Link {
			if (!Tokens.isWellFormed(token)) {
				throw new IllegalArgumentException("not a token");
			}
			if (via == null) {
				throw new IllegalArgumentException("via must not be null");
			}
		}

	}

	/** How a reply was linked to its invitation, strongest first. */
	public enum Via {

		/** {@code enkat+TOKEN@domain} among the recipients. */
		PLUS_ADDRESS,

		/** Our Message-ID in {@code In-Reply-To}. */
		IN_REPLY_TO,

		/** Our Message-ID in {@code References}. */
		REFERENCES,

		/** A token in the subject tag: a hint that also needs the expected From. */
		SUBJECT_TAG

	}

	/**
	 * Links a reply to an invitation.
	 * @param message the reply
	 * @param addresses Samla's reply and bounce addresses
	 * @param tokenForMessageId the token of the invitation (or reminder) Samla sent with
	 * the given Message-ID, brackets included ({@code <inv.…@domain>}); empty for ids
	 * Samla did not send
	 * @return the link, or empty when the message carries none
	 */
	public static Optional<Link> find(MimeMessage message, Addresses addresses,
			Function<String, Optional<String>> tokenForMessageId) {
		for (String name : TOKEN_HEADERS) {
			for (String value : MailParts.headers(message, name)) {
				Optional<String> token = MailParts.plusToken(value, addresses.replyLocalPart(), addresses.domain());
				if (token.isPresent()) {
					return token.map((t) -> new Link(t, Via.PLUS_ADDRESS));
				}
			}
		}
		Optional<Link> inReplyTo = byMessageId(MailParts.messageIds(MailParts.header(message, "In-Reply-To")),
				tokenForMessageId, Via.IN_REPLY_TO);
		if (inReplyTo.isPresent()) {
			return inReplyTo;
		}
		// the newest reference is last and the most likely to be ours
		List<String> references = new ArrayList<>(
				MailParts.messageIds(String.join(" ", MailParts.headers(message, "References"))));
		Collections.reverse(references);
		Optional<Link> referenced = byMessageId(references, tokenForMessageId, Via.REFERENCES);
		if (referenced.isPresent()) {
			return referenced;
		}
		return subjectToken(message).map((token) -> new Link(token, Via.SUBJECT_TAG));
	}

	/**
	 * Tells whether the message is from the expected person. Used to accept a subject-tag
	 * link, and to send a valid token from an unexpected sender to review.
	 * @param message the reply
	 * @param expectedEmail the address the invitation went to
	 * @return {@code true} when a From address equals it, ignoring case
	 */
	public static boolean fromMatches(MimeMessage message, String expectedEmail) {
		if (expectedEmail == null || expectedEmail.isBlank()) {
			return false;
		}
		String expected = expectedEmail.trim();
		String from = MailParts.header(message, "From");
		if (from == null) {
			return false;
		}
		try {
			for (InternetAddress address : InternetAddress.parseHeader(from, false)) {
				if (address.getAddress() != null && address.getAddress().trim().equalsIgnoreCase(expected)) {
					return true;
				}
			}
			return false;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static Optional<Link> byMessageId(List<String> ids, Function<String, Optional<String>> tokenForMessageId,
			Via via) {
		for (String id : ids) {
			Optional<String> token = tokenForMessageId.apply(id)
				.map((t) -> t.toLowerCase(Locale.ROOT))
				.filter(Tokens::isWellFormed);
			if (token.isPresent()) {
				return token.map((t) -> new Link(t, via));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> subjectToken(MimeMessage message) {
		String subject = MailParts.subject(message);
		if (subject == null) {
			return Optional.empty();
		}
		Matcher tag = SUBJECT_TAG.matcher(subject);
		while (tag.find()) {
			Matcher word = TAG_WORD.matcher(tag.group(1));
			while (word.find()) {
				String token = word.group(1).toLowerCase(Locale.ROOT);
				if (Tokens.isWellFormed(token)) {
					return Optional.of(token);
				}
			}
		}
		return Optional.empty();
	}

}
