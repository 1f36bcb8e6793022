package se.samla.email.internal.reading;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-7 (RFC 2152), a charset Java does not ship: ASCII as itself, everything
 * else as UTF-16 in modified base64 between {@code +} and an optional {@code -}. Bytes
 * that do not fit are kept as they are, so a mislabelled text still reads.
 */
final class Utf7 {

	private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private Utf7() {
	}

	static String decode(byte[] bytes) {
		StringBuilder out = new StringBuilder(bytes.length);
		int i = 0;
		while (i < bytes.length) {
			char c = (char) (bytes[i] & 0xff);
			if (c != '+') {
				out.append(c);
				i++;
				continue;
			}
			int start = ++i;
			while (i < bytes.length && BASE64.indexOf(bytes[i]) >= 0) {
				i++;
			}
			String decoded = utf16(bytes, start, i);
			if (decoded.isEmpty()) {
				// "+-" is a plus sign; a "+" that starts no character is kept as written
				out.append('+').append(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
			}
			else {
				out.append(decoded);
			}
			if (i < bytes.length && bytes[i] == '-') {
				i++;
			}
		}
		return out.toString();
	}

	private static String utf16(byte[] bytes, int from, int to) {
		ByteArrayOutputStream decoded = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (int i = from; i < to; i++) {
			buffer = (buffer << 6) | BASE64.indexOf(bytes[i]);
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				decoded.write((buffer >> bits) & 0xff);
			}
		}
		byte[] units = decoded.toByteArray();
		return new String(units, 0, units.length - (units.length % 2), StandardCharsets.UTF_16BE);
	}

}
