package se.samla.campaigns;

import java.util.List;
import java.util.Objects;

/**
 * What a message says, whatever channel carries it: written once by the module that owns
 * the kind of message (the digests module for a digest), rendered by each channel (the
 * email channel into MIME, the Teams channel into a card of its {@link Headline}). A new
 * kind of message that comes with its content therefore needs no change in the channels.
 *
 * @param subject the subject line
 * @param text the whole message as plain text
 * @param html the whole message as HTML; images it shows are named by {@code cid:} and
 * carried as {@link Attachment#inline() inline} attachments
 * @param attachments files sent with the message and images shown in it, in order
 * @param headline the message in a few lines, for a channel that shows only that (a Teams
 * card); {@code null} if it has none
 */
public record MessageContent(String subject, String text, String html, List<Attachment> attachments,
		Headline headline) {

	public MessageContent {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	/** The attachments shown inside the HTML (images named by {@code cid:}). */
	public List<Attachment> inline() {
		return this.attachments.stream().filter(Attachment::inline).toList();
	}

	/** The attachments sent as files beside the message. */
	public List<Attachment> files() {
		return this.attachments.stream().filter(attachment -> !attachment.inline()).toList();
	}

	/**
	 * A file sent with a message, or an image shown in its HTML.
	 *
	 * @param name the file name, e.g. {@code sammanstallning-steg2-2026.xlsx}
	 * @param mediaType its media type, e.g. {@code image/png}
	 * @param bytes its content
	 * @param inline whether the HTML shows it (an image) rather than the reader saving it
	 * @param contentId for an inline attachment, the id the HTML names it by
	 * ({@code <img src="cid:rates">} for {@code rates}); {@code null} for a file
	 */
	public record Attachment(String name, String mediaType, byte[] bytes, boolean inline, String contentId) {

		public Attachment {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(mediaType, "mediaType");
			Objects.requireNonNull(bytes, "bytes");
			if (inline && (contentId == null || contentId.isBlank() || contentId.contains("<")
					|| contentId.contains(">"))) {
				throw new IllegalArgumentException("an inline attachment needs a content id without <>: " + name);
			}
			if (!inline && contentId != null) {
				throw new IllegalArgumentException("a file attachment has no content id: " + name);
			}
		}

		/** A file beside the message. */
		public static Attachment file(String name, String mediaType, byte[] bytes) {
			return new Attachment(name, mediaType, bytes, false, null);
		}

		/** An image the HTML shows by {@code cid:contentId}. */
		public static Attachment inlineImage(String contentId, String name, String mediaType, byte[] bytes) {
			return new Attachment(name, mediaType, bytes, true, contentId);
		}

	}

	/**
	 * A message in a few lines: a title, a status line, one sentence that sums it up, the
	 * facts that matter most and a closing note (e.g. where the whole message went).
	 *
	 * @param title the title
	 * @param status a status line under the title, or {@code null}
	 * @param summary the sentence that sums the message up, or {@code null}
	 * @param facts the headline facts, in order
	 * @param note a closing note, or {@code null}
	 */
	public record Headline(String title, String status, String summary, List<Fact> facts, String note) {

		public Headline {
			Objects.requireNonNull(title, "title");
			facts = (facts != null) ? List.copyOf(facts) : List.of();
		}

	}

	/**
	 * One headline fact: a name and its value ({@code Socialchefsnätverket},
	 * {@code 3/10 (30 %)}).
	 */
	public record Fact(String name, String value) {

		public Fact {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(value, "value");
		}

	}

}
