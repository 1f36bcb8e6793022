package se.samla.campaigns.internal;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database an earlier version wrote: its stand-ins marked logged messages as
 * SENT (the lost {@code send-now} of the command line), and the channels' own records
 * tell them from real sends, so {@code resend-logged} finds them.
 */
class OutboxUpgradeTests {

	@Test
	void marksSentRowsNoChannelEverRecordedAsLoggedAndKeepsTheReferencesOfRealSends() throws Exception {
		SimpleDriverDataSource data = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:upgrade-"
				+ UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(data).target("12").load().migrate();
		JdbcClient jdbc = JdbcClient.create(data);
		String emailed = row(jdbc, "EMAIL");
		String emailLogged = row(jdbc, "EMAIL");
		String teamsSent = row(jdbc, "TEAMS");
		String teamsLogged = row(jdbc, "TEAMS");
		jdbc.sql("""
				INSERT INTO email_sent (message_id, token, outbox_key, kind, sent_at)
				VALUES ('<samla.1@example.org>', 'token', ?, 'INVITATION', CURRENT_TIMESTAMP)
				""").param(emailed).update();
		jdbc.sql("""
				INSERT INTO teams_sent (send_key, conversation_id, activity_id, status, created_at, updated_at)
				VALUES (?, 'a:1', 'activity-1', 'SENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
				""").param(teamsSent).update();

		Flyway.configure().dataSource(data).load().migrate();

		assertThat(reference(jdbc, emailed)).isEqualTo("<samla.1@example.org>");
		assertThat(reference(jdbc, emailLogged)).isEqualTo("logged:" + emailLogged);
		assertThat(reference(jdbc, teamsSent)).isEqualTo("activity-1");
		assertThat(reference(jdbc, teamsLogged)).isEqualTo("logged:" + teamsLogged);
	}

	private static String row(JdbcClient jdbc, String channel) {
		UUID person = UUID.randomUUID();
		String key = "gammal/" + person + "/invitation";
		jdbc.sql("""
				INSERT INTO outbox (id, message_key, send_out_id, person_id, kind, number, status, channel, attempts,
				    planned_at, created_at, finished_at)
				VALUES (?, ?, 'gammal', ?, 'INVITATION', 0, 'SENT', ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
				    CURRENT_TIMESTAMP)
				""").params(UUID.randomUUID(), key, person, channel).update();
		return key;
	}

	private static String reference(JdbcClient jdbc, String key) {
		return jdbc.sql("SELECT reference FROM outbox WHERE message_key = ?").param(key).query(String.class).single();
	}

}
