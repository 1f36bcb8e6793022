package se.samla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.support.EmbeddedPostgres;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started at the same moment on one empty database both come up, and what
 * start-up writes (migrations, the directory seed, questionnaire versions, send-outs, the
 * demo and its Quartz job) is there once. Several rounds, each on a fresh database, make
 * a collision likely: before the start-up lock, one instance of the pair died on a
 * duplicate key in {@code organisation}. (Several instances need PostgreSQL: on the H2
 * file, the first process serves the database to the others and takes it away when it
 * stops.)
 */
class StartingTogetherTests {

	private static final int ROUNDS = 3;

	private static final Path SEED = Path.of("directory");

	@Test
	void twoInstancesStartedTogetherOnPostgresqlBothStartAndSeedOnce() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			String url = EmbeddedPostgres.createDatabase("starting_together_" + round);
			startTogetherAndCheck(url, "postgres", "postgres");
		}
	}

	private void startTogetherAndCheck(String url, String username, String password) throws Exception {
		// Two applications in one JVM share Logback's one logger context, and
		// initialising
		// it from two threads at once fails now and then ("Unable to find Spring
		// Environment
		// in logger context"); two processes, as in production, each have their own. The
		// instances keep the logging this JVM already has.
		String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
		try {
			startTogetherAndCheckWithoutLoggingSetUp(url, username, password);
		}
		finally {
			if (loggingSystem == null) {
				System.clearProperty(LOGGING_SYSTEM);
			}
			else {
				System.setProperty(LOGGING_SYSTEM, loggingSystem);
			}
		}
	}

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	private void startTogetherAndCheckWithoutLoggingSetUp(String url, String username, String password)
			throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService starters = Executors.newFixedThreadPool(2);
		List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				int instance = i;
				started.add(starters.submit(() -> {
					ready.countDown();
					go.await();
					return start(url, username, password, "samla-" + instance);
				}));
			}
			ready.await();
			go.countDown();
			List<ConfigurableApplicationContext> contexts = new ArrayList<>();
			List<Throwable> failures = new ArrayList<>();
			for (Future<ConfigurableApplicationContext> context : started) {
				try {
					contexts.add(context.get(3, TimeUnit.MINUTES));
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			try {
				assertThat(failures).as("instances that failed to start").isEmpty();
				JdbcClient jdbc = contexts.get(0).getBean(JdbcClient.class);
				assertThat(count(jdbc, "SELECT COUNT(*) FROM organisation")).isEqualTo(rows("organisations.csv"));
				assertThat(count(jdbc, "SELECT COUNT(*) FROM person")).isEqualTo(rows("people.csv"));
				assertThat(count(jdbc, "SELECT COUNT(*) FROM plan_activity")).isEqualTo(rows("activities.csv"));
				assertThat(jdbc.sql("SELECT id FROM send_out ORDER BY id").query(String.class).list())
					.contains("demo-steg2", "steg2-2026", "uppfoljning-2026");
				assertThat(jdbc.sql("SELECT questionnaire_id FROM questionnaire_version ORDER BY questionnaire_id")
					.query(String.class)
					.list()).containsExactly("steg1", "steg2", "uppfoljning");
				assertThat(count(jdbc, "SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = 'demo-open'")).isOne();
				assertThat(count(jdbc, "SELECT COUNT(*) FROM qrtz_scheduler_state")).isEqualTo(2);
			}
			finally {
				contexts.forEach(ConfigurableApplicationContext::close);
			}
		}
		finally {
			starters.shutdownNow();
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** Records of a seed file, without the header; a quoted field may span lines. */
	private static long rows(String seedFile) throws IOException {
		List<String> lines = Files.readAllLines(SEED.resolve(seedFile), StandardCharsets.UTF_8);
		long records = 0;
		boolean inQuotes = false;
		for (String line : lines.subList(1, lines.size())) {
			if (!inQuotes && !line.isBlank()) {
				records++;
			}
			inQuotes ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
		}
		return records;
	}

	/**
	 * Each context gets its own Quartz scheduler name: Quartz keeps the data source of a
	 * scheduler in a JVM-wide registry by that name, so two contexts in one JVM with the
	 * same name would share one context's connections (separate processes do not).
	 */
	private static ConfigurableApplicationContext start(String url, String username, String password,
			String scheduler) {
		return new SpringApplicationBuilder(SamlaApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
					"--spring.datasource.password=" + password, "--samla.demo.enabled=true",
					"--spring.quartz.auto-startup=true", "--samla.campaigns.dispatch-interval=1h",
					"--spring.quartz.properties.org.quartz.scheduler.instanceName=" + scheduler,
					"--spring.main.banner-mode=off");
	}

}
