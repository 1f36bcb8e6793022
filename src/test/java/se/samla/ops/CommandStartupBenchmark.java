package se.samla.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;

import se.samla.support.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How long an operator command takes from the command line, start-up included, next to
 * the service's own start-up: each in its own JVM from the built jar, on the demo's data
 * (the local profile's demo send-out, opened and its invitations recorded). The first
 * {@code status} and {@code digest} after the build, which unpack the jar and write the
 * class archives into a fresh cache folder, are timed on their own.
 *
 * <pre>
 * ./mvnw -q -o package -DskipTests
 * ./mvnw -q -o test -Pbenchmark -Dtest=CommandStartupBenchmark
 * </pre>
 *
 * With {@code -Dsamla.benchmark.baseline-jar=PATH} it runs the same commands with an
 * earlier build too, in turn with this one.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class CommandStartupBenchmark {

	private static final int RUNS = 3;

	private static final Pattern STARTED = Pattern.compile("Started SamlaApplication in ([0-9.]+) seconds");

	private final Path jar = Path.of("target/samla.jar").toAbsolutePath();

	private final Path data = Path.of("target/command-benchmark").toAbsolutePath();

	/** An earlier build to compare with: -Dsamla.benchmark.baseline-jar=PATH. */
	private final Path baseline = Optional.ofNullable(System.getProperty("samla.benchmark.baseline-jar"))
		.map(path -> Path.of(path).toAbsolutePath())
		.orElse(null);

	@Test
	void commandsStartFarFasterThanTheService() throws Exception {
		assumeTrue(Files.isRegularFile(this.jar), "build the jar first: ./mvnw -q -o package -DskipTests");
		FileSystemUtils.deleteRecursively(this.data);
		Files.createDirectories(this.data);

		long[] service = startTheDemoService();
		// the first command after a build unpacks the jar and writes the class archives
		long firstStatus = command(this.jar, "status", "demo-steg2");
		long firstDigest = command(this.jar, "digest", "demo-steg2", "--out", this.data.resolve("digests").toString(),
				"--view", "persons");

		List<Long> status = new ArrayList<>();
		List<Long> digest = new ArrayList<>();
		List<Long> statusBefore = new ArrayList<>();
		List<Long> digestBefore = new ArrayList<>();
		String[] digestArgs = { "digest", "demo-steg2", "--out", this.data.resolve("digests").toString(), "--view",
				"persons" };
		for (int run = 0; run < RUNS; run++) {
			// interleaved with the earlier jar's runs, so that both meet the same load
			status.add(command(this.jar, "status", "demo-steg2"));
			digest.add(command(this.jar, digestArgs));
			if (this.baseline != null) {
				statusBefore.add(command(this.baseline, "status", "demo-steg2"));
				digestBefore.add(command(this.baseline, "digest", "demo-steg2", "--out",
						this.data.resolve("digests-before").toString(), "--view", "persons"));
			}
		}

		System.out.printf("%nCommand start-up on the demo's data (%d runs each, whole command from process start"
				+ " to exit; load average %.1f on %d cores)%n", RUNS, load(), cores());
		System.out.printf("  service start-up (local profile)  %6d ms to 'Started', Spring says %d ms%n", service[0],
				service[1]);
		System.out.printf("  first status after the build      %6d ms (unpacks the jar, writes the class archive)%n",
				firstStatus);
		System.out.printf("  first digest after the build      %6d ms (writes the digest's class archive)%n",
				firstDigest);
		System.out.printf("  status demo-steg2                 median %6d ms, best %6d ms%n", median(status),
				best(status));
		System.out.printf("  digest demo-steg2 --view persons  median %6d ms, best %6d ms%n", median(digest),
				best(digest));
		if (this.baseline != null) {
			System.out.printf("  status with %s  median %6d ms, best %6d ms%n", this.baseline.getFileName(),
					median(statusBefore), best(statusBefore));
			System.out.printf("  digest with %s  median %6d ms, best %6d ms%n", this.baseline.getFileName(),
					median(digestBefore), best(digestBefore));
		}
		try (var written = Files.list(this.data.resolve("digests"))) {
			assertThat(written.count()).isEqualTo(3);
		}
	}

	/**
	 * Starts the service with the demo until the demo's invitations are recorded, then
	 * stops it.
	 * @return milliseconds from the process start to the "Started" line, and Spring's own
	 * figure
	 */
	private long[] startTheDemoService() throws Exception {
		int smtp = FreePorts.free();
		int imap = FreePorts.free();
		long begun = System.nanoTime();
		Process process = process(this.jar,
				List.of("--spring.profiles.active=local", "--server.port=" + FreePorts.free(),
						"--samla.email.local-server.smtp-port=" + smtp, "--samla.email.local-server.imap-port=" + imap,
						"--spring.mail.port=" + smtp, "--samla.email.imap.port=" + imap))
			.start();
		long[] started = { -1, -1 };
		CountDownLatch recorded = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					Matcher matcher = STARTED.matcher(line);
					if (matcher.find()) {
						started[0] = (System.nanoTime() - begun) / 1_000_000;
						started[1] = Math.round(Double.parseDouble(matcher.group(1)) * 1000);
					}
					if (line.contains("demo-steg2") && line.contains("recorded for delivery")) {
						recorded.countDown();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(recorded.await(5, TimeUnit.MINUTES)).as("the demo's invitations were recorded").isTrue();
		}
		finally {
			process.destroy();
			if (!process.waitFor(1, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
			}
		}
		return started;
	}

	private long command(Path jar, String... args) throws Exception {
		long begun = System.nanoTime();
		Process process = process(jar, Arrays.asList(args)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		long millis = (System.nanoTime() - begun) / 1_000_000;
		assertThat(process.exitValue()).as(String.join(" ", args)).isZero();
		return millis;
	}

	private ProcessBuilder process(Path jar, List<String> args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-D" + UnpackedJar.CACHE_PROPERTY + "=" + this.data.resolve("cache"), "-jar", jar.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("SAMLA_DATA_DIR", this.data.toString());
		return builder;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static long best(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).min().orElseThrow();
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

}
