package se.samla.teams.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFacts;
import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.instant;
import static se.samla.shared.SqlTime.toSql;

/**
 * The latest attempt to install Samla's Teams app for each person, kept so that a refusal
 * is asked again only after a back-off (or once the tenant's set-up changed), and so that
 * project leads see why the person got email instead ({@link RecipientFacts}).
 */
@Repository
class AppInstalls implements RecipientFacts {

	private static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	AppInstalls(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	enum Outcome {

		/** Installed now, or it was already. */
		INSTALLED,

		/** Graph refused: asked again after the back-off or a change of set-up. */
		REFUSED,

		/** Graph did not answer: asked again with the next message. */
		UNAVAILABLE

	}

	/**
	 * The person's latest attempt.
	 *
	 * @param outcome what it came to
	 * @param reason Graph's reason, for a failed one
	 * @param setup the tenant's set-up it was made with ({@link AppInstaller#setup})
	 * @param triedAt when
	 * @param tenantInstalledAt when the app was last installed for anyone in the tenant,
	 * or {@code null}
	 */
	record Attempt(Outcome outcome, String reason, String setup, Instant triedAt, Instant tenantInstalledAt) {
	}

	Optional<Attempt> latest(String aadObjectId) {
		return this.jdbc.sql("""
				SELECT a.outcome, a.reason, a.setup, a.tried_at,
				    (SELECT MAX(o.tried_at) FROM teams_app_install o
				     WHERE o.tenant_id = a.tenant_id AND o.outcome = 'INSTALLED') AS tenant_installed_at
				FROM teams_app_install a WHERE a.aad_object_id = ?
				""")
			.param(normalise(aadObjectId))
			.query((rs, n) -> new Attempt(Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
					rs.getString("setup"), instant(rs, "tried_at"), instant(rs, "tenant_installed_at")))
			.optional();
	}

	void record(String aadObjectId, PersonId person, String tenantId, Outcome outcome, String reason, String setup) {
		String aad = normalise(aadObjectId);
		String tenant = normalise(tenantId);
		String why = (reason != null && reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
		Instant now = this.clock.instant();
		int updated = this.jdbc
			.sql("""
					UPDATE teams_app_install SET person_id = ?, tenant_id = ?, outcome = ?, reason = ?, setup = ?, tried_at = ?
					WHERE aad_object_id = ?
					""")
			.params(person.value(), tenant, outcome.name(), why, setup, toSql(now), aad)
			.update();
		if (updated == 0) {
			try {
				this.jdbc
					.sql("""
							INSERT INTO teams_app_install (aad_object_id, person_id, tenant_id, outcome, reason, setup, tried_at)
							VALUES (?, ?, ?, ?, ?, ?, ?)
							""")
					.params(aad, person.value(), tenant, outcome.name(), why, setup, toSql(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				// another dispatcher tried at the same moment: its record stands
			}
		}
	}

	/**
	 * People whose latest installation failed and who have no chat with the bot since:
	 * Teams could not reach them, they got email.
	 */
	@Override
	public Map<PersonId, List<RecipientFact>> facts(SendOutId sendOut) {
		Map<PersonId, List<RecipientFact>> facts = new HashMap<>();
		this.jdbc.sql("""
				SELECT a.person_id, a.outcome, a.reason, a.tried_at FROM teams_app_install a
				WHERE a.outcome <> 'INSTALLED' AND a.person_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM teams_conversation c WHERE LOWER(c.aad_object_id) = a.aad_object_id)
				""").query((rs, n) -> {
			facts.computeIfAbsent(new PersonId(rs.getObject("person_id", UUID.class)), p -> new ArrayList<>())
				.add(new RecipientFact.TeamsAppNotInstalled(instant(rs, "tried_at"), rs.getString("reason"),
						Outcome.valueOf(rs.getString("outcome")) == Outcome.UNAVAILABLE));
			return null;
		}).list();
		return facts;
	}

	private static String normalise(String id) {
		return id.strip().toLowerCase(Locale.ROOT);
	}

}
