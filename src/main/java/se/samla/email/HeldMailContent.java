package se.samla.email;

import java.util.List;

/**
 * What a held email says, for someone deciding on it: its text and its attachments (only
 * named, never opened).
 *
 * @param text the text as the sender's client wrote it: the plain-text part, or the HTML
 * part rendered as text when there is no plain text
 * @param cut whether the text was too long and only its start is here
 * @param attachments the attached files
 */
public record HeldMailContent(String text, boolean cut, List<Attachment> attachments) {

	public HeldMailContent {
		attachments = List.copyOf(attachments);
	}

	/**
	 * An attached file.
	 *
	 * @param name its file name, or {@code null} when it has none
	 * @param type its content type, e.g. {@code application/pdf}
	 * @param size its decoded size in bytes
	 */
	public record Attachment(String name, String type, long size) {
	}

}
