package se.samla.digests.internal;

import java.io.IOException;

import se.samla.digests.DigestProperties;

/**
 * How much of a digest a body shows: the email's a bounded selection (see
 * {@link DigestProperties.Email}), a file's everything.
 *
 * @param answersPerQuestion the answers shown per question
 * @param rowsPerList the rows shown of any other list that grows with the number of
 * people
 * @param maxBytes the most the body may take in UTF-8
 */
record BodyLimits(int answersPerQuestion, int rowsPerList, long maxBytes) {

	/** Everything: for the files the operator writes. */
	static final BodyLimits NONE = new BodyLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);

	/**
	 * What a body keeps free for what comes after the rows it stops at: the counts of the
	 * rest, the headings of the later sections, the footer.
	 */
	static final int RESERVE = 48 * 1024;

	/**
	 * The longest answer an email body shows (in characters); a longer one is cut with an
	 * ellipsis, the workbook has it whole.
	 */
	static final int MAX_ANSWER_CHARS = 2_000;

	static BodyLimits of(DigestProperties.Email email) {
		return new BodyLimits(email.answersPerQuestion(), email.rowsPerList(), email.maxSize().toBytes());
	}

	boolean bounded() {
		return this.maxBytes != Long.MAX_VALUE;
	}

	/** Whether one more row fits after {@code shown} of at most {@code limit}. */
	boolean room(int shown, int limit, long written) {
		return shown < limit && written < this.maxBytes - RESERVE;
	}

	/** An answer as a bounded body shows it: whole, or cut with an ellipsis. */
	String answer(String text) {
		if (!bounded() || text == null || text.length() <= MAX_ANSWER_CHARS) {
			return text;
		}
		int end = MAX_ANSWER_CHARS;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/** The length of a text in UTF-8. */
	static long utf8Length(CharSequence text, int start, int end) {
		long bytes = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			bytes += (c < 0x80) ? 1 : (c < 0x800) ? 2 : Character.isSurrogate(c) ? 2 : 3;
		}
		return bytes;
	}

	/** An {@link Appendable} that counts what goes through it, in UTF-8 bytes. */
	static final class Counting implements Appendable {

		private final Appendable out;

		private long bytes;

		Counting(Appendable out) {
			this.out = out;
		}

		long bytes() {
			return this.bytes;
		}

		@Override
		public Appendable append(CharSequence text) throws IOException {
			this.bytes += utf8Length(text, 0, text.length());
			this.out.append(text);
			return this;
		}

		@Override
		public Appendable append(CharSequence text, int start, int end) throws IOException {
			this.bytes += utf8Length(text, start, end);
			this.out.append(text, start, end);
			return this;
		}

		@Override
		public Appendable append(char c) throws IOException {
			this.bytes += utf8Length(String.valueOf(c), 0, 1);
			this.out.append(c);
			return this;
		}

	}

}
