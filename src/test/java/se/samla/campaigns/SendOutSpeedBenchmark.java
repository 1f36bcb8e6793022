package se.samla.campaigns;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.support.EmbeddedPostgres;
import se.samla.support.MutableClock;
import se.samla.support.OutboxCounts;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send-out's speed end to end: 2,000 invitations by email, from "send now" until the
 * last message is accepted by an SMTP server running in a process of its own
 * ({@link SmtpSink}, started with {@link ProcessBuilder}), on the shipped default (H2 in
 * a file) and on PostgreSQL (the embedded server). Prints emails a second for both side
 * by side, and the messages lost or accepted twice (counted by Message-ID at the server).
 * <p>
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=SendOutSpeedBenchmark}; the number of
 * people with {@code -Dsamla.bench.sendout.people=2000}. Asserts no time, only that
 * nothing was lost or duplicated.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SendOutSpeedBenchmark {

	static final int PEOPLE = Integer.getInteger("samla.bench.sendout.people", 2000);

	/** A smaller send-out first, so that the measured one does not pay for warming up. */
	static final int WARM_UP = 200;

	private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

	private static Process sink;

	private static int port;

	private static final LinkedBlockingQueue<String[]> accepted = new LinkedBlockingQueue<>();

	private static final Map<String, Result> results = new TreeMap<>();

	static synchronized int sinkPort() {
		if (sink == null) {
			try {
				Path java = Path.of(System.getProperty("java.home"), "bin", "java");
				sink = new ProcessBuilder(java.toString(), "-cp", Path.of("target", "test-classes").toString(),
						SmtpSink.class.getName())
					.redirectErrorStream(true)
					.start();
				BufferedReader lines = new BufferedReader(
						new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8));
				String first = lines.readLine();
				assertThat(first).as("the SMTP sink's first line").startsWith("PORT ");
				port = Integer.parseInt(first.substring(5).strip());
				Thread reader = new Thread(() -> {
					try {
						String line;
						while ((line = lines.readLine()) != null) {
							if (line.startsWith("ACCEPTED ")) {
								accepted.add(line.substring(9).split(" ", 2));
							}
						}
					}
					catch (IOException ex) {
						// the sink stopped
					}
				});
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("could not start the SMTP sink", ex);
			}
		}
		return port;
	}

	@AfterAll
	static void printAndStop() throws InterruptedException {
		System.out.printf("SEND-OUT SPEED BENCHMARK: %d invitations by email to an SMTP server in its own process%n",
				PEOPLE);
		System.out.printf("  %-10s %10s %14s %10s %6s %10s%n", "database", "seconds", "emails/s", "accepted", "lost",
				"duplicated");
		results.forEach((database, result) -> System.out.printf("  %-10s %10.2f %14.1f %10d %6d %10d%n", database,
				result.seconds(), result.rate(), result.accepted(), result.lost(), result.duplicated()));
		if (sink != null) {
			sink.destroy();
			sink.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Nested
	@Order(1)
	class H2File extends Scenario {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			Path directory = Path.of("target", "send-out-speed", UUID.randomUUID().toString());
			registry.add("spring.datasource.url",
					() -> "jdbc:h2:file:" + directory.toAbsolutePath().resolve("samla") + H2_OPTIONS);
		}

		@Test
		void sendsTwoThousandInvitations() {
			measure("H2 file");
		}

	}

	@Nested
	@Order(2)
	class Postgres extends Scenario {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			EmbeddedPostgres.register(registry);
		}

		@Test
		void sendsTwoThousandInvitations() {
			measure("PostgreSQL");
		}

	}

	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "samla.campaigns.location=src/test/resources/no-send-outs", "samla.email.enabled=true",
					"samla.email.from=samla@region.example.org", "samla.email.domain=samla.example.org",
					"spring.mail.host=127.0.0.1", "logging.level.se.samla.campaigns=WARN" })
	@Import(TestClockConfiguration.class)
	@DirtiesContext
	abstract static class Scenario {

		@DynamicPropertySource
		static void mail(DynamicPropertyRegistry registry) {
			registry.add("spring.mail.port", SendOutSpeedBenchmark::sinkPort);
		}

		@Autowired
		DirectoryImport directoryImport;

		@Autowired
		SendOuts sendOuts;

		@Autowired
		Dispatcher dispatcher;

		@Autowired
		MutableClock clock;

		@Autowired
		JdbcClient jdbc;

		void measure(String database) {
			importPeople("Uppvärmning", WARM_UP);
			importPeople("Rektor", PEOPLE);
			this.clock.set(Stockholm.at(2026, 12, 1, 9, 0));
			send("warm-up", "Uppvärmning");
			accepted.clear();
			Result result = send("speed", "Rektor");
			results.put(database, result);
			System.out.printf(
					"SEND-OUT SPEED BENCHMARK [%s]: %d emails in %.2f s = %.1f emails/s; lost %d, "
							+ "duplicated %d; outbox %s%n",
					database, result.accepted(), result.seconds(), result.rate(), result.lost(), result.duplicated(),
					result.outbox());
			assertThat(result.lost()).as("invitations lost").isZero();
			assertThat(result.duplicated()).as("invitations accepted twice").isZero();
		}

		private Result send(String sendOutId, String role) {
			SendOutId id = new SendOutId(sendOutId);
			this.sendOuts.define(new SendOut(id, "Kartläggning steg 2", new QuestionnaireId("steg2"),
					new Audience(Set.of(), Set.of(new OrganisationId("lekeberg")), List.of(role), false),
					Stockholm.at(2026, 12, 1, 8, 0), Stockholm.at(2026, 12, 18, 17, 0), null, null, "benchmark",
					SendOutRules.defaults(Stockholm.ZONE), null));
			int recipients = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size();
			long start = System.currentTimeMillis();
			int runs = 0;
			do {
				this.dispatcher.runNow(id);
				runs++;
			}
			while (OutboxCounts.unsettled(this.jdbc, id) > 0 && runs < 20);
			List<String[]> seen = new ArrayList<>();
			accepted.drainTo(seen);
			Map<String, Integer> byMessageId = new HashMap<>();
			long last = start;
			for (String[] acceptance : seen) {
				byMessageId.merge(acceptance[1], 1, Integer::sum);
				last = Math.max(last, Long.parseLong(acceptance[0]));
			}
			int duplicated = (int) byMessageId.values().stream().filter(count -> count > 1).count();
			int lost = recipients - byMessageId.size();
			return new Result(seen.size(), (last - start) / 1000.0, lost, duplicated,
					OutboxCounts.byStatus(this.jdbc, id));
		}

		private void importPeople(String role, int count) {
			StringBuilder csv = new StringBuilder("Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk\n");
			for (int i = 0; i < count; i++) {
				csv.append("Person ")
					.append(role)
					.append(' ')
					.append(i)
					.append(';')
					.append(role.toLowerCase().replace('ä', 'a'))
					.append(i)
					.append("@example.org;Lekeberg;")
					.append(role)
					.append(";;E-post;sv\n");
			}
			ImportReport report = this.directoryImport.importPeople(role + ".csv",
					new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
			assertThat(report.rejected()).isEmpty();
		}

	}

	/** One measured send-out. */
	record Result(int accepted, double seconds, int lost, int duplicated, Map<String, Integer> outbox) {

		double rate() {
			return this.accepted / this.seconds;
		}

	}

}
