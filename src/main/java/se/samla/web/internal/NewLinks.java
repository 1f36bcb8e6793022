package se.samla.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.campaigns.SendOutOperations;
import se.samla.shared.SqlTime;
import se.samla.web.AnswerLinks.Target;

/**
 * New personal links asked for on the page of a link that no longer works: the person's
 * link is replaced and the new one queued in the outbox (sent once, by email, by the
 * dispatcher; never from here), at most once per person and send-out within
 * {@link #INTERVAL}. Every request is recorded, whether it was sent or refused.
 */
@Component
class NewLinks {

	private static final Logger log = LoggerFactory.getLogger(NewLinks.class);

	/** How long after a new link another one can be asked for. */
	static final Duration INTERVAL = Duration.ofMinutes(10);

	private final JdbcAnswerLinks links;

	private final SendOutOperations operations;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NewLinks(JdbcAnswerLinks links, SendOutOperations operations, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.links = links;
		this.operations = operations;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** Whose link a token was and why it no longer works, if it was ever issued. */
	Optional<JdbcAnswerLinks.Retired> retired(String token) {
		return this.links.retired(token);
	}

	/**
	 * Replaces the person's link and queues the message carrying the new one, in one
	 * transaction, unless one was sent within the interval.
	 */
	Outcome request(Target target) {
		Outcome outcome = this.transactions.execute(status -> {
			OptionalInt generation = this.links.renewOnRequest(target.sendOut(), target.person(), INTERVAL);
			generation.ifPresent(number -> this.operations.sendNewLink(target.sendOut(), target.person(), number));
			Outcome result = generation.isPresent() ? Outcome.SENT : Outcome.LIMITED;
			this.jdbc.sql("""
					INSERT INTO web_link_request (send_out_id, person_id, requested_at, outcome)
					VALUES (?, ?, ?, ?)""")
				.params(target.sendOut().value(), target.person().value(), SqlTime.toSql(this.clock.instant()),
						result.name())
				.update();
			return result;
		});
		log.info("Send-out {}: a new personal link was asked for: {}", target.sendOut(), outcome);
		return outcome;
	}

	/** What became of a request. */
	enum Outcome {

		/** A new link is on its way. */
		SENT,
		/** One was sent within the interval: nothing more is sent. */
		LIMITED

	}

}
