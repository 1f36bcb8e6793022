package se.samla.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import se.samla.support.TeamsActivities;

/**
 * The load generator of {@link TeamsInboundBenchmark}, run in a JVM of its own: posts
 * signed Teams activities (typed text from people in the sample directory and from
 * strangers) at a fixed rate, open model: every request has a scheduled send time, and
 * its latency runs from that time (not from when it actually left) to the complete
 * answer, so a server that stalls is not let off by a generator that waits for it
 * (coordinated omission). The same requests go to an empty endpoint of the same app for
 * comparison.
 * <p>
 * Arguments as {@code key=value}: {@code url} (the app), {@code service-url} (the Bot
 * Connector named in the activities and tokens), {@code bearers} (a file of pre-signed
 * Authorization headers, one a line: the keys live in the benchmark's JVM), {@code known}
 * (Entra object ids of people in the directory, comma separated), {@code rate} (per
 * second, default 100), {@code seconds} (default 60), {@code step-seconds} (default 15),
 * {@code warmup-seconds} (default 10), {@code max-rate} (default 3200),
 * {@code p99-goal-ms} (default 100).
 * <p>
 * Prints one {@code INBOUND} line per phase, and the highest rate that passed.
 */
public final class InboundLoad {

	static final String MESSAGES = "/api/messages";

	static final String EMPTY = "/bench/empty";

	private static final String[] TEXTS = { "Hej!", "hjälp", "Vi ser en växande brist på sjuksköterskor.", "fortsätt",
			"Rekryteringsträffar, introduktion och mentorskap för nyanställda.", "visa svar" };

	private static final int STRANGERS = 2_000;

	private final Map<String, String> settings;

	private final HttpClient http;

	private final List<String> bearers;

	private final List<String> known;

	private final String serviceUrl;

	private final AtomicInteger activityIds = new AtomicInteger();

