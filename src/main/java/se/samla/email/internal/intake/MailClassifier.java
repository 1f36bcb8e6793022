package se.samla.email.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.jsoup.Jsoup;

import se.samla.email.internal.intake.Classification.AutoReply;
import se.samla.email.internal.intake.Classification.Bounce;
import se.samla.email.internal.intake.Classification.Human;
import se.samla.email.internal.intake.Classification.ReadReceipt;
import se.samla.email.internal.intake.Classification.SystemMessage;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.email.internal.reading.ReplyText;

/**
 * Decides whether an incoming message was written by a person before anything looks for
 * answers in it. An out-of-office taken for an answer would store "I am away until
 * Monday" as a survey answer and, worse, start a reply loop; a bounce taken for an answer
 * would hide that the invitation never arrived.
 * <p>
 * The rules run in a fixed order (see the email field notes, "Never an answer"):
 * <ol>
 * <li>anything addressed to {@code bounce+TOKEN};</li>
 * <li>a {@code multipart/report} delivery status (per recipient: failed with 5.x.x is
 * hard, 4.x.x or delayed is soft) or disposition notification (read receipt);</li>
 * <li>bounces that are not proper reports (empty Return-Path, From mailer-daemon or
 * postmaster, subjects like "Olevererbart" or "Undeliverable");</li>
 * <li>an empty or unparseable From;</li>
 * <li>auto-reply markers: {@code Auto-Submitted} other than {@code no},
 * {@code X-Autoreply}, {@code X-Autorespond}, {@code Precedence}, and subjects such as
 * "Automatiskt svar" (Exchange out-of-office replies sometimes carry no header at
 * all).</li>
 * </ol>
 * {@code X-Auto-Response-Suppress} alone means nothing: Outlook sets it on ordinary mail.
 * Reads headers and, for bounces only, the text of the report; it never logs either.
 */
public final class MailClassifier {

