package se.samla.shared;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import se.samla.support.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that adds the start-up lock also gives Quartz its lock rows up front; on
 * a database where Quartz has already run and inserted them, it leaves them as they are
 * instead of failing on their key.
 */
class StartupLockMigrationTests {

	@Test
	void upgradesAnH2DatabaseWhereQuartzHasAlreadyRun() {
		upgradesADatabaseWhereQuartzHasAlreadyRun(new DriverManagerDataSource(
				"jdbc:h2:mem:lock-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"sa", ""));
	}

	@Test
	void upgradesAPostgresqlDatabaseWhereQuartzHasAlreadyRun() {
		upgradesADatabaseWhereQuartzHasAlreadyRun(new DriverManagerDataSource(
				EmbeddedPostgres.createDatabase("startup_lock_upgrade"), "postgres", "postgres"));
	}

	private void upgradesADatabaseWhereQuartzHasAlreadyRun(DriverManagerDataSource dataSource) {
		Flyway.configure().dataSource(dataSource).target("12").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('samla', 'TRIGGER_ACCESS')").update();

		Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(jdbc.sql("SELECT lock_name FROM qrtz_locks WHERE sched_name = 'samla' ORDER BY lock_name")
			.query(String.class)
			.list()).containsExactly("STATE_ACCESS", "TRIGGER_ACCESS");
		assertThat(jdbc.sql("SELECT name FROM startup_lock").query(String.class).list()).containsExactly("startup");
	}

}
