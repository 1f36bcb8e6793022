package se.samla.teams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import se.samla.directory.Directory;
import se.samla.support.FakeMicrosoft;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams' side of the conversation under load: signed activities posted to
 * {@code /api/messages} at a fixed rate by a separate process ({@link InboundLoad}),
 * latency from each request's scheduled time to its answer, next to an empty endpoint of
 * the same app ({@code /bench/empty}, which only reads the body) in the same run. 60 s at
 * 100 a second, then steps of doubling rate to find the highest rate answered without
 * errors and with p99 under 100 ms.
 * <p>
 * The app runs as in production: PostgreSQL (embedded, on this machine; or another
 * database, see {@link BenchmarkDatabase}), the real clock, Teams' limits for the bot's
 * replies, four workers; the Bot Connector is {@link FakeMicrosoft}, in the app's JVM.
 * The tokens are signed here (the fake's keys live in this JVM) and handed to the
 * generator in a file.
 * <p>
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=TeamsInboundBenchmark}; a quick check with
 * {@code -Dsamla.bench.teams.inbound.seconds=5} (steps as long, no warm-up). Prints;
 * asserts no time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@Import(TeamsInboundBenchmark.EmptyEndpointConfiguration.class)
// closed after the run, while the database is still there (its shutdown hook races ours)
@DirtiesContext
class TeamsInboundBenchmark {

	static final int SECONDS = Integer.getInteger("samla.bench.teams.inbound.seconds", 60);

	static final int STEP_SECONDS = Integer.getInteger("samla.bench.teams.inbound.step-seconds", Math.min(15, SECONDS));

	static final int RATE = Integer.getInteger("samla.bench.teams.inbound.rate", 100);

	static final int MAX_RATE = Integer.getInteger("samla.bench.teams.inbound.max-rate", 3200);

	static final String DATABASE = BenchmarkDatabase.name("postgres");

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) throws IOException {
		microsoft.properties().forEach((key, value) -> registry.add(key, () -> value));
		BenchmarkDatabase.register(registry, DATABASE, "inbound");
	}

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void activitiesAtAFixedRate() throws Exception {
		microsoft.reset();
		Path bearers = Files.createTempFile("teams-bearers", ".txt");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			tokens.add(microsoft.bearer(microsoft.serviceUrl()));
		}
		Files.write(bearers, tokens);
		String known = this.directory.people()
			.stream()
			.filter(person -> person.teams() != null)
			.map(person -> person.teams().entraObjectId())
			.collect(Collectors.joining(","));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m",
				"-Xmx2g", "-cp", System.getProperty("java.class.path"), InboundLoad.class.getName(),
				"url=http://localhost:" + this.port, "service-url=" + microsoft.serviceUrl(), "bearers=" + bearers,
				"known=" + known, "rate=" + RATE, "seconds=" + SECONDS, "step-seconds=" + STEP_SECONDS,
				"warmup-seconds=" + ((SECONDS >= 30) ? 10 : 0), "max-rate=" + MAX_RATE, "p99-goal-ms=100");
		System.out.printf(
				"TEAMS INBOUND BENCHMARK: app on port %d (database %s), generator in its own JVM; %d s at %d/s, then steps of %d s%n",
				this.port, DATABASE, SECONDS, RATE, STEP_SECONDS);
		long start = System.nanoTime();
		Process generator = new ProcessBuilder(command).redirectErrorStream(true).start();
		relay(generator.getInputStream());
		int exit = generator.waitFor();
		double minutes = (System.nanoTime() - start) / 60e9;
		Files.deleteIfExists(bearers);
		Map<String, Integer> inbound = new TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM teams_inbound GROUP BY status")
			.query((rs, n) -> inbound.put(rs.getString(1), rs.getInt(2)))
			.list();
		System.out.printf(
				"TEAMS INBOUND BENCHMARK: generator exit %d after %.1f min; activities kept by status %s; the bot's replies the Bot Connector took %d%n",
				exit, minutes, inbound, microsoft.delivered().size());
		assertThat(exit).isZero();
	}

	private static void relay(InputStream output) throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				System.out.println(line);
			}
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EmptyEndpointConfiguration {

		@Bean
		EmptyEndpoint emptyEndpoint() {
			return new EmptyEndpoint();
		}

	}

	/** Reads the body and answers 200: what the app costs without Teams' work. */
	@RestController
	static class EmptyEndpoint {

		@PostMapping("/bench/empty")
		ResponseEntity<Void> empty(HttpServletRequest request) throws IOException {
			try (InputStream in = request.getInputStream()) {
				in.readAllBytes();
			}
			return ResponseEntity.ok().build();
		}

	}

}
