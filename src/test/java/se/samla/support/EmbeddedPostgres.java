package se.samla.support;

import java.io.IOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, started from the binaries published on Maven
 * Central (zonky), so PostgreSQL is tested on a machine with nothing installed. Each call
 * of {@link #register} gets its own fresh database on it. The server stops with the JVM
 * (zonky registers its own shutdown hook).
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private static int databases;

	private EmbeddedPostgres() {
	}

	/** Points the Spring context under test at a new, empty database. */
	public static synchronized void register(DynamicPropertyRegistry registry) {
		String database = "samla" + (++databases);
		String url = createDatabase(database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static synchronized String createDatabase(String database) {
		try {
			if (server == null) {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
			}
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
			return server.getJdbcUrl("postgres", database);
		}
		catch (IOException | java.sql.SQLException ex) {
			throw new IllegalStateException("could not start embedded PostgreSQL", ex);
		}
	}

}
