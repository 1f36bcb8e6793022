package se.samla.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

import se.samla.support.EmbeddedPostgres;

/**
 * The database a Teams benchmark runs on, chosen with
 * {@code -Dsamla.bench.teams.database=}: {@code postgres} (what production uses: an
 * embedded PostgreSQL on this machine), {@code h2-file} (the shipped default of
 * {@code application.yml}, H2 in a file with {@code WRITE_DELAY=0}) or {@code h2-mem}
 * (the tests' H2 in memory).
 */
final class BenchmarkDatabase {

	private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

	private static final Path FILES = Path.of("target", "teams-benchmark-data");

	private static boolean cleared;

	private BenchmarkDatabase() {
	}

	static String name(String otherwise) {
		return System.getProperty("samla.bench.teams.database", otherwise);
	}

	/** Points the context at the chosen database; {@code h2-mem} needs nothing. */
	static synchronized void register(DynamicPropertyRegistry registry, String database, String fileName) {
		switch (database) {
			case "postgres" -> EmbeddedPostgres.register(registry);
			case "h2-file" -> {
				if (!cleared) {
					// files of earlier runs; each context of this run gets a new one
					deleteRecursively(FILES);
					cleared = true;
				}
				Path directory = FILES.resolve(fileName + "-" + java.util.UUID.randomUUID());
				registry.add("spring.datasource.url",
						() -> "jdbc:h2:file:" + directory.toAbsolutePath().resolve("samla") + H2_OPTIONS);
			}
			case "h2-mem" -> {
				// the tests' default (config/application.yml)
			}
			default -> throw new IllegalArgumentException(
					"samla.bench.teams.database must be postgres, h2-file or h2-mem, not " + database);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not clear " + directory, ex);
		}
	}

}
