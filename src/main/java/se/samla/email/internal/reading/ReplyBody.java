package se.samla.email.internal.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the text a person wrote in a reply, whatever their mail client did to it: prefers
 * text/plain, falls back to rendered HTML, ignores attachments and attached messages, and
 * decodes the bytes itself because the labels clients put on them are often wrong
 * (Outlook labels windows-1252 text as iso-8859-1, so "–" would come out as a control
 * character through {@code getContent()}).
 * <p>
 * The result is capped at {@value #MAX_CHARS} characters, before any pattern runs on it,
 * and says when it was.
 */
public final class ReplyBody {

	/**
	 * Longest text read, far beyond any survey reply; a longer one is read to here and
	 * says so ({@link ReplyText#cut()}), never cut silently.
	 */
	public static final int MAX_CHARS = 1_000_000;

	/** Most bytes read from one part; HTML is verbose, but not this verbose. */
	private static final int MAX_BYTES = 8 * 1024 * 1024;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** Labels whose text is, in practice, windows-1252 (a superset of them). */
	/**
	 * UTF-7 (RFC 2152), which some old clients and gateways still write; Java lacks it.
	 */
	private static final Set<String> UTF_7_LABELS = Set.of("utf-7", "utf7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7",
			"csunicode11utf7");

	private static final Set<String> WINDOWS_1252_LABELS = Set.of("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
			"l1", "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252", "cp1252");

	/**
	 * Where the quoted history starts in HTML written by the common clients: OWA and new
	 * Outlook, Outlook for iOS and Android, classic Outlook (a div with a top border),
	 * Gmail, Apple Mail and iOS Mail, Thunderbird, Yahoo, Proton Mail, Zimbra and
	 * Roundcube.
	 */
	private static final String QUOTE_MARKER = "#appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container, "
			+ "div.gmail_quote, blockquote[type=cite], div.moz-cite-prefix, div.yahoo_quoted, div.protonmail_quote, "
			+ "hr#zwchr, #reply-intro";

	/**
	 * The containers clients put the sender's signature in: OWA and new Outlook, Outlook
	 * for iOS and Android ("Hämta Outlook för iOS"), Gmail, iOS Mail, Thunderbird,
	 * Samsung Email ("Skickat från min Galaxy"), Yahoo's app and Proton Mail ("Sent with
	 * Proton Mail secure email"). Never part of an answer.
	 */
	private static final String SIGNATURE_MARKER = "#Signature, #ms-outlook-mobile-signature, .gmail_signature, "
			+ "#AppleMailSignature, .moz-signature, #composer_signature, #ymail_android_signature, "
			+ ".protonmail_signature_block";

	/**
	 * A style sheet that takes the margins off bare paragraphs (OWA and new Outlook write
	 * {@code P {margin-top:0;margin-bottom:0;}}), so each {@code
	 *
	<p>
	 * } is one line.
	 */
	private static final Pattern TIGHT_PARAGRAPHS = Pattern
		.compile("(?<![\\w.#-])p\\s*\\{[^}]*margin(?:-bottom)?\\s*:\\s*0", Pattern.CASE_INSENSITIVE);

	/** The markers and every styled div, whose style is then checked for the border. */
	private static final String QUOTE_START = QUOTE_MARKER + ", div[style]";

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "table", "ul", "ol", "dl", "dt",
			"dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "address", "section", "article",
			"header", "footer", "center");

	private ReplyBody() {
	}

	/**
	 * @param message a message, for instance a {@code MimeMessage} parsed from the raw
	 * bytes received
	 * @return the reply's text, or an empty text when there is no readable part
	 * @throws MessagingException if the MIME structure cannot be read
	 * @throws IOException if a part's content cannot be read
	 */
	public static ReplyText extract(Part message) throws MessagingException, IOException {
		return extract(message, 0);
	}

	private static ReplyText extract(Part message, int depth) throws MessagingException, IOException {
		Part plain = find(message, "text/plain");
		if (plain != null) {
			Decoded decoded = decode(plain);
			String text = unflow(normaliseNewlines(decoded.text()), contentType(plain));
			if (!text.isBlank()) {
				return new ReplyText(cap(text), QuoteStripper.strip(cap(text)).quoted(), false, decoded.charset(),
						decoded.cut() || text.length() > MAX_CHARS);
			}
		}
		Part html = find(message, "text/html");
		if (html != null) {
			Decoded decoded = decode(html);
			ReplyText text = fromHtml(normaliseNewlines(decoded.text()), decoded.charset());
			return decoded.cut() ? text.markedCut() : text;
		}
		// Nothing of its own: a message that only wraps another (a list that wraps the
		// sender's mail, a gateway, a reply sent as an attachment) says what that one
		// says.
		Part attached = (depth < 3) ? attachedMessage(message) : null;
		if (attached != null && attached.getContent() instanceof Part inner) {
			return extract(inner, depth + 1);
		}
		return ReplyText.none();
	}

	private static Part attachedMessage(Part part) throws MessagingException, IOException {
		if (part.isMimeType("message/rfc822")) {
			return part;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int index = 0; index < multipart.getCount(); index++) {
				Part found = attachedMessage(multipart.getBodyPart(index));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * Renders HTML to text, cutting the quoted history at the first marker a client
	 * leaves and rendering it separately.
	 */
	static ReplyText fromHtml(String html, String charset) {
		Document document = Jsoup.parse(html);
		boolean tightParagraphs = document.select("style")
			.stream()
			.anyMatch((style) -> TIGHT_PARAGRAPHS.matcher(style.data()).find());
		document.select("script, style, head, title, " + SIGNATURE_MARKER).remove();
		Element body = document.body();
		Element quotedRoot = new Element("div");
		Element start = quoteStart(body);
		if (start != null) {
			moveFrom(start, body, quotedRoot);
		}
		String text = render(body, tightParagraphs);
		return new ReplyText(cap(text), cap(render(quotedRoot, tightParagraphs)), true, charset,
				text.length() > MAX_CHARS);
	}

	private static Element quoteStart(Element body) {
		for (Element candidate : body.select(QUOTE_START)) {
			if (candidate.is(QUOTE_MARKER)) {
				return candidate;
			}
			String style = candidate.attr("style").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
			if (style.contains("border-top:solid#e1e1e1") || style.contains("border-top:solid#b5c4df")) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Moves the start element and everything after it in document order into the target:
	 * its following siblings, then the following siblings of each ancestor.
	 */
	private static void moveFrom(Element start, Element body, Element target) {
		Node current = start;
		boolean includeCurrent = true;
		while (current != null && current != body) {
			Node parent = current.parent();
			Node next = includeCurrent ? current : current.nextSibling();
			while (next != null) {
				Node following = next.nextSibling();
				next.remove();
				target.appendChild(next);
				next = following;
			}
			current = parent;
			includeCurrent = false;
		}
	}

	/**
	 * Text with a line break for every {@code <br>
	 * } and block, numbers for ordered list items (Outlook turns "1. " into a list as
	 * people type) and no runs of blank lines.
	 */
	static String render(Element root) {
		return render(root, false);
	}

	/**
	 * As {@link #render(Element)}; a paragraph ({@code
	 *
	<p>
	 * }) stands apart from what is around it by a blank line, as a client shows it
	 * (Thunderbird, Roundcube and others write one per paragraph typed), unless its
	 * margins are taken off: Word's {@code MsoNormal} paragraphs in Outlook, a zero
	 * margin in its style, or {@code tightParagraphs} for the whole document.
	 * @param root the element to render
	 * @param tightParagraphs whether the document's style sheet takes the margins off
	 * paragraphs
	 * @return the text
	 */
	static String render(Element root, boolean tightParagraphs) {
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					appendText(out, text);
				}
				else if (node instanceof Element element && BLOCKS.contains(element.normalName())
						&& !element.normalName().equals("br")) {
					newLine(out);
					if (!tightParagraphs && isSpacedParagraph(element)) {
						blankLine(out);
					}
					if (element.normalName().equals("li")) {
						out.append(listMarker(element));
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					if (element.normalName().equals("br")) {
						out.append('\n');
					}
					else {
						newLine(out);
						if (!tightParagraphs && isSpacedParagraph(element)) {
							blankLine(out);
						}
					}
				}
			}

		}, root);
		String text = out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n");
		return text.replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static void appendText(StringBuilder out, TextNode text) {
		Element parent = text.parentElement();
		boolean preformatted = parent != null && parent.closest("pre") != null;
		String value = preformatted ? text.getWholeText() : text.getWholeText().replaceAll("[\\s&&[^\\u00a0]]+", " ");
		if (!preformatted && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
			value = value.stripLeading();
		}
		out.append(value);
	}

	private static void newLine(StringBuilder out) {
		if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
	}

	/** After {@link #newLine}: one empty line, unless at the start or there already. */
	private static void blankLine(StringBuilder out) {
		if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
			out.append('\n');
		}
	}

	private static boolean isSpacedParagraph(Element element) {
		if (!element.normalName().equals("p")) {
			return false;
		}
		String style = element.attr("style").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
		return !element.className().startsWith("Mso") && !style.matches(".*margin(?:-bottom)?:0(?:[a-z]+)?(?:;.*|$)");
	}

	private static String listMarker(Element item) {
		Element list = item.parent();
		if (list != null && list.normalName().equals("ol")) {
			int start = 1;
			try {
				start = list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
			}
			catch (NumberFormatException ex) {
				// keep 1: a broken attribute must not lose the answer
			}
			return (start + item.elementSiblingIndex()) + ". ";
		}
		return "- ";
	}

	/** The first non-attachment part of the type, depth first in MIME order. */
	private static Part find(Part part, String type) throws MessagingException, IOException {
		if (isAttachment(part) || part.isMimeType("message/rfc822")) {
			return null;
		}
		if (part.isMimeType("multipart/*")) {
			if (!(part.getContent() instanceof Multipart multipart)) {
				return null;
			}
			for (int index = 0; index < multipart.getCount(); index++) {
				Part found = find(multipart.getBodyPart(index), type);
				if (found != null && (!type.equals("text/plain") || !decode(found).text().isBlank())) {
					return found;
				}
			}
			return null;
		}
		return part.isMimeType(type) ? part : null;
	}

	private static boolean isAttachment(Part part) throws MessagingException {
		return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
	}

	/**
	 * @param cut whether the part was longer than {@link #MAX_BYTES} and only its start
	 * was read
	 */
	private record Decoded(String text, String charset, boolean cut) {

		Decoded(String text, String charset) {
			this(text, charset, false);
		}

		Decoded cut(boolean cut) {
			return new Decoded(this.text, this.charset, cut);
		}

	}

	private static Decoded decode(Part part) throws MessagingException, IOException {
		byte[] bytes;
		boolean cut;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readNBytes(MAX_BYTES);
			cut = in.read() >= 0;
		}
		return decode(part, bytes).cut(cut);
	}

	private static Decoded decode(Part part, byte[] bytes) throws MessagingException {
		String label = charsetLabel(part);
		if (label != null && UTF_7_LABELS.contains(label)) {
			return new Decoded(Utf7.decode(bytes), "UTF-7");
		}
		Charset charset = charsetFor(label);
		if (charset == null || charset.equals(StandardCharsets.UTF_8) || charset.equals(WINDOWS_1252)) {
			// No label, a label nobody knows, or one of the labels Windows clients and
			// relays put on whatever they send: valid UTF-8 is UTF-8 (Latin text is
			// practically never valid UTF-8 by accident), anything else windows-1252.
			try {
				String text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
				return new Decoded(text, "UTF-8");
			}
			catch (CharacterCodingException ex) {
				return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252.name());
			}
		}
		return new Decoded(new String(bytes, charset), charset.name());
	}

	private static String charsetLabel(Part part) throws MessagingException {
		ContentType type = contentType(part);
		String label = (type != null) ? type.getParameter("charset") : null;
		return (label != null) ? label.strip().replace("\"", "").toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * The charset a label stands for, or {@code null} for a label Java does not know
	 * ({@code x-unknown}, {@code unicode-1-1-utf-8}, a typo): such text is read as UTF-8
	 * when it is valid UTF-8, else as windows-1252.
	 */
	private static Charset charsetFor(String label) {
		if (label == null || label.isEmpty() || WINDOWS_1252_LABELS.contains(label)) {
			return WINDOWS_1252;
		}
		try {
			return Charset.forName(label);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ContentType contentType(Part part) throws MessagingException {
		String header = part.getContentType();
		if (header == null) {
			return null;
		}
		try {
			return new ContentType(header);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	static String normaliseNewlines(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	/**
	 * Undoes format=flowed (RFC 3676): a line ending in a space continues on the next
	 * line of the same quote depth; with delsp=yes that space was added by the client and
	 * goes.
	 */
	static String unflow(String text, ContentType type) {
		if (type == null || !"flowed".equalsIgnoreCase(type.getParameter("format"))) {
			return text;
		}
		boolean delsp = "yes".equalsIgnoreCase(type.getParameter("delsp"));
		StringBuilder out = new StringBuilder();
		String[] lines = text.split("\n", -1);
		int previousDepth = -1;
		boolean continuing = false;
		for (String line : lines) {
			int depth = 0;
			while (depth < line.length() && line.charAt(depth) == '>') {
				depth++;
			}
			String content = line.substring(depth);
			if (content.startsWith(" ")) {
				content = content.substring(1);
			}
			boolean signature = content.equals("-- ");
			boolean flowed = !signature && content.endsWith(" ");
			if (flowed && delsp) {
				content = content.substring(0, content.length() - 1);
			}
			if (continuing && depth == previousDepth) {
				out.append(content);
			}
			else {
				if (continuing) {
					out.append('\n');
				}
				out.append(">".repeat(depth)).append((depth > 0) ? " " : "").append(content);
			}
			continuing = flowed;
			if (!flowed) {
				out.append('\n');
			}
			previousDepth = depth;
		}
		String result = out.toString();
		return result.endsWith("\n") ? result.substring(0, result.length() - 1) : result;
	}

	private static String cap(String text) {
		return (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
	}

}
