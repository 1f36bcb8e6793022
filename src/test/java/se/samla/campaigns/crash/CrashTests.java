package se.samla.campaigns.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.support.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills Samla (SIGKILL, no shutdown hooks) in the middle of sending invitations to 1,000
 * people, starts another instance on the same database (an H2 file; PostgreSQL), and
 * checks that each person ends up with exactly one invitation: nobody skipped, no second
 * message. The one message that may have been in flight at the kill is delivered at most
 * once more, under the same key (the email channel derives the Message-ID from it), by
 * the restarted instance, which takes over the killed one's claim once its lease has run
 * out.
 */
class CrashTests {

	private static final int PEOPLE = 1000;

	@Test
	void afterAKillMidSendEveryPersonHasExactlyOneInvitation(@TempDir Path dir) throws Exception {
		killMidSendAndStartAgain(dir, new Database(database(dir), "sa", ""));
	}

	@Test
	void afterAKillMidSendOnPostgresAnotherInstanceSendsTheRestExactlyOnce(@TempDir Path dir) throws Exception {
		killMidSendAndStartAgain(dir, new Database(EmbeddedPostgres.createDatabase("crash"), "postgres", "postgres"));
	}

	private void killMidSendAndStartAgain(Path dir, Database database) throws Exception {
		Path directory = Files.createDirectories(dir.resolve("directory"));
		Files.copy(Path.of("directory/organisations.csv"), directory.resolve("organisations.csv"));
		writePeople(directory.resolve("people.csv"));
		Files.writeString(directory.resolve("activities.csv"),
				"Id;Aktivitet;Utvecklingsområde;Förväntad effekt;Ansvariga;Tidplan;Uppföljning\n");
		Path scheduler = Files.createDirectories(dir.resolve("scheduler"));
		Files.writeString(scheduler.resolve("krasch.yml"), """
				id: krasch
				title: Kartläggning steg 2 (krasch)
				questionnaire: steg2
				audience:
				  organisations: [kumla]
				opens: 2026-11-25T08:00
				deadline: 2026-12-18
				""");
		Path deliveries = dir.resolve("deliveries.txt");

		Process first = start(dir, database, deliveries, "2026-11-25T10:00:00Z");
		await().atMost(Duration.ofSeconds(120)).until(() -> lines(deliveries).size() >= 300 || !first.isAlive());
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		int beforeKill = lines(deliveries).size();
		assertThat(beforeKill).as("killed in the middle of sending").isBetween(1, PEOPLE - 1);
		long claimedByTheKilled = count(database, "SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'");

		// Started again later than the claim lease, so a message claimed by the killed
		// process is taken over.
		Process second = start(dir, database, deliveries, "2026-11-25T10:10:00Z");
		try {
			await().atMost(Duration.ofSeconds(120))
				.until(() -> Set.copyOf(lines(deliveries)).size() >= PEOPLE || !second.isAlive());
			Thread.sleep(3000);
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
		}

		List<String> delivered = lines(deliveries);
		Map<String, Long> perPerson = delivered.stream()
			.distinct()
			.collect(Collectors.groupingBy(key -> key.split("/")[1], Collectors.counting()));
		assertThat(perPerson).hasSize(PEOPLE).allSatisfy((person, invitations) -> assertThat(invitations).isOne());
		assertThat(delivered).allMatch(key -> key.startsWith("krasch/") && key.endsWith("/invitation"));
		Map<String, Long> copies = delivered.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(copies.values().stream().filter(count -> count > 1).count()).as("messages delivered twice")
			.isLessThanOrEqualTo(1);
		assertThat(delivered).hasSizeLessThanOrEqualTo(PEOPLE + 1);
		// The claims the killed process held were taken over once their lease ran out.
		assertThat(count(database, "SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo(PEOPLE);
		assertThat(count(database, "SELECT COUNT(*) FROM outbox WHERE attempts > 1")).isEqualTo(claimedByTheKilled);
	}

	private static String database(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("db/samla")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
	}

	/** Reads the database while no Samla process has it open. */
	private static long count(Database database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Process start(Path dir, Database database, Path deliveries, String now) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashTestApp.class.getName(),
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(),
				"--samla.directory.seed-location=" + dir.resolve("directory"),
				"--samla.campaigns.location=" + dir.resolve("scheduler"), "--spring.quartz.auto-startup=true",
				"--samla.campaigns.dispatch-interval=200ms", "--crash.now=" + now, "--crash.deliveries=" + deliveries,
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("process-" + now.replace(':', '-') + ".log").toFile())
			.start();
	}

	/** Where the two processes keep their data: an H2 file, or a PostgreSQL database. */
	private record Database(String url, String user, String password) {
	}

	private static void writePeople(Path file) throws IOException {
		StringBuilder csv = new StringBuilder("Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n");
		for (int i = 0; i < PEOPLE; i++) {
			csv.append("Person ")
				.append(i)
				.append(";person")
				.append(i)
				.append("@example.org;Kumla;Enhetschef;;E-post;sv;;\n");
		}
		Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
	}

	private static List<String> lines(Path file) throws IOException {
		if (!Files.exists(file)) {
			return List.of();
		}
		return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
	}

}
