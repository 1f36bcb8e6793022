package se.samla.email.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/**
 * Low-level reading of a message shared by the classifier and the linker: header values,
 * plus tokens in addresses, Message-IDs and the text of parts. Everything here tolerates
 * broken input, because intake reads whatever the internet sends.
 */
final class MailParts {

	/** Never read more than this from one message: patterns run on what is read. */
	static final int MAX_TEXT_CHARS = 256 * 1024;

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private MailParts() {
	}

	/**
	 * All values of the named header, unfolded, in order; empty when the header is
	 * missing or unreadable.
	 */
	static List<String> headers(Part part, String name) {
		try {
			String[] values = part.getHeader(name);
			if (values == null) {
				return List.of();
			}
			List<String> unfolded = new ArrayList<>(values.length);
			for (String value : values) {
				unfolded.add(MimeUtility.unfold(value));
			}
			return unfolded;
		}
		catch (MessagingException ex) {
			return List.of();
		}
	}

	/** The first value of the named header, trimmed, or {@code null}. */
	static String header(Part part, String name) {
		List<String> values = headers(part, name);
		return values.isEmpty() ? null : values.get(0).trim();
	}

	/**
	 * Finds {@code localPart+TOKEN@domain} in the text and returns the lower-cased token.
	 * Only the given domain counts; the local part is compared case-insensitively because
	 * relays may change its case.
	 * @return the first well-formed token, or empty
	 */
	static Optional<String> plusToken(String text, String localPart, String domain) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = plusAddress(localPart, domain).matcher(text);
		while (matcher.find()) {
			String token = matcher.group(1).toLowerCase(Locale.ROOT);
			if (Tokens.isWellFormed(token)) {
				return Optional.of(token);
			}
		}
		return Optional.empty();
	}

	/** Tells whether the text contains {@code localPart+anything@domain}. */
	static boolean containsPlusAddress(String text, String localPart, String domain) {
		return text != null && plusAddress(localPart, domain).matcher(text).find();
	}

	private static Pattern plusAddress(String localPart, String domain) {
		return Pattern.compile("(?<![\\w.+-])" + Pattern.quote(localPart) + "\\+([A-Za-z0-9]*)@" + Pattern.quote(domain)
				+ "(?![\\w-]|\\.\\w)", Pattern.CASE_INSENSITIVE);
	}

	/** The Message-IDs ({@code <…>}, brackets kept) in a header value, in order. */
	static List<String> messageIds(String value) {
		List<String> ids = new ArrayList<>();
		if (value != null) {
			Matcher matcher = MESSAGE_ID.matcher(value);
			while (matcher.find()) {
				ids.add(matcher.group());
			}
		}
		return ids;
	}

	/**
	 * The decoded subject, or {@code null}. Servers that speak SMTPUTF8 pass raw UTF-8 in
	 * headers, which Jakarta Mail reads byte by byte as Latin-1 unless the session allows
	 * UTF-8; such values are re-read as UTF-8 when they are valid UTF-8.
	 */
	static String subject(Part part) {
		String raw = header(part, "Subject");
		if (raw == null) {
			return null;
		}
		String text = utf8IfValid(raw);
		try {
			return MimeUtility.decodeText(text);
		}
		catch (UnsupportedEncodingException ex) {
			return text;
		}
	}

	private static String utf8IfValid(String value) {
		boolean eightBit = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xff) {
				return value;
			}
			eightBit |= c > 0x7f;
		}
		if (!eightBit) {
			return value;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return value;
		}
	}

	/** The content type of a part, or {@code null} when it cannot be parsed. */
	static ContentType contentType(Part part) {
		try {
			String value = part.getContentType();
			return value == null ? new ContentType("text/plain") : new ContentType(value);
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/** The base type in lower case ({@code text/plain}), {@code ""} if unknown. */
	static String baseType(Part part) {
		ContentType type = contentType(part);
		return type == null ? "" : type.getBaseType().toLowerCase(Locale.ROOT);
	}

	/**
	 * The sub-parts of a multipart, parsed from its bytes rather than through the
	 * registered content handler: {@code multipart/report} has its own handler that
	 * rejects reports not shaped exactly by the RFC, and broken reports are common.
	 */
	static List<Part> children(Part part) throws MessagingException {
		MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
		List<Part> children = new ArrayList<>(multipart.getCount());
		for (int i = 0; i < multipart.getCount(); i++) {
			children.add(multipart.getBodyPart(i));
		}
		return children;
	}

	/**
	 * Visits the part and, depth first, every part inside it (not inside attached
	 * messages).
	 */
	static void walk(Part part, Consumer<Part> visitor) {
		visitor.accept(part);
		if (baseType(part).startsWith("multipart/")) {
			try {
				for (Part child : children(part)) {
					walk(child, visitor);
				}
			}
			catch (MessagingException ex) {
				// an unreadable multipart has no parts worth visiting
			}
		}
	}

	/**
	 * All text in the message for pattern searches on system mail: text parts decoded,
	 * and attached messages, returned headers and delivery reports as raw text so their
	 * headers can be searched too. Capped at {@link #MAX_TEXT_CHARS}.
	 */
	static String allText(Part message) {
		StringBuilder text = new StringBuilder();
		walk(message, (part) -> {
			if (text.length() >= MAX_TEXT_CHARS) {
				return;
			}
			String type = baseType(part);
			if (type.startsWith("text/") || type.startsWith("message/")) {
				text.append(decode(part, type.startsWith("message/"))).append('\n');
			}
		});
		return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text.toString();
	}

	/**
	 * Decodes a part's bytes. Labels {@code iso-8859-1} and {@code us-ascii} are read as
	 * windows-1252, which is what Outlook actually writes under them.
	 */
	static String decode(Part part, boolean raw) {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_TEXT_CHARS);
			return new String(bytes, raw ? StandardCharsets.ISO_8859_1 : charset(part));
		}
		catch (IOException | MessagingException ex) {
			return "";
		}
	}

	private static Charset charset(Part part) {
		ContentType type = contentType(part);
		String name = (type != null) ? type.getParameter("charset") : null;
		if (name == null || name.isBlank()) {
			return WINDOWS_1252;
		}
		String label = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
		if (label.equals("iso-8859-1") || label.equals("us-ascii") || label.equals("latin1") || label.equals("ascii")) {
			return WINDOWS_1252;
		}
		try {
			return Charset.forName(MimeUtility.javaCharset(label));
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
