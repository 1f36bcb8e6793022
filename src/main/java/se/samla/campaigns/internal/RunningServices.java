package se.samla.campaigns.internal;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a Samla service is running against this database, seen from an operator
 * command: every service's Quartz scheduler checks in to the clustered job store
 * ({@code qrtz_scheduler_state}) every few seconds, so a recent check-in means a service
 * whose dispatcher will deliver what the command recorded.
 */
@Component
public class RunningServices {

	/**
	 * Quartz itself declares an instance failed 7.5 s after a missed check-in; a little
	 * more patience, since the answer only chooses a message.
	 */
	private static final long GRACE_MILLIS = 15_000;

	private final JdbcClient jdbc;

	// Quartz checks in with the wall clock, whatever clock Samla plans with.
	private final Clock wall = Clock.systemUTC();

	RunningServices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether some service has checked in to the scheduler recently. */
	public boolean anyRunning() {
		long now = this.wall.millis();
		return this.jdbc.sql("SELECT last_checkin_time, checkin_interval FROM qrtz_scheduler_state")
			.query((rs, n) -> rs.getLong("last_checkin_time") + rs.getLong("checkin_interval") + GRACE_MILLIS >= now)
			.list()
			.contains(true);
	}

}
