package se.samla.digests.internal;

import java.util.Arrays;

/**
 * Where a text has an email address or a phone number, for {@link FreeTextMask} (which
 * describes what counts as one): found by looking at the characters around an {@code @}
 * and at a run of digits, without regular expressions.
 */
final class ContactDetails {

	private ContactDetails() {
	}

	/**
	 * The email addresses in a text.
	 * @return where each starts and ends: start, end, start, end, ...
	 */
	static int[] emails(String text) {
		int[] emails = new int[0];
		int emailCount = 0;
		int from = 0;
		int at;
		while ((at = text.indexOf('@', from)) >= 0) {
			int local = at;
			while (local > 0 && isLocalPart(text.charAt(local - 1))) {
				local--;
			}
			while (local < at && text.charAt(local) == '.') {
				local++;
			}
			int domainEnd = domainEnd(text, at + 1);
			if (local < at && domainEnd > 0 && (emailCount == 0 || local >= emails[2 * emailCount - 1])) {
				if (2 * emailCount + 2 > emails.length) {
					emails = Arrays.copyOf(emails, Math.max(4, 2 * emails.length));
				}
				emails[2 * emailCount] = local;
				emails[2 * emailCount + 1] = domainEnd;
				emailCount++;
				from = domainEnd;
			}
			else {
				from = at + 1;
			}
		}
		return Arrays.copyOf(emails, 2 * emailCount);
	}

	/**
	 * Where a domain that starts at {@code i} ends: labels of letters, digits and hyphens
	 * joined by dots, the last of two letters or more; -1 if there is none.
	 */
	private static int domainEnd(String text, int i) {
		int j = i;
		int lastDot = -1;
		while (j < text.length()) {
			char c = text.charAt(j);
			if (Character.isLetterOrDigit(c) || c == '-') {
				j++;
			}
			else if (c == '.' && j > i && j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j + 1))) {
				lastDot = j;
				j++;
			}
			else {
				break;
			}
		}
		if (lastDot < 0 || j - lastDot - 1 < 2) {
			return -1;
		}
		for (int k = lastDot + 1; k < j; k++) {
			if (!Character.isLetter(text.charAt(k))) {
				return -1;
			}
		}
		return j;
	}

	/** Where a phone number that starts at {@code i} ends, or -1. */
	static int phoneEnd(String text, int i) {
		if (i > 0) {
			char before = text.charAt(i - 1);
			// not inside a word or another number: 1 012 345 678 kronor, 2026-012
			if (Character.isLetterOrDigit(before) || before == '+'
					|| (".,:/-– ".indexOf(before) >= 0 && i > 1 && isDigit(text.charAt(i - 2)))) {
				return -1;
			}
		}
		int j = i;
		int min;
		int max;
		boolean paren = false;
		char c = text.charAt(i);
		if (c == '+') {
			j++;
			if (j >= text.length() || !isDigit(text.charAt(j)) || text.charAt(j) == '0') {
				return -1;
			}
			min = 8;
			max = 15;
		}
		else if (c == '0' && j + 2 < text.length() && text.charAt(j + 1) == '0' && isDigit(text.charAt(j + 2))
				&& text.charAt(j + 2) != '0') {
			j += 2;
			min = 8;
			max = 15;
		}
		else {
			if (c == '(') {
				paren = true;
				j++;
			}
			if (j + 1 >= text.length() || text.charAt(j) != '0' || !isDigit(text.charAt(j + 1))
					|| text.charAt(j + 1) == '0') {
				return -1;
			}
			min = 8;
			max = 10;
		}
		boolean international = min == 8 && max == 15;
		int digits = 0;
		int groups = 0;
		int[] groupLengths = new int[8];
		char separator = 0;
		boolean sameSeparator = true;
		int best = -1;
		int bestGroups = 0;
		while (true) {
			int groupStart = j;
			while (j < text.length() && isDigit(text.charAt(j)) && digits < max + 1) {
				j++;
				digits++;
			}
			int length = j - groupStart;
			if (length == 0 || digits > max) {
				break;
			}
			if (groups < groupLengths.length) {
				groupLengths[groups] = length;
			}
			groups++;
			if (digits >= min && (j >= text.length() || !Character.isLetterOrDigit(text.charAt(j)))) {
				best = j;
				bestGroups = groups;
			}
			// what may come between groups: (0) after a country code, a closing
			// parenthesis after an area code, one dash and spaces
			int k = j;
			if (paren && groups == 1) {
				if (k < text.length() && text.charAt(k) == ')') {
					k++;
					paren = false;
				}
				else {
					return -1;
				}
			}
			int spaces = 0;
			while (k < text.length() && isSpace(text.charAt(k)) && spaces < 2) {
				k++;
				spaces++;
			}
			if (international && groups == 1 && k + 2 < text.length() && text.charAt(k) == '('
					&& text.charAt(k + 1) == '0' && text.charAt(k + 2) == ')') {
				k += 3;
				spaces = 0;
				while (k < text.length() && isSpace(text.charAt(k)) && spaces < 2) {
					k++;
					spaces++;
				}
			}
			char between = ' ';
			if (k < text.length() && isDash(text.charAt(k))) {
				between = '-';
				k++;
				spaces = 0;
				while (k < text.length() && isSpace(text.charAt(k)) && spaces < 2) {
					k++;
					spaces++;
				}
			}
			if (k == j || k >= text.length() || !isDigit(text.charAt(k))) {
				break;
			}
			if (groups == 1) {
				separator = between;
			}
			else if (between != separator) {
				sameSeparator = false;
			}
			j = k;
		}
		if (best < 0 || paren) {
			return -1;
		}
		if (bestGroups == 3 && sameSeparator && separator == '-' && groupLengths[0] == 2 && groupLengths[1] == 2
				&& groupLengths[2] == 4) {
			// a date: 04-12-2026
			return -1;
		}
		int after = best;
		while (after < text.length() && isSpace(text.charAt(after))) {
			after++;
		}
		if (after < text.length() && text.charAt(after) == '%') {
			return -1;
		}
		if (best + 1 < text.length() && (text.charAt(best) == ',' || text.charAt(best) == '.')
				&& isDigit(text.charAt(best + 1))) {
			return -1;
		}
		return best;
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u202f';
	}

	static boolean isDash(char c) {
		return c == '-' || c == '–' || c == '\u2010' || c == '\u2011';
	}

	private static boolean isLocalPart(char c) {
		return Character.isLetterOrDigit(c) || "._%+-'".indexOf(c) >= 0;
	}

}