	/** Headers that name the recipient, as set by the sender or by delivery. */
	static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To",
			"X-Envelope-To");

	private static final Pattern BOUNCE_SUBJECT = Pattern.compile("olevererbar|kunde inte levereras|leveransfel"
			+ "|leverans(?:en)? misslyckades|försenad leverans|undeliverable|undelivered mail|returned mail"
			+ "|delivery status notification \\((?:failure|delay)\\)|mail delivery (?:failed|failure)|delivery failure"
			+ "|delivery (?:has )?failed|failure notice|non-?delivery report|non-?deliverable|delivery delayed"
			+ "|delayed mail|mail system error|could not be delivered|unzustellbar|nicht zustellbar"
			+ "|zustellung (?:fehlgeschlagen|verzögert)|non remis|non distribuable|échec de (?:la )?remise",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern AUTO_REPLY_SUBJECT = Pattern
		.compile("^\\s*(?:(?:sv|re|vb|vs|fw|fwd)\\s*:\\s*)*(?:automatiskt svar|autosvar|frånvaro\\w*|frånvarande"
				+ "|automatic reply|auto[- ]?reply|auto[- ]?response|out of (?:the )?office)\\b"
				+ "|\\bout of (?:the )?office\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** The reason given for an absence notice recognised by its words alone. */
	public static final String ABSENCE_BY_CONTENT = "absence notice by content";

	private static final Set<String> AUTO_PRECEDENCE = Set.of("auto_reply", "bulk", "junk", "list");

	private static final Pattern STATUS_CODE = Pattern
		.compile("(?<![\\d.])([245])\\.\\d{1,3}\\.\\d{1,3}(?!\\d|\\.\\d)");

	private static final Pattern DIAGNOSTIC_REPLY = Pattern.compile("(?:^|;)\\s*([245])\\d\\d(?!\\d)");

	private static final Pattern BLOCK_END = Pattern.compile("(?i)<(?:br|/p|/div|/tr|/li|/h\\d|/table)\\b[^>]*>");

	private static final Pattern TEXT_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^<>\\s]+>)");

	private static final Pattern TEXT_FINAL_RECIPIENT = Pattern
		.compile("(?im)^\\s*Final-Recipient:\\s*(?:rfc822\\s*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+?)>?\\s*$");

	private MailClassifier() {
	}

	/**
	 * Classifies one message.
	 * @param message the message as received
	 * @param addresses Samla's reply and bounce addresses
	 * @return the kind of message; never {@code null}
	 */
	public static Classification classify(MimeMessage message, Addresses addresses) {
		if (addressedToBounce(message, addresses)) {
			return classifyAddressedToBounce(message, addresses);
		}
		Optional<Classification> report = report(message, addresses);
		if (report.isPresent()) {
			return report.get();
		}
		String autoReply = autoReplyMarker(message);
		String bounce = nonStandardBounceMarker(message, autoReply != null);
		if (bounce != null) {
			return textBounce(message, addresses);
		}
		String from = fromProblem(message);
		if (from != null) {
			return new SystemMessage(from);
		}
		if (autoReply != null) {
			return new AutoReply(autoReply);
		}
		if (absentByContent(message)) {
			return new AutoReply(ABSENCE_BY_CONTENT);
		}
		return new Human();
	}

	/**
	 * An absence notice without auto-reply headers, told by its words: its new text, cut
	 * from any quoted invitation, has the shape of a notice ({@link AbsenceNotice}).
	 */
	private static boolean absentByContent(MimeMessage message) {
		try {
			ReplyText body = ReplyBody.extract(message);
			String text = body.stripped().reply();
			return AbsenceNotice.isAbsenceNotice(MailParts.subject(message), text.isBlank() ? body.text() : text);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			// unreadable text: the reply parser will say so; it is not a notice
			return false;
		}
	}

	/**
	 * Mail to the envelope sender is never an answer. Mostly bounces; an auto-responder
	 * that wrongly answers the envelope sender is kept an auto-reply so that it does not
	 * count as a soft bounce.
	 */
	private static Classification classifyAddressedToBounce(MimeMessage message, Addresses addresses) {
		Optional<Classification> report = report(message, addresses);
		if (report.isPresent()) {
			return report.get();
		}
		String autoReply = autoReplyMarker(message);
		if (autoReply != null && nonStandardBounceMarker(message, true) == null) {
			return new AutoReply(autoReply);
		}
		return textBounce(message, addresses);
	}

	private static boolean addressedToBounce(MimeMessage message, Addresses addresses) {
		for (String name : RECIPIENT_HEADERS) {
			for (String value : MailParts.headers(message, name)) {
				if (MailParts.containsPlusAddress(value, addresses.bounceLocalPart(), addresses.domain())) {
					return true;
				}
			}
		}
		return false;
	}

	private static Optional<String> bounceToken(MimeMessage message, Addresses addresses) {
		for (String name : RECIPIENT_HEADERS) {
			for (String value : MailParts.headers(message, name)) {
				Optional<String> token = MailParts.plusToken(value, addresses.bounceLocalPart(), addresses.domain());
				if (token.isPresent()) {
					return token;
				}
			}
		}
		return Optional.empty();
	}

	// --- multipart/report ---

	private static Optional<Classification> report(MimeMessage message, Addresses addresses) {
		ContentType type = MailParts.contentType(message);
		if (type == null || !type.match("multipart/report")) {
			return Optional.empty();
		}
		String reportType = Optional.ofNullable(type.getParameter("report-type")).orElse("").toLowerCase(Locale.ROOT);
		List<Part> parts;
		try {
			parts = MailParts.children(message);
		}
		catch (MessagingException ex) {
			return Optional.empty();
		}
		Part status = first(parts, "message/delivery-status", "message/global-delivery-status");
		if (reportType.equals("disposition-notification")
				|| (status == null && first(parts, "message/disposition-notification") != null)) {
			return Optional.of(new ReadReceipt());
		}
		if (status == null) {
			// report-type=delivery-status without its report part: the text rules decide
			return Optional.empty();
		}
		List<InternetHeaders> recipients = recipientGroups(status);
		if (recipients == null || recipients.isEmpty()) {
			// a delivery report whose per-recipient part cannot be read is still a
			// bounce:
			// its words decide
			return Optional.of(textBounce(message, addresses));
		}
		return Optional.of(deliveryStatus(message, addresses, parts, recipients));
	}

	private static Classification deliveryStatus(MimeMessage message, Addresses addresses, List<Part> parts,
			List<InternetHeaders> recipients) {
		List<String> failed = new ArrayList<>();
		String hardStatus = null;
		String softStatus = null;
		boolean permanent = false;
		for (InternetHeaders recipient : recipients) {
			String status = statusCode(value(recipient, "Status"));
			if (status == null) {
				status = statusCode(value(recipient, "Diagnostic-Code"));
			}
			String action = value(recipient, "Action").toLowerCase(Locale.ROOT);
			if (action.isEmpty() && status != null) {
				// Action is required, but some MTAs leave it out: the status class says
				action = status.startsWith("5") ? "failed" : status.startsWith("4") ? "delayed" : "";
			}
			if (!action.startsWith("fail") && !action.startsWith("delay")) {
				continue;
			}
			boolean hard = action.startsWith("fail") && failedPermanently(recipient, status);
			permanent |= hard;
			if (hard && hardStatus == null) {
				hardStatus = status;
			}
			if (!hard && softStatus == null) {
				softStatus = status;
			}
			String address = address(value(recipient, "Final-Recipient"));
			if (address.isEmpty()) {
				address = address(value(recipient, "Original-Recipient"));
			}
			if (!address.isEmpty()) {
				failed.add(address);
			}
		}
		if (!permanent && softStatus == null && failed.isEmpty()) {
			return new SystemMessage("delivery report without failure");
		}
		InternetHeaders returned = returnedHeaders(parts);
		String token = bounceToken(message, addresses).or(() -> returnedToken(returned, addresses))
			.or(() -> textToken(MailParts.allText(message), addresses))
			.orElse(null);
		String originalId = (returned != null) ? firstMessageId(returned.getHeader("Message-ID", ",")) : null;
		if (originalId == null) {
			originalId = textMessageId(MailParts.allText(message));
		}
		return new Bounce(permanent, failed, permanent ? hardStatus : softStatus, token, originalId);
	}

	/**
	 * A failed recipient is a hard bounce unless its own code is 4.x.x: the Status field,
	 * else the code in its Diagnostic-Code ({@code smtp; 550 …} counts without an
	 * enhanced code). Failed without any code is final.
	 */
	private static boolean failedPermanently(InternetHeaders recipient, String status) {
		if (status != null) {
			return status.startsWith("5");
		}
		Matcher reply = DIAGNOSTIC_REPLY.matcher(value(recipient, "Diagnostic-Code"));
		return !reply.find() || reply.group(1).equals("5");
	}

	/** The per-recipient groups of a delivery status, or {@code null} if unreadable. */
	private static List<InternetHeaders> recipientGroups(Part status) {
		try (InputStream in = status.getInputStream()) {
			DeliveryStatus report = new DeliveryStatus(in);
			List<InternetHeaders> groups = new ArrayList<>();
			for (int i = 0; i < report.getRecipientDSNCount(); i++) {
				InternetHeaders group = report.getRecipientDSN(i);
				if (group.getHeader("Action") != null || group.getHeader("Status") != null) {
					groups.add(group);
				}
			}
			return groups;
		}
		catch (IOException | MessagingException ex) {
			return null;
		}
	}

	private static InternetHeaders returnedHeaders(List<Part> parts) {
		Part returned = first(parts, "message/rfc822", "text/rfc822-headers", "message/global",
				"message/global-headers");
		if (returned == null) {
			return null;
		}
		try (InputStream in = returned.getInputStream()) {
			return new InternetHeaders(in);
		}
		catch (IOException | MessagingException ex) {
			return null;
		}
	}

	private static Optional<String> returnedToken(InternetHeaders returned, Addresses addresses) {
		if (returned == null) {
			return Optional.empty();
		}
		StringBuilder text = new StringBuilder();
		returned.getAllHeaderLines().asIterator().forEachRemaining((line) -> text.append(line).append('\n'));
		return textToken(text.toString(), addresses);
	}

	// --- bounces that are not proper reports ---

	/**
	 * Why the message looks like a bounce without being a report, or {@code null}. An
	 * empty Return-Path alone is not enough when the message also carries auto-reply
	 * markers: RFC 3834 asks auto-responders to send with an empty envelope sender, and
	 * counting every out-of-office as a soft bounce would suppress people on holiday.
	 */
	private static String nonStandardBounceMarker(MimeMessage message, boolean looksAutoReply) {
		String from = Optional.ofNullable(MailParts.header(message, "From")).orElse("").toLowerCase(Locale.ROOT);
		if (from.contains("mailer-daemon") || from.matches("(?s).*(?<![\\w.+-])postmaster(?:@|>|\\s*$).*")) {
			return "From " + (from.contains("mailer-daemon") ? "mailer-daemon" : "postmaster");
		}
		String subject = MailParts.subject(message);
		if (subject != null && BOUNCE_SUBJECT.matcher(subject).find()) {
			return "bounce subject";
		}
		if (!looksAutoReply) {
			for (String returnPath : MailParts.headers(message, "Return-Path")) {
				String path = returnPath.trim();
				if (path.equals("<>") || path.isEmpty()) {
					return "empty Return-Path";
				}
			}
		}
		return null;
	}

	private static Bounce textBounce(MimeMessage message, Addresses addresses) {
		String text = MailParts.allText(message);
		StringBuilder notice = new StringBuilder();
		StringBuilder returned = new StringBuilder();
		MailParts.walk(message, (part) -> {
			String type = MailParts.baseType(part);
			if (notice.length() + returned.length() >= MailParts.MAX_TEXT_CHARS) {
				return;
			}
			if (type.equals("text/html")) {
				notice.append(htmlText(MailParts.decode(part, false))).append('\n');
			}
			else if (type.startsWith("text/") && !type.equals("text/rfc822-headers")) {
				notice.append(MailParts.decode(part, false)).append('\n');
			}
			else if (type.endsWith("delivery-status")) {
				notice.append(MailParts.decode(part, true)).append('\n');
			}
			else if (type.startsWith("message/") || type.equals("text/rfc822-headers")) {
				returned.append(MailParts.decode(part, true)).append('\n');
			}
		});
		BounceText.Verdict verdict = BounceText.read(MailParts.subject(message), notice.toString(),
				returned.toString());
		Set<String> failed = new LinkedHashSet<>();
		for (String value : MailParts.headers(message, "X-Failed-Recipients")) {
			for (String address : value.split(",")) {
				if (!address(address).isEmpty()) {
					failed.add(address(address));
				}
			}
		}
		Matcher finalRecipients = TEXT_FINAL_RECIPIENT.matcher(text);
		while (finalRecipients.find()) {
			failed.add(finalRecipients.group(1).toLowerCase(Locale.ROOT));
		}
		String token = bounceToken(message, addresses).or(() -> textToken(text, addresses)).orElse(null);
		return new Bounce(verdict.permanent(), List.copyOf(failed), verdict.status(), token, textMessageId(text));
	}

	/**
	 * The text of an HTML bounce, a line per block, for the same patterns as plain text.
	 */
	private static String htmlText(String html) {
		String broken = BLOCK_END.matcher(html).replaceAll("\n$0");
		return Jsoup.parse(broken).wholeText();
	}

	private static Optional<String> textToken(String text, Addresses addresses) {
		return MailParts.plusToken(text, addresses.bounceLocalPart(), addresses.domain())
			.or(() -> MailParts.plusToken(text, addresses.replyLocalPart(), addresses.domain()));
	}

	private static String textMessageId(String text) {
		Matcher matcher = TEXT_MESSAGE_ID.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	// --- From ---

	/** Why the From cannot be used, or {@code null} when it names one real mailbox. */
	private static String fromProblem(MimeMessage message) {
		String from = MailParts.header(message, "From");
		if (from == null || from.isBlank()) {
			return "no From";
		}
		try {
			InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
			for (InternetAddress address : addresses) {
				String email = address.getAddress();
				if (email != null && email.indexOf('@') > 0 && email.indexOf('@') < email.length() - 1) {
					new InternetAddress(email, true).validate();
					return null;
				}
			}
			return "From has no address";
		}
		catch (AddressException ex) {
			return "unparseable From";
		}
	}

	// --- auto-replies ---

	/** The marker that makes the message an auto-reply, or {@code null}. */
	private static String autoReplyMarker(MimeMessage message) {
		for (String value : MailParts.headers(message, "Auto-Submitted")) {
			String keyword = value.split("[;(]", 2)[0].trim().toLowerCase(Locale.ROOT);
			if (!keyword.isEmpty() && !keyword.equals("no")) {
				return "Auto-Submitted: " + keyword;
			}
		}
		if (!MailParts.headers(message, "X-Autoreply").isEmpty()) {
			return "X-Autoreply";
		}
		if (!MailParts.headers(message, "X-Autorespond").isEmpty()) {
			return "X-Autorespond";
		}
		for (String value : MailParts.headers(message, "Precedence")) {
			String precedence = value.trim().toLowerCase(Locale.ROOT);
			if (AUTO_PRECEDENCE.contains(precedence)) {
				return "Precedence: " + precedence;
			}
		}
		String subject = MailParts.subject(message);
		if (subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find()) {
			return "auto-reply subject";
		}
		return null;
	}

	// --- helpers ---

	private static Part first(List<Part> parts, String... types) {
		for (Part part : parts) {
			String base = MailParts.baseType(part);
			for (String type : types) {
				if (base.equals(type)) {
					return part;
				}
			}
		}
		return null;
	}

	private static String value(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, ",");
		return (value != null) ? value.trim() : "";
	}

	private static String statusCode(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = STATUS_CODE.matcher(text);
		return matcher.find() ? matcher.group() : null;
	}

	/** {@code rfc822; Anna <a@b>} to {@code a@b}, lower-cased. */
	private static String address(String value) {
		String address = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
		address = address.trim();
		int open = address.indexOf('<');
		int close = address.indexOf('>', open + 1);
		if (open >= 0 && close > open) {
			address = address.substring(open + 1, close);
		}
		return address.contains("@") ? address.trim().toLowerCase(Locale.ROOT) : "";
	}

	private static String firstMessageId(String value) {
		List<String> ids = MailParts.messageIds(value);
		return ids.isEmpty() ? null : ids.get(0);
	}

}
