package se.samla.directory.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses as the directory keeps them: trimmed and lower-case, so that look-ups
 * and re-imports match regardless of how a spreadsheet spelled them.
 */
public final class EmailAddresses {

	// Deliberately simple: one @, no spaces or separators, a dot in the domain. Mail
	// servers decide the rest; this catches the typos a spreadsheet produces.
	private static final Pattern VALID = Pattern.compile("[^@\\s;,<>\"]+@[^@\\s;,<>\"]+\\.[^@\\s;,<>\".]{2,}");

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		return address != null && address.strip().length() <= 320 && VALID.matcher(address.strip()).matches();
	}

	/**
	 * The address trimmed and lower-cased.
	 * @throws IllegalArgumentException if it is not a valid address
	 */
	public static String normalise(String address) {
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("missing e-mail address");
		}
		if (!isValid(address)) {
			throw new IllegalArgumentException("invalid e-mail address '" + address.strip() + "'");
		}
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
