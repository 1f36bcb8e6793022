package se.samla.email.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.directory.PersonId;
import se.samla.email.internal.intake.Tokens;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.toSql;

/** Reply tokens and the Message-IDs of sent mail. */
@Repository
public class EmailRecords {

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	private final TransactionTemplate transactions;

	EmailRecords(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * The person's reply token for the send-out, created on first use (80 random bits).
	 */
	public String tokenFor(SendOutId sendOut, PersonId person, Instant now) {
		Optional<String> existing = existingToken(sendOut, person);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			String token = Tokens.newToken(this.random);
			this.jdbc.sql("INSERT INTO email_token (token, send_out_id, person_id, created_at) VALUES (?, ?, ?, ?)")
				.params(token, sendOut.value(), person.value(), toSql(now))
				.update();
			return token;
		}
		catch (DuplicateKeyException raced) {
			return existingToken(sendOut, person).orElseThrow();
		}
	}

	/** The send-out and person a token stands for. */
	public Optional<TokenOwner> owner(String token) {
		return this.jdbc.sql("SELECT send_out_id, person_id FROM email_token WHERE token = ?")
			.param(token)
			.query((rs, n) -> new TokenOwner(new SendOutId(rs.getString(1)), new PersonId(rs.getObject(2, UUID.class))))
			.optional();
	}

	/**
	 * The send-out and person of the token most recently made for the person: what an
	 * email from them without a token most likely answers.
	 */
	public Optional<TokenOwner> latestOwner(PersonId person) {
		return this.jdbc
			.sql("SELECT send_out_id, person_id FROM email_token WHERE person_id = ? ORDER BY created_at DESC")
			.param(person.value())
			.query((rs, n) -> new TokenOwner(new SendOutId(rs.getString(1)), new PersonId(rs.getObject(2, UUID.class))))
			.stream()
			.findFirst();
	}

	public void recordSent(String messageId, String token, String outboxKey, String kind, Instant at) {
		// A message sent again after a crash has the same Message-ID: nothing new to
		// record. ON CONFLICT, not a caught duplicate: this may run inside the
		// transaction
		// that marks the outbox row sent, which PostgreSQL aborts at a failed statement.
		this.jdbc.sql("""
				INSERT INTO email_sent (message_id, token, outbox_key, kind, sent_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""").params(messageId, token, outboxKey, kind, toSql(at)).update();
	}

	/**
	 * The reply tokens of several people for one send-out, created where missing: one
	 * write for all of them, instead of one each.
	 */
	public Map<PersonId, String> tokensFor(SendOutId sendOut, Collection<PersonId> people, Instant now) {
		Map<PersonId, String> tokens = existingTokens(sendOut, people);
		List<PersonId> missing = people.stream().filter(person -> !tokens.containsKey(person)).distinct().toList();
		if (missing.isEmpty()) {
			return tokens;
		}
		List<PersonId> raced = new ArrayList<>();
		this.transactions.executeWithoutResult(status -> {
			for (PersonId person : missing) {
				String token = Tokens.newToken(this.random);
				boolean created = this.jdbc.sql("""
						INSERT INTO email_token (token, send_out_id, person_id, created_at) VALUES (?, ?, ?, ?)
						ON CONFLICT DO NOTHING
						""").params(token, sendOut.value(), person.value(), toSql(now)).update() == 1;
				if (created) {
					tokens.put(person, token);
				}
				else {
					raced.add(person);
				}
			}
		});
		// another instance created these people's tokens at the same moment: its stand
		tokens.putAll(existingTokens(sendOut, raced));
		return tokens;
	}

	private Map<PersonId, String> existingTokens(SendOutId sendOut, Collection<PersonId> people) {
		// One indexed lookup each: an IN list on the second column of the index made H2
		// read every token of the send-out for each group.
		Map<PersonId, String> tokens = new HashMap<>();
		people.forEach(person -> existingToken(sendOut, person).ifPresent(token -> tokens.put(person, token)));
		return tokens;
	}

	/** Whether a mail of this kind went to the token's owner since the given moment. */
	public boolean sentSince(String token, String kind, Instant since) {
		return this.jdbc.sql("SELECT COUNT(*) FROM email_sent WHERE token = ? AND kind = ? AND sent_at >= ?")
			.params(token, kind, toSql(since))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The token of the mail Samla sent with this Message-ID, for replies linked by
	 * In-Reply-To.
	 */
	public Optional<String> tokenForMessageId(String messageId) {
		return this.jdbc.sql("SELECT token FROM email_sent WHERE message_id = ?")
			.param(messageId)
			.query(String.class)
			.optional();
	}

	private Optional<String> existingToken(SendOutId sendOut, PersonId person) {
		return this.jdbc.sql("SELECT token FROM email_token WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), person.value())
			.query(String.class)
			.optional();
	}

	/** Whom a token belongs to. */
	public record TokenOwner(SendOutId sendOut, PersonId person) {
	}

}
