package se.samla.email.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.email.ImapProperties;
import se.samla.email.internal.reading.ReplyBody;
import se.samla.shared.PersonalDataHolder;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * The emails Samla kept from or for a person (read replies, with their raw text while it
 * is retained), the reply tokens and messages sent under them, and operators' decisions
 * on their held emails. An email is the person's when its token was theirs or when it
 * names their address anywhere (sender, recipient, a quoted header, a signature). Erasure
 * deletes the raw emails and keeps the row of each without its text, so an email read
 * again is still recognised as read.
 */
@Component
@Order(20)
class EmailPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final ImapProperties imap;

	EmailPersonalData(JdbcClient jdbc, ImapProperties imap) {
		this.jdbc = jdbc;
		this.imap = imap;
	}

	@Override
	public String section() {
		return "email";
	}

	@Override
	public Object export(DataSubject subject) {
		Map<String, Object> email = new LinkedHashMap<>();
		List<Map<String, Object>> kept = new ArrayList<>();
		for (Kept row : kept(subject)) {
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("id", row.id().toString());
			message.put("messageId", row.messageId());
			message.put("receivedAt", row.receivedAt());
			message.put("status", row.status());
			message.put("detail", row.detail());
			message.put("sendOut", row.sendOut());
			if (row.raw() != null) {
				try {
					MimeMessage parsed = RawMail.parse(row.raw());
					message.put("from", addresses(parsed.getFrom()));
					message.put("to", addresses(parsed.getAllRecipients()));
					message.put("subject", parsed.getSubject());
					message.put("date", (parsed.getSentDate() != null) ? parsed.getSentDate().toInstant() : null);
					message.put("text", ReplyBody.extract(parsed).text());
				}
				catch (Exception ex) {
					message.put("text", new String(row.raw(), StandardCharsets.UTF_8));
				}
			}
			kept.add(message);
		}
		email.put("received", kept);
		email.put("replyTokens", this.jdbc
			.sql("SELECT send_out_id, token, created_at FROM email_token WHERE person_id = ? ORDER BY created_at")
			.param(subject.id())
			.query((rs, n) -> Map.of("sendOut", rs.getString(1), "token", rs.getString(2), "createdAt",
					instant(rs, "created_at")))
			.list());
		email.put("sent",
				this.jdbc.sql("""
						SELECT s.message_id, s.outbox_key, s.kind, s.sent_at FROM email_sent s
						JOIN email_token t ON t.token = s.token WHERE t.person_id = ? ORDER BY s.sent_at
						""")
					.param(subject.id())
					.query((rs, n) -> Map.of("messageId", rs.getString(1), "key", rs.getString(2), "kind",
							rs.getString(3), "sentAt", instant(rs, "sent_at")))
					.list());
		email.put("reviewDecisions", this.jdbc.sql("""
				SELECT inbound_id, decision, outcome, decided_at FROM email_review_decision
				WHERE person_id = ? ORDER BY decided_at
				""").param(subject.id()).query((rs, n) -> {
			Map<String, Object> decision = new LinkedHashMap<>();
			decision.put("email", rs.getObject(1, UUID.class).toString());
			decision.put("decision", rs.getString(2));
			decision.put("outcome", rs.getString(3));
			decision.put("decidedAt", instant(rs, "decided_at"));
			return decision;
		}).list());
		return email;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		int deleted = 0;
		for (Kept row : kept(subject)) {
			if (row.raw() != null) {
				deleted++;
			}
			this.jdbc.sql("""
					UPDATE email_inbound SET raw = NULL,
					    status = CASE WHEN status = 'REVIEW' THEN 'DISCARDED' ELSE status END
					WHERE id = ?
					""").param(row.id()).update();
		}
		return Map.of("rawEmailsDeleted", deleted);
	}

	@Override
	public Map<String, Integer> removeExpired(Instant now) {
		int dropped = this.jdbc.sql("UPDATE email_inbound SET raw = NULL WHERE received_at < ? AND raw IS NOT NULL")
			.param(toSql(now.minus(this.imap.retention())))
			.update();
		return Map.of("rawEmailsDeleted", dropped);
	}

	private List<Kept> kept(DataSubject subject) {
		byte[] address = subject.email().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
		return this.jdbc.sql("""
				SELECT id, message_id, raw, received_at, status, detail, send_out_id, person_id
				FROM email_inbound WHERE person_id = ? OR raw IS NOT NULL ORDER BY received_at
				""")
			.param(subject.id())
			.query((rs, n) -> new Kept(rs.getObject("id", UUID.class), rs.getString("message_id"), rs.getBytes("raw"),
					instant(rs, "received_at"), rs.getString("status"), rs.getString("detail"),
					rs.getString("send_out_id"), subject.id().equals(rs.getObject("person_id", UUID.class))))
			.list()
			.stream()
			.filter(row -> row.ofThePerson() || (row.raw() != null && mentions(row.raw(), address)))
			.toList();
	}

	/** Whether the raw bytes name the address (ASCII, compared without case). */
	private static boolean mentions(byte[] raw, byte[] address) {
		String text = new String(raw, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return text.contains(new String(address, StandardCharsets.ISO_8859_1));
	}

	private static List<String> addresses(Address[] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

	private record Kept(UUID id, String messageId, byte[] raw, Instant receivedAt, String status, String detail,
			String sendOut, boolean ofThePerson) {
	}

}
