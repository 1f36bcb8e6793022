package se.samla.digests;

import java.util.List;

/**
 * A digest rendered whole: the subject, HTML and plain text, the charts the HTML shows,
 * and the workbook and CSV with every answer. (What a digest message says is its
 * {@link se.samla.campaigns.MessageContent}, written by {@code DigestMessages}.)
 *
 * @param digest the compiled digest
 * @param subject the subject
 * @param html the HTML body (the email's bounded selection); it shows each chart as
 * {@code <img src="cid:…">} by the chart's {@link Chart#contentId()}
 * @param text the plain-text body
 * @param xlsx the workbook
 * @param csv the raw data as CSV (UTF-8 with a byte-order mark, for Excel)
 * @param fileName the attachments' base name, e.g. {@code sammanstallning-steg2-2026}
 * @param charts the charts, to go with the HTML as inline images; empty when they could
 * not be drawn
 */
public record RenderedDigest(Digest digest, String subject, String html, String text, byte[] xlsx, byte[] csv,
		String fileName, List<Chart> charts) {

	public RenderedDigest {
		charts = List.copyOf(charts);
	}

	/** A digest without charts. */
	public RenderedDigest(Digest digest, String subject, String html, String text, byte[] xlsx, byte[] csv,
			String fileName) {
		this(digest, subject, html, text, xlsx, csv, fileName, List.of());
	}

}
