package se.samla.email.internal.reading;

/**
 * The readable text of a reply, decoded and cut from its quoted history, so that the rest
 * of the email channel never has to deal with MIME, charsets or HTML.
 *
 * @param text what the person's client sent as the body: for text/plain the whole decoded
 * text (the {@link QuoteStripper} needs the quoted lines to see answers written inline);
 * for text/html the rendered text above the quoted history
 * @param quoted the quoted history (the invitation as the client quoted it), or an empty
 * string
 * @param fromHtml whether the text was rendered from text/html because there was no
 * usable text/plain part
 * @param charset the charset the bytes were decoded with, for diagnostics
 * @param cut whether the body was longer than {@link ReplyBody#MAX_CHARS} and only its
 * start is here (the whole is kept with the email)
 */
public record ReplyText(String text, String quoted, boolean fromHtml, String charset, boolean cut) {

	public ReplyText(String text, String quoted, boolean fromHtml, String charset) {
		this(text, quoted, fromHtml, charset, false);
	}

	ReplyText markedCut() {
		return new ReplyText(this.text, this.quoted, this.fromHtml, this.charset, true);
	}

	/** An empty body: a message without any readable text part. */
	static ReplyText none() {
		return new ReplyText("", "", false, "");
	}

	/**
	 * The reply cut from its quotes and signature, ready for the {@link AnswerMapper}.
	 * For HTML the quoted history was cut from the markup already, so only the signature
	 * and any plain quoting in the rest are stripped, and the quoted part is kept.
	 * @return the stripped reply
	 */
	public QuoteStripper.Stripped stripped() {
		return stripped(Signer.UNKNOWN);
	}

	/**
	 * The reply cut from its quotes and signature, knowing who wrote it.
	 * @param signer who wrote it: their own name, role and organisation at the end are
	 * their signature
	 * @return the stripped reply
	 */
	public QuoteStripper.Stripped stripped(Signer signer) {
		QuoteStripper.Stripped stripped = QuoteStripper.strip(this.text, signer);
		if (this.fromHtml && !this.quoted.isEmpty()) {
			String quotedText = stripped.quoted().isEmpty() ? this.quoted : stripped.quoted() + "\n" + this.quoted;
			return new QuoteStripper.Stripped(stripped.reply(), quotedText, stripped.inlineAnswers());
		}
		return stripped;
	}

}
