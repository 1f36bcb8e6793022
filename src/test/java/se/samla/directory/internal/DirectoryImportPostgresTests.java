package se.samla.directory.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same imports on a real PostgreSQL (zonky's embedded binaries), migrated by the same
 * Flyway scripts, to keep {@code V3__directory.sql} and the mapping portable.
 */
class DirectoryImportPostgresTests extends DirectoryImportTests {

	private static EmbeddedPostgres server;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException, SQLException {
		String url = createDatabase("samla_directory");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	private static synchronized String createDatabase(String database) throws IOException, SQLException {
		if (server == null) {
			server = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(DirectoryImportPostgresTests::stop));
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
		}
		return server.getJdbcUrl("postgres", database);
	}

	private static void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; nothing more to do
		}
	}

}
