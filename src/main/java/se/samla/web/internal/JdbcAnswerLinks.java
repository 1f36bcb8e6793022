package se.samla.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;
import se.samla.shared.SqlTime;
import se.samla.web.AnswerLinks;
import se.samla.web.WebProperties;

/**
 * Personal links whose token is an HMAC-SHA256 of (send-out, person, generation): the
 * same link goes into every message of a round without being stored, and only its hash is
 * kept for looking it up.
 */
class JdbcAnswerLinks implements AnswerLinks {

	/** What a token looks like: 43 base64url characters (256 bits). */
	static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final WebProperties properties;

	private final Clock clock;

	private volatile byte[] key;

	JdbcAnswerLinks(JdbcClient jdbc, WebProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String linkFor(SendOutId sendOut, PersonId person) {
		return this.properties.baseUrl() + "/svar/" + tokenFor(sendOut, person);
	}

	String tokenFor(SendOutId sendOut, PersonId person) {
		Optional<Integer> generation = generation(sendOut, person);
		if (generation.isPresent()) {
			return token(sendOut, person, generation.get());
		}
		String token = token(sendOut, person, 0);
		try {
			insert(sendOut, person, 0, token);
			return token;
		}
		catch (DuplicateKeyException raced) {
			return token(sendOut, person, generation(sendOut, person).orElseThrow());
		}
	}

	@Override
	public void revoke(SendOutId sendOut, PersonId person) {
		Optional<Integer> current = generation(sendOut, person);
		int next = current.map(g -> g + 1).orElse(1);
		String token = token(sendOut, person, next);
		int updated = this.jdbc
			.sql("UPDATE web_link SET generation = ?, token_hash = ? WHERE send_out_id = ? AND person_id = ?")
			.params(next, hash(token), sendOut.value(), person.value())
			.update();
		if (updated == 0) {
			insert(sendOut, person, next, token);
		}
		current.ifPresent(generation -> retire(sendOut, person, generation, Reason.REVOKED));
	}

	/**
	 * Replaces the person's link by a new one, unless a link was last replaced this way
	 * within {@code interval}: one conditional update, so of two requests at once only
	 * one gets through.
	 * @return the new link's generation, or empty if the interval has not passed
	 */
	OptionalInt renewOnRequest(SendOutId sendOut, PersonId person, Duration interval) {
		Optional<Integer> current = generation(sendOut, person);
		if (current.isEmpty()) {
			return OptionalInt.empty();
		}
		int next = current.get() + 1;
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				UPDATE web_link SET generation = ?, token_hash = ?, new_link_at = ?
				WHERE send_out_id = ? AND person_id = ? AND generation = ?
				  AND (new_link_at IS NULL OR new_link_at <= ?)""")
			.params(next, hash(token(sendOut, person, next)), SqlTime.toSql(now), sendOut.value(), person.value(),
					current.get(), SqlTime.toSql(now.minus(interval)))
			.update();
		if (updated == 0) {
			return OptionalInt.empty();
		}
		retire(sendOut, person, current.get(), Reason.SUPERSEDED);
		return OptionalInt.of(next);
	}

	private void retire(SendOutId sendOut, PersonId person, int generation, Reason reason) {
		this.jdbc.sql("""
				INSERT INTO web_link_retired (token_hash, send_out_id, person_id, reason, retired_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(hash(token(sendOut, person, generation)), sendOut.value(), person.value(), reason.name(),
					SqlTime.toSql(this.clock.instant()))
			.update();
	}

	/** Whose link a token was, and why it no longer works, if it was ever issued. */
	Optional<Retired> retired(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT send_out_id, person_id, reason FROM web_link_retired WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Retired(
					new Target(new SendOutId(rs.getString(1)), new PersonId(rs.getObject(2, UUID.class))),
					Reason.valueOf(rs.getString(3))))
			.optional();
	}

	private void insert(SendOutId sendOut, PersonId person, int generation, String token) {
		this.jdbc.sql("""
				INSERT INTO web_link (send_out_id, person_id, generation, token_hash, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(sendOut.value(), person.value(), generation, hash(token), SqlTime.toSql(this.clock.instant()))
			.update();
	}

	@Override
	public Optional<Target> resolve(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT send_out_id, person_id FROM web_link WHERE token_hash = ?")
			.param(hash(token))
			.query((rs, n) -> new Target(new SendOutId(rs.getString(1)), new PersonId(rs.getObject(2, UUID.class))))
			.optional();
	}

	/**
	 * Removes every link of a person, what is kept of their old ones and their requests
	 * for new ones (erasure).
	 */
	int removeAll(UUID person) {
		this.jdbc.sql("DELETE FROM web_link_retired WHERE person_id = ?").param(person).update();
		this.jdbc.sql("DELETE FROM web_link_request WHERE person_id = ?").param(person).update();
		return this.jdbc.sql("DELETE FROM web_link WHERE person_id = ?").param(person).update();
	}

	private Optional<Integer> generation(SendOutId sendOut, PersonId person) {
		return this.jdbc.sql("SELECT generation FROM web_link WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), person.value())
			.query(Integer.class)
			.optional();
	}

	private String token(SendOutId sendOut, PersonId person, int generation) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] digest = mac.doFinal((sendOut.value() + "\u0000" + person.value() + "\u0000" + generation)
				.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known != null) {
			return known;
		}
		if (this.properties.linkKey() != null && !this.properties.linkKey().isBlank()) {
			known = Base64.getDecoder().decode(this.properties.linkKey().strip());
			if (known.length < 32) {
				throw new IllegalStateException("samla.web.link-key must hold at least 32 bytes (base64)");
			}
		}
		else {
			known = Base64.getDecoder().decode(storedKey());
		}
		this.key = known;
		return known;
	}

	private String storedKey() {
		Optional<String> stored = this.jdbc.sql("SELECT secret FROM web_link_key WHERE id = 1")
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			this.jdbc.sql("INSERT INTO web_link_key (id, secret, created_at) VALUES (1, ?, ?)")
				.params(Base64.getEncoder().encodeToString(fresh), SqlTime.toSql(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException raced) {
			// another instance made it first: its key is the one
		}
		return this.jdbc.sql("SELECT secret FROM web_link_key WHERE id = 1").query(String.class).single();
	}

	/** Why a link no longer works. */
	enum Reason {

		/** An operator withdrew it. */
		REVOKED,
		/** A newer link was sent in its place. */
		SUPERSEDED

	}

	/** A link that no longer works: whose it was, and why. */
	record Retired(Target target, Reason reason) {
	}

}
