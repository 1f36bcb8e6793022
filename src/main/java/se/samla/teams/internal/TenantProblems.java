package se.samla.teams.internal;

import static se.samla.shared.SqlTime.toSql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.shared.SqlTime;
import se.samla.teams.TeamsStatus.Problem;

/**
 * What keeps the bot from a tenant, kept in the database so that the status command (a
 * process of its own) sees what the service met: one row per tenant and kind, counted.
 */
@Repository
class TenantProblems {

	enum Kind {

		/** Entra gives the registration no token, or the Bot Connector refuses it. */
		TOKEN_REFUSED,

		/** A person lives in a tenant no registration serves: they get email. */
		NO_REGISTRATION,

		/**
		 * An activity from the tenant was refused: no registration there, or a token for
		 * another app.
		 */
		ACTIVITY_REFUSED,

		/**
		 * Graph refused to install Samla's app for a person (the permission not granted,
		 * the app not in the tenant's catalog): they get email, and it is asked again
		 * later.
		 */
		APP_NOT_INSTALLED

	}

	private static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * What this process has recorded, so that clearing costs a write only when needed.
	 */
	private final Set<String> recorded = ConcurrentHashMap.newKeySet();

	/**
	 * What this process has cleared once: a problem an earlier run recorded is cleared by
	 * the first success after a restart.
	 */
	private final Set<String> clearedOnce = ConcurrentHashMap.newKeySet();

	TenantProblems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String tenantId, Kind kind, String reason) {
		String tenant = normalise(tenantId);
		String why = (reason != null && reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
		Instant now = this.clock.instant();
		int updated = update(tenant, kind, why, now);
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						INSERT INTO teams_tenant_problem (tenant_id, kind, reason, occurrences, first_at, last_at)
						VALUES (?, ?, ?, 1, ?, ?)
						""").params(tenant, kind.name(), why, toSql(now), toSql(now)).update();
			}
			catch (DuplicateKeyException raced) {
				update(tenant, kind, why, now);
			}
		}
		this.recorded.add(tenant + "/" + kind);
	}

	private int update(String tenant, Kind kind, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE teams_tenant_problem SET reason = ?, occurrences = occurrences + 1, last_at = ?
				WHERE tenant_id = ? AND kind = ?
				""").params(reason, toSql(now), tenant, kind.name()).update();
	}

	/** The problem is over (a token was given again, a registration was added). */
	void clear(String tenantId, Kind kind) {
		String tenant = normalise(tenantId);
		String key = tenant + "/" + kind;
		if (this.recorded.remove(key) | this.clearedOnce.add(key)) {
			this.jdbc.sql("DELETE FROM teams_tenant_problem WHERE tenant_id = ? AND kind = ?")
				.params(tenant, kind.name())
				.update();
		}
	}

	List<Problem> all() {
		return this.jdbc.sql("SELECT * FROM teams_tenant_problem ORDER BY tenant_id, kind")
			.query((rs, n) -> new Problem(rs.getString("tenant_id"), rs.getString("kind"), rs.getString("reason"),
					rs.getLong("occurrences"), SqlTime.instant(rs, "first_at"), SqlTime.instant(rs, "last_at")))
			.list();
	}

	private static String normalise(String tenantId) {
		return (tenantId != null) ? tenantId.strip().toLowerCase(Locale.ROOT) : "(none)";
	}

}
