package se.samla.email.internal.intake;

import java.security.SecureRandom;

/**
 * Reply tokens: the only thing that proves a reply or a bounce belongs to an invitation.
 * Each person gets a fresh token per send-out, carried in the plus part of the Reply-To
 * ({@code enkat+TOKEN@…}) and the envelope sender ({@code bounce+TOKEN@…}).
 * <p>
 * A token is 80 random bits written as 16 characters of lowercase RFC 4648 base32 without
 * padding: lowercase because mail systems may lower-case local parts in transit, base32
 * because it survives that and needs no quoting in an address.
 */
public final class Tokens {

	/** Length of a token in characters (80 bits in base32). */
	public static final int LENGTH = 16;

	private static final int BYTES = 10;

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private Tokens() {
	}

	/**
	 * Creates a new random token.
	 * @param random the source of randomness; a {@link SecureRandom} because a token that
	 * can be guessed lets anyone answer for someone else
	 * @return 16 lowercase base32 characters
	 */
	public static String newToken(SecureRandom random) {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		StringBuilder token = new StringBuilder(LENGTH);
		// 10 bytes are exactly 16 groups of 5 bits: no padding, no leftover bits.
		long buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				token.append(ALPHABET[(int) ((buffer >> bits) & 0x1f)]);
			}
		}
		return token.toString();
	}

	/**
	 * Tells whether the text has the shape of a token. Callers lower-case what they read
	 * from an address first; this check itself is strict.
	 * @param token the candidate, may be {@code null}
	 * @return {@code true} for exactly 16 characters of {@code a–z} and {@code 2–7}
	 */
	public static boolean isWellFormed(String token) {
		if (token == null || token.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = token.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
				return false;
			}
		}
		return true;
	}

}