	private InboundLoad(Map<String, String> settings) throws IOException {
		this.settings = settings;
		ExecutorService completions = Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable, "inbound-load-completion");
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(completions)
			.build();
		this.bearers = Files.readAllLines(Path.of(settings.get("bearers")))
			.stream()
			.filter(line -> !line.isBlank())
			.toList();
		this.known = Arrays.stream(settings.getOrDefault("known", "").split(",")).filter(id -> !id.isBlank()).toList();
		this.serviceUrl = settings.get("service-url");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			settings.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		new InboundLoad(settings).run();
		System.exit(0);
	}

	private int setting(String key, int otherwise) {
		return Integer.parseInt(this.settings.getOrDefault(key, String.valueOf(otherwise)));
	}

	private void run() throws InterruptedException {
		int rate = setting("rate", 100);
		int seconds = setting("seconds", 60);
		int stepSeconds = Math.min(setting("step-seconds", 15), seconds);
		int warmup = setting("warmup-seconds", 10);
		int maxRate = setting("max-rate", 3200);
		int goal = setting("p99-goal-ms", 100);
		if (warmup > 0) {
			phase("warm-up", MESSAGES, rate, warmup);
			phase("warm-up", EMPTY, rate, warmup);
		}
		Map<String, Outcome> main = new LinkedHashMap<>();
		for (String endpoint : List.of(MESSAGES, EMPTY)) {
			main.put(endpoint, phase("main", endpoint, rate, seconds));
		}
		for (String endpoint : List.of(MESSAGES, EMPTY)) {
			int passed = main.get(endpoint).passes(goal) ? rate : 0;
			int failed = 0;
			if (passed == 0) {
				// the main rate failed: halve it until a rate passes
				failed = rate;
				for (int stepRate = rate / 2; stepRate >= 10 && passed == 0; stepRate /= 2) {
					if (phase("step", endpoint, stepRate, stepSeconds).passes(goal)) {
						passed = stepRate;
					}
					else {
						failed = stepRate;
					}
				}
			}
			else {
				for (int stepRate = rate * 2; stepRate <= maxRate; stepRate *= 2) {
					if (phase("step", endpoint, stepRate, stepSeconds).passes(goal)) {
						passed = stepRate;
					}
					else {
						failed = stepRate;
						break;
					}
				}
			}
			if (failed > 0 && passed > 0 && failed - passed > passed / 4) {
				// one step between the last rate that passed and the first that failed
				int between = (passed + failed) / 2;
				if (phase("step", endpoint, between, stepSeconds).passes(goal)) {
					passed = between;
				}
			}
			System.out.printf("INBOUND HIGHEST %s: %s (no errors and p99 < %d ms; steps of %d s, at most %d/s)%n",
					endpoint, (passed > 0) ? passed + "/s" : "none", goal, stepSeconds, maxRate);
		}
	}

	/** Sends at a fixed rate for a while and reports. */
	private Outcome phase(String name, String endpoint, int rate, int seconds) throws InterruptedException {
		int count = rate * seconds;
		List<HttpRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			requests.add(request(endpoint, i));
		}
		long[] latencies = new long[count];
		long[] lags = new long[count];
		Arrays.fill(latencies, -1);
		Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(count);
		long period = 1_000_000_000L / rate;
		long start = System.nanoTime() + 50_000_000L;
		for (int i = 0; i < count; i++) {
			long scheduled = start + i * period;
			long wait;
			while ((wait = scheduled - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			lags[i] = System.nanoTime() - scheduled;
			int index = i;
			this.http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latencies[index] = System.nanoTime() - scheduled;
					if (failure != null) {
						errors.computeIfAbsent(failure.getClass().getSimpleName(), key -> new AtomicInteger())
							.incrementAndGet();
					}
					else if (response.statusCode() != 200) {
						errors.computeIfAbsent("HTTP " + response.statusCode(), key -> new AtomicInteger())
							.incrementAndGet();
					}
					done.countDown();
				});
		}
		long sent = System.nanoTime();
		boolean all = done.await(30, TimeUnit.SECONDS);
		long[] completed = Arrays.stream(latencies).filter(latency -> latency >= 0).sorted().toArray();
		int unanswered = count - completed.length;
		Map<String, Integer> errorCounts = new TreeMap<>();
		errors.forEach((key, value) -> errorCounts.put(key, value.get()));
		if (!all || unanswered > 0) {
			errorCounts.put("no answer in 30 s", unanswered);
		}
		Arrays.sort(lags);
		Outcome outcome = new Outcome(name, endpoint, rate, seconds, count, completed,
				errorCounts.values().stream().mapToInt(Integer::intValue).sum(), errorCounts,
				count / ((sent - start) / 1e9), lags[lags.length * 99 / 100]);
		outcome.print();
		// let the app breathe between phases, longer after errors
		Thread.sleep((outcome.errors() > 0) ? 15_000 : 2_000);
		return outcome;
	}

	private HttpRequest request(String endpoint, int i) {
		int id = this.activityIds.incrementAndGet();
		TeamsActivities from;
		if (!this.known.isEmpty() && id % 10 == 0) {
			int person = (id / 10) % this.known.size();
			from = TeamsActivities.from("29:known-" + person, this.known.get(person), this.serviceUrl);
		}
		else {
			int stranger = id % STRANGERS;
			from = TeamsActivities.from("29:stranger-" + stranger,
					String.format("00000000-0000-4000-8000-%012d", stranger), this.serviceUrl);
		}
		String body = from.message("load-" + id, TEXTS[id % TEXTS.length]);
		return HttpRequest.newBuilder(URI.create(this.settings.get("url") + endpoint))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Authorization", this.bearers.get(i % this.bearers.size()))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** What one phase measured; latencies sorted, in nanoseconds. */
	private record Outcome(String name, String endpoint, int rate, int seconds, int sent, long[] latencies, int errors,
			Map<String, Integer> errorCounts, double sendRate, long lagP99) {

		boolean passes(int p99GoalMillis) {
			return this.errors == 0 && percentile(99) < p99GoalMillis * 1_000_000L;
		}

		long percentile(int p) {
			if (this.latencies.length == 0) {
				return Long.MAX_VALUE;
			}
			return this.latencies[Math.min(this.latencies.length - 1, (int) ((long) this.latencies.length * p / 100))];
		}

		void print() {
			long max = (this.latencies.length > 0) ? this.latencies[this.latencies.length - 1] : -1;
			System.out.printf(
					"INBOUND %-7s %-13s %5d/s for %2d s: sent %6d (at %.0f/s), p50 %7.2f ms, p99 %7.2f ms, max %8.2f ms, errors %d%s; generator lag p99 %.2f ms%n",
					this.name, this.endpoint, this.rate, this.seconds, this.sent, this.sendRate, percentile(50) / 1e6,
					percentile(99) / 1e6, max / 1e6, this.errors,
					this.errorCounts.isEmpty() ? "" : " " + this.errorCounts, this.lagP99 / 1e6);
		}

	}

}
