package se.samla.email.internal.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads an email's bytes as a message whatever shape it is in, so that no email is
 * unprocessable. Jakarta Mail reads well-formed mail and fails, often only when a part is
 * opened, on what broken mailers send: a boundary that is missing, never used or never
 * closed, {@code ;;} in a header, a transfer encoding that does not decode, a nested
 * message in base64. When strict reading fails anywhere in the structure, the message is
 * parsed again with Apache James mime4j, a parser made for such mail, and rebuilt as
 * clean MIME with the same headers and decoded content; when even that fails, the body is
 * read as plain text. Whatever comes out is an ordinary {@link MimeMessage}, so the rest
 * of the intake never meets the breakage.
 * <p>
 * Headers written in raw 8-bit instead of RFC 2047 words are read as UTF-8 when they are
 * UTF-8, and as windows-1252 (which covers Latin-1) when they are not: Jakarta Mail's
 * default reads them as ISO-8859-1, and a Swedish name comes out as "Ã…sa".
 */
public final class LenientMessage {

	private static final Session SESSION;

	static {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		SESSION = Session.getInstance(properties);
	}

	/**
	 * The header a rebuilt message carries, saying how it was read: {@link #REBUILT} or
	 * {@link #RAW_TEXT}. The same header arriving from outside is removed.
	 */
	static final String READ_HEADER = "X-Samla-Read";

	/** Read with mime4j and rebuilt. */
	public static final String REBUILT = "rebuilt";

	/** Nothing could read the structure: the body is the raw text after the headers. */
	public static final String RAW_TEXT = "raw-text";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** Headers that describe the old structure; the rebuilt message writes its own. */
	private static final Set<String> STRUCTURE_HEADERS = Set.of("content-type", "content-transfer-encoding",
			"content-length", "mime-version");

	/** A line that starts a part: a boundary, then a header on the next line. */
	private static final Pattern USED_BOUNDARY = Pattern.compile("(?m)^--([^\\s]{1,250}?)[ \\t]*\\r?\\n[A-Za-z-]+:");

	private static final Set<String> ENCODED = Set.of("base64", "quoted-printable");

	/** Deeper than any real reply; a guard against a message nested into itself. */
	private static final int MAX_DEPTH = 10;

	private LenientMessage() {
	}

	/**
	 * @param raw the email's bytes as received
	 * @return the message: as sent when it is well-formed, rebuilt when it is not
	 * @throws MessagingException only if not even a plain-text message can be made
	 */
	public static MimeMessage parse(byte[] raw) throws MessagingException {
		byte[] bytes = RawHeaders.asUtf8(raw);
		try {
			MimeMessage strict = strict(bytes);
			if (readable(strict, 0)) {
				strict.removeHeader(READ_HEADER);
				return strict;
			}
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			// fall through to the lenient parser
		}
		try {
			MimeMessage rebuilt = strict(rebuild(bytes, 0));
			rebuilt.setHeader(READ_HEADER, REBUILT);
			return rebuilt;
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			return rawText(bytes);
		}
	}

