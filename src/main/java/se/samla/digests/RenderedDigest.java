package se.samla.digests;

/**
 * A digest ready to send or save: the email's subject, HTML and plain-text parts, and the
 * workbook and CSV with every answer.
 *
 * @param digest the compiled digest
 * @param subject the email's subject
 * @param html the HTML body
 * @param text the plain-text body
 * @param xlsx the workbook
 * @param csv the raw data as CSV (UTF-8 with a byte-order mark, for Excel)
 * @param fileName the attachments' base name, e.g. {@code sammanstallning-steg2-2026}
 */
public record RenderedDigest(Digest digest, String subject, String html, String text, byte[] xlsx, byte[] csv,
		String fileName) {
}
