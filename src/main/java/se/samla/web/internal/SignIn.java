package se.samla.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.shared.Language;
import se.samla.shared.SqlTime;
import se.samla.web.SignInLinkRequested;
import se.samla.web.WebProperties;

/**
 * One-time sign-in links by email for the project leads' pages: only for the directory's
 * project leads and the configured operators; a link works once, within its lifetime.
 * Whoever asks is told the same, so the form does not reveal who may sign in.
 */
class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final JdbcClient jdbc;

	private final Directory directory;

	private final WebProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SignIn(JdbcClient jdbc, Directory directory, WebProperties properties, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether the address may sign in: a project lead in the directory, or an operator.
	 */
	boolean allowed(String email) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		return isOperator(address) || this.directory.personByEmail(address).filter(SignIn::isLead).isPresent();
	}

	/** Whether the address is one of the configured operators'. */
	boolean isOperator(String address) {
		return this.properties.operators().contains(address.strip().toLowerCase(Locale.ROOT));
	}

	/** Whether the person is an active project lead of the directory. */
	static boolean isLead(Person person) {
		return person.active() && person.isMemberOf(Network.PROJEKTLEDARE);
	}

	/** Sends a sign-in link to the address if it may sign in; otherwise nothing. */
	@Transactional
	void request(String email) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty() || address.length() > 320 || !allowed(address)) {
			log.info("A sign-in link was asked for an address that may not sign in");
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO web_sign_in (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)""")
			.params(JdbcAnswerLinks.hash(token), address, SqlTime.toSql(now),
					SqlTime.toSql(now.plus(this.properties.signInLifetime())))
			.update();
		Optional<Person> person = this.directory.personByEmail(address);
		this.events.publishEvent(new SignInLinkRequested(address, person.map(Person::name).orElse(address),
				this.properties.baseUrl() + "/logga-in/" + token, this.properties.signInLifetime().toMinutes(),
				person.map(Person::language).orElse(Language.SV)));
	}

	/**
	 * The address a link signs in, using the link up; empty if unknown, used or expired.
	 */
	@Transactional
	Optional<String> consume(String token) {
		if (token == null || !JdbcAnswerLinks.TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		String hash = JdbcAnswerLinks.hash(token);
		Instant now = this.clock.instant();
		int used = this.jdbc
			.sql("UPDATE web_sign_in SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(SqlTime.toSql(now), hash, SqlTime.toSql(now))
			.update();
		if (used != 1) {
			return Optional.empty();
		}
		String email = this.jdbc.sql("SELECT email FROM web_sign_in WHERE token_hash = ?")
			.param(hash)
			.query(String.class)
			.single();
		// still allowed? the directory may have changed since the link was sent
		return allowed(email) ? Optional.of(email) : Optional.empty();
	}

}
