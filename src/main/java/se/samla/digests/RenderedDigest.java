package se.samla.digests;

/**
 * A digest rendered whole, as the operator's files keep it: the subject, HTML and plain
 * text, and the workbook and CSV with every answer. (What a digest message says is its
 * {@link se.samla.campaigns.MessageContent}, written by {@code DigestMessages}.)
 *
 * @param digest the compiled digest
 * @param subject the subject
 * @param html the HTML body
 * @param text the plain-text body
 * @param xlsx the workbook
 * @param csv the raw data as CSV (UTF-8 with a byte-order mark, for Excel)
 * @param fileName the attachments' base name, e.g. {@code sammanstallning-steg2-2026}
 */
public record RenderedDigest(Digest digest, String subject, String html, String text, byte[] xlsx, byte[] csv,
		String fileName) {
}