	/**
	 * How a message was read when it was not well-formed.
	 * @return {@link #REBUILT}, {@link #RAW_TEXT}, or {@code null} for a well-formed
	 * message
	 */
	public static String repair(Part message) {
		try {
			String[] values = message.getHeader(READ_HEADER);
			return (values != null && values.length > 0) ? values[0] : null;
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	/**
	 * Whether Jakarta Mail reads the whole structure: every content type parses, every
	 * multipart has its parts and every leaf decodes. Attached messages are read as bytes
	 * only, as the intake does.
	 */
	static boolean readable(Part part, int depth) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			return false;
		}
		String header = part.getContentType();
		ContentType type = new ContentType((header != null) ? header : "text/plain");
		if (type.match("multipart/*")) {
			// parsed from the bytes, as the intake does: the registered handler of
			// multipart/report refuses reports that are not shaped exactly by the RFC
			MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
			if (multipart.getCount() == 0) {
				return false;
			}
			for (int index = 0; index < multipart.getCount(); index++) {
				if (!readable(multipart.getBodyPart(index), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		if (type.match("message/*") && part instanceof MimePart mime && mime.getEncoding() != null
				&& ENCODED.contains(mime.getEncoding().strip().toLowerCase(Locale.ROOT))) {
			// RFC 2046 forbids encoding a nested message and Jakarta Mail does not decode
			// one, but mailers do it: the message would come out as base64 text
			return false;
		}
		try (InputStream in = part.getInputStream()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return true;
	}

	private static MimeMessage strict(byte[] bytes) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
	}

	/**
	 * Parses leniently with mime4j and writes the message again as well-formed MIME: the
	 * original headers except those describing the structure, then the content, decoded,
	 * in a fresh structure with fresh boundaries.
	 */
	private static byte[] rebuild(byte[] bytes, int depth) throws IOException, MessagingException {
		Message parsed = parser().parseMessage(new ByteArrayInputStream(bytes));
		try {
			Rebuilt message = new Rebuilt();
			for (Field field : parsed.getHeader()) {
				if (!STRUCTURE_HEADERS.contains(field.getName().toLowerCase(Locale.ROOT))) {
					message.addHeaderLine(RawHeaders.text(field.getRaw().toByteArray()));
				}
			}
			fill(message, parsed, depth);
			message.setHeader("MIME-Version", "1.0");
			message.keepHeadersAsSet();
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1024);
			message.writeTo(out);
			return out.toByteArray();
		}
		finally {
			parsed.dispose();
		}
	}

	/** Gives a part the content of a parsed entity, its content type and disposition. */
	private static void fill(MimePart target, Entity entity, int depth) throws IOException, MessagingException {
		Body body = entity.getBody();
		if (body instanceof Multipart multipart) {
			if (multipart.getBodyParts().isEmpty()) {
				// the declared boundary never occurs: everything is in the preamble
				preamble(target, multipart, depth);
				return;
			}
			MimeMultipart rebuilt = new RebuiltMultipart(multipart.getSubType(), entity);
			for (Entity child : multipart.getBodyParts()) {
				MimeBodyPart part = new MimeBodyPart();
				fill(part, child, depth + 1);
				rebuilt.addBodyPart(part);
			}
			// written out here, with every part's headers set explicitly: handing the
			// multipart itself to Jakarta Mail would pass it through the registered
			// handler of its type (multipart/report has a strict one)
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			rebuilt.writeTo(out);
			setBytes(target, out.toByteArray(), rebuilt.getContentType(), "8bit");
			return;
		}
		if (body instanceof Message nested) {
			byte[] inner = nestedBytes(nested, depth);
			setBytes(target, inner, "message/rfc822", "8bit");
			disposition(target, entity);
			return;
		}
		byte[] content = (body instanceof SingleBody single) ? read(single) : new byte[0];
		String mimeType = entity.getMimeType();
		ParameterList parameters = parameters(entity);
		parameters.remove("boundary");
		String charset = entity.getCharset();
		if (charset != null && mimeType.startsWith("text/")) {
			parameters.set("charset", charset);
		}
		if (entity.getFilename() != null) {
			parameters.set("name", entity.getFilename());
		}
		String[] kind = mimeType.split("/", 2);
		String contentType = new ContentType(kind[0], (kind.length > 1) ? kind[1] : "plain", parameters).toString();
		setBytes(target, content, contentType, "base64");
		disposition(target, entity);
	}

	/**
	 * A multipart whose declared boundary never occurs. Mailers that get this wrong
	 * mostly wrote the parts with another boundary: when a line {@code --something}
	 * followed by a header starts a part, the preamble is read as a multipart with that
	 * boundary; otherwise it is the text itself.
	 */
	private static void preamble(MimePart target, Multipart multipart, int depth)
			throws IOException, MessagingException {
		// mime4j keeps the preamble as one char per byte
		byte[] bytes = (nonNull(multipart.getPreamble()) + nonNull(multipart.getEpilogue()))
			.getBytes(StandardCharsets.ISO_8859_1);
		Matcher boundary = USED_BOUNDARY.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
		if (depth < MAX_DEPTH && boundary.find()) {
			byte[] head = ("Content-Type: multipart/" + multipart.getSubType() + "; boundary=\""
					+ boundary.group(1).replace("\"", "") + "\"\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			byte[] synthetic = new byte[head.length + bytes.length];
			System.arraycopy(head, 0, synthetic, 0, head.length);
			System.arraycopy(bytes, 0, synthetic, head.length, bytes.length);
			Message reparsed = parser().parseMessage(new ByteArrayInputStream(synthetic));
			try {
				if (reparsed.getBody() instanceof Multipart found && !found.getBodyParts().isEmpty()) {
					fill(target, reparsed, depth + 1);
					return;
				}
			}
			finally {
				reparsed.dispose();
			}
		}
		setBytes(target, bytes, "text/plain; charset=" + (RawHeaders.isUtf8(bytes) ? "utf-8" : "windows-1252"),
				"base64");
	}

	private static DefaultMessageBuilder parser() {
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
		builder.setDecodeMonitor(DecodeMonitor.SILENT);
		return builder;
	}

	/** The parameters the entity's Content-Type had (format=flowed, report-type, …). */
	private static ParameterList parameters(Entity entity) {
		ParameterList parameters = new ParameterList();
		if (entity.getHeader() != null
				&& entity.getHeader().getField("Content-Type") instanceof ContentTypeField field) {
			field.getParameters().forEach((name, value) -> {
				if (name != null && !name.isBlank() && value != null) {
					parameters.set(name.toLowerCase(Locale.ROOT), value);
				}
			});
		}
		return parameters;
	}

	/**
	 * A rebuilt multipart: a fresh boundary, and the parameters of the original (a
	 * report's {@code report-type}, a related's {@code type}) next to it.
	 */
	private static final class RebuiltMultipart extends MimeMultipart {

		RebuiltMultipart(String subtype, Entity entity) throws MessagingException {
			super(subtype);
			ContentType type = new ContentType(this.contentType);
			ParameterList original = parameters(entity);
			original.getNames().asIterator().forEachRemaining((name) -> {
				if (!name.equals("boundary")) {
					type.setParameter(name, original.get(name));
				}
			});
			this.contentType = type.toString();
		}

	}

	private static void setBytes(MimePart target, byte[] content, String type, String encoding)
			throws MessagingException {
		target.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
		target.setHeader("Content-Type", type);
		target.setHeader("Content-Transfer-Encoding", encoding);
	}

	private static byte[] nestedBytes(Message nested, int depth) throws IOException, MessagingException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new DefaultMessageWriter().writeMessage(nested, out);
		byte[] written = out.toByteArray();
		if (depth >= MAX_DEPTH) {
			return written;
		}
		try {
			MimeMessage strict = strict(written);
			return readable(strict, 0) ? written : rebuild(written, depth + 1);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return rebuild(written, depth + 1);
		}
	}

	private static void disposition(MimePart target, Entity entity) throws MessagingException {
		String type = entity.getDispositionType();
		if (type == null) {
			return;
		}
		ContentDisposition disposition = new ContentDisposition(type.toLowerCase(Locale.ROOT));
		if (entity.getFilename() != null) {
			disposition.setParameter("filename", entity.getFilename());
		}
		target.setHeader("Content-Disposition", disposition.toString());
	}

	private static byte[] read(SingleBody body) throws IOException {
		try (InputStream in = body.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	/**
	 * The last resort: the headers as they are and everything after them as one plain
	 * text, UTF-8 when it is UTF-8, else windows-1252.
	 */
	static MimeMessage rawText(byte[] bytes) throws MessagingException {
		int end = RawHeaders.end(bytes);
		InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes, 0, end), true);
		MimeMessage message = new Rebuilt();
		headers.getAllHeaderLines().asIterator().forEachRemaining((line) -> {
			String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
			if (!STRUCTURE_HEADERS.contains(name) && !name.equals("content-disposition")) {
				try {
					message.addHeaderLine(line);
				}
				catch (MessagingException ex) {
					// a header that cannot be kept is left out; the text is what matters
				}
			}
		});
		message.setText(RawHeaders.text(Arrays.copyOfRange(bytes, end, bytes.length)), "UTF-8");
		message.saveChanges();
		message.setHeader(READ_HEADER, RAW_TEXT);
		return message;
	}

	/** Keeps the sender's Message-ID (or its absence): intake keys every email on it. */
	private static final class Rebuilt extends MimeMessage {

		Rebuilt() {
			super(SESSION);
		}

		@Override
		protected void updateMessageID() {
		}

		/**
		 * Writes the headers as set, without Jakarta Mail deriving them again from the
		 * content (which would add a Date the sender never wrote).
		 */
		void keepHeadersAsSet() {
			this.saved = true;
		}

	}

	/** Reading the header block of raw bytes. */
	static final class RawHeaders {

		private RawHeaders() {
		}

		/** Where the header block ends: after the first empty line, or at the end. */
		static int end(byte[] bytes) {
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					int next = i + 1;
					if (next < bytes.length && bytes[next] == '\r') {
						next++;
					}
					if (next < bytes.length && bytes[next] == '\n') {
						return next + 1;
					}
					if (next >= bytes.length) {
						return bytes.length;
					}
				}
			}
			return bytes.length;
		}

		/**
		 * The bytes with every header line that carries 8-bit bytes but is not UTF-8
		 * re-encoded from windows-1252 to UTF-8; the body is left as it is.
		 */
		static byte[] asUtf8(byte[] raw) {
			int end = end(raw);
			boolean eightBit = false;
			for (int i = 0; i < end && !eightBit; i++) {
				eightBit = raw[i] < 0;
			}
			if (!eightBit) {
				return raw;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
			int start = 0;
			while (start < end) {
				int stop = start;
				while (stop < end && raw[stop] != '\n') {
					stop++;
				}
				stop = Math.min(stop + 1, end);
				byte[] line = Arrays.copyOfRange(raw, start, stop);
				out.writeBytes(text(line).getBytes(StandardCharsets.UTF_8));
				start = stop;
			}
			out.write(raw, end, raw.length - end);
			return out.toByteArray();
		}

		static boolean isUtf8(byte[] bytes) {
			try {
				StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
				return true;
			}
			catch (CharacterCodingException ex) {
				return false;
			}
		}

		/** Bytes as text: UTF-8 when they are valid UTF-8, else windows-1252. */
		static String text(byte[] bytes) {
			try {
				return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException ex) {
				return new String(bytes, WINDOWS_1252);
			}
		}

	}

}
