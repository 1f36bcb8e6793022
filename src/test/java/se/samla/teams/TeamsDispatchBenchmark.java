package se.samla.teams;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.test.context.TestPropertySource;

import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.support.FakeMicrosoft.Sent;
import se.samla.support.FakeMicrosoft.Timed;
import se.samla.support.FakeMicrosoft;
import se.samla.support.MutableClock;
import se.samla.support.OutboxCounts;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams invitations to 10,000 people (one tenant, each with their own Entra object id)
 * through the real dispatcher, Teams channel and SDK connector client, to a Bot Connector
 * (WireMock) that answers 429 with {@code Retry-After} whenever a request would exceed
 * Teams' ceiling: the send rate achieved as a share of the ceiling, the share of 429s,
 * and that nobody was lost or invited twice. Teams' 50 requests a second per tenant is
 * scaled up to keep the run short (see {@code BENCHMARKS.md}).
 * <p>
 * Three runs in two application contexts: the pipeline without limits anywhere (what the
 * sequential dispatcher can do at all), the app's throttle at the fake's ceiling (the
 * figure), and the app without a throttle of its own against the fake's ceiling (the
 * fake's 429s and {@code Retry-After} do the limiting).
 * <p>
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=TeamsDispatchBenchmark}; settings
 * {@code -Dsamla.bench.teams.people=10000}, {@code -Dsamla.bench.teams.ceiling=150} and
 * {@code -Dsamla.bench.teams.database=h2-mem} (see {@link BenchmarkDatabase}). Prints its
 * figures; asserts no time, only that nothing was lost or duplicated.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class TeamsDispatchBenchmark {

	static final int PEOPLE = Integer.getInteger("samla.bench.teams.people", 10_000);

	/** The fake's ceiling for all requests of the tenant, per second. */
	static final int CEILING = Integer.getInteger("samla.bench.teams.ceiling", 150);

	/** Teams gives whole seconds. */
	static final String RETRY_AFTER = System.getProperty("samla.bench.teams.retry-after", "1");

	static final String ROLE = "Teamschef";

	/** H2 in memory unless told otherwise, as the dispatcher's other benchmarks. */
	static final String DATABASE = BenchmarkDatabase.name("h2-mem");

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	@Nested
	@Order(1)
	@TestPropertySource(properties = "samla.teams.limits.per-tenant-per-second=1000000")
	class WithoutTheAppsThrottle extends Scenario {

		@Test
		void pipelineAloneThenTheFakesLimits() {
			importPeople();
			Result unlimited = dispatch("bench-unlimited", 0);
			unlimited.print("no limits anywhere (the pipeline alone)");
			Result limitedByFake = dispatch("bench-fake-limits", CEILING);
			limitedByFake.print("app unthrottled, fake ceiling " + CEILING + "/s, Retry-After " + RETRY_AFTER + " s");
		}

	}

	@Nested
	@Order(2)
	@TestPropertySource(properties = "samla.teams.limits.per-tenant-per-second=${samla.bench.teams.ceiling:150}")
	class AppThrottleAtTheCeiling extends Scenario {

		@Test
		void throttledAtTheCeiling() {
			importPeople();
			Result atCeiling = dispatch("bench-at-ceiling", CEILING);
			atCeiling.print("app throttle = fake ceiling = " + CEILING + "/s");
		}

	}

	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
					"logging.level.se.samla.campaigns=WARN" })
	@Import(TestClockConfiguration.class)
	// each context closed after its runs, while the database is still there
	@DirtiesContext
	abstract static class Scenario {

		@DynamicPropertySource
		static void teams(DynamicPropertyRegistry registry) {
			microsoft.properties().forEach((key, value) -> registry.add(key, () -> value));
			BenchmarkDatabase.register(registry, DATABASE, "dispatch");
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

		/** People with a Teams identity (unique Entra object ids) in one tenant. */
		void importPeople() {
			StringBuilder csv = new StringBuilder(
					"Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n");
			for (int i = 0; i < PEOPLE; i++) {
				csv.append("Person ")
					.append(i)
					.append(";teams")
					.append(i)
					.append("@example.org;Lekeberg;")
					.append(ROLE)
					.append(";;Teams;sv;")
					.append(entraId(i))
					.append(';')
					.append(FakeMicrosoft.TENANT_ID)
					.append('\n');
			}
			ImportReport report = this.directoryImport.importPeople("teams-bench.csv",
					new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
			assertThat(report.rejected()).isEmpty();
		}

		/**
		 * One send-out to everyone, dispatched until every outbox row is settled; the bot
		 * opens each chat afresh (two requests a person: open the chat, send).
		 * @param ceiling the fake's ceiling per second for the tenant, 0 for none
		 */
		Result dispatch(String sendOutId, int ceiling) {
			this.jdbc.sql("DELETE FROM teams_conversation").update();
			microsoft.reset();
			if (ceiling > 0) {
				// Teams' 7 a second per conversation is kept as it is: one send each
				microsoft.enforceLimits(ceiling, 7, RETRY_AFTER);
			}
			SendOutId id = new SendOutId(sendOutId);
			this.sendOuts.define(new SendOut(id, "Kartläggning steg 2", new QuestionnaireId("steg2"),
					new Audience(Set.of(), Set.of(new OrganisationId("lekeberg")), List.of(ROLE), false),
					Stockholm.at(2026, 12, 1, 8, 0), Stockholm.at(2026, 12, 18, 17, 0), null, null, "benchmark",
					SendOutRules.defaults(Stockholm.ZONE), null));
			this.clock.set(Stockholm.at(2026, 12, 1, 9, 0));
			int recipients = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size();
			long start = System.nanoTime();
			int runs = 0;
			while (true) {
				this.dispatcher.runNow(id);
				runs++;
				if (OutboxCounts.unsettled(this.jdbc, id) == 0 || runs >= 50) {
					break;
				}
			}
			long end = System.nanoTime();
			return new Result(ceiling, recipients, runs, end - start, microsoft.requestTimes(), microsoft.delivered(),
					microsoft.limitRejections(), OutboxCounts.byStatus(this.jdbc, id));
		}

	}

	static String entraId(int i) {
		return String.format("%08d-0000-4000-8000-%012d", i, i);
	}

	/** What one dispatch did, from the fake's point of view. */
	record Result(int ceiling, int recipients, int runs, long elapsedNanos, List<Timed> requests, List<Sent> delivered,
			long rejected, Map<String, Integer> outbox) {

		void print(String scenario) {
			long accepted = this.requests.stream().filter(r -> r.status() >= 200 && r.status() < 300).count();
			long throttled = this.requests.stream().filter(r -> r.status() == 429).count();
			long first = this.requests.isEmpty() ? 0 : this.requests.get(0).nanos();
			long last = this.requests.isEmpty() ? 0 : this.requests.get(this.requests.size() - 1).nanos();
			double sendingSeconds = (last - first) / 1e9;
			double rate = (accepted - 1) / sendingSeconds;
			Map<String, Integer> invitations = new HashMap<>();
			for (Sent sent : this.delivered) {
				if ("POST".equals(sent.method()) && !sent.isUpdate()) {
					invitations.merge(sent.conversationId(), 1, Integer::sum);
				}
			}
			int lost = 0;
			int duplicated = 0;
			for (int i = 0; i < PEOPLE; i++) {
				int count = invitations.getOrDefault("a:conv-" + entraId(i), 0);
				if (count == 0) {
					lost++;
				}
				else if (count > 1) {
					duplicated++;
				}
			}
			System.out.printf(
					"TEAMS DISPATCH BENCHMARK [%s]: %d people (%d recipients), database %s, %d dispatcher run(s)%n",
					scenario, PEOPLE, this.recipients, DATABASE, this.runs);
			System.out.printf(
					"  requests %d (accepted %d, 429 %d = %.2f %% of requests; fake's limits turned away %d), invitations delivered %d%n",
					this.requests.size(), accepted, throttled, 100.0 * throttled / Math.max(1, this.requests.size()),
					this.rejected, invitations.values().stream().mapToInt(Integer::intValue).sum());
			System.out.printf(
					"  elapsed %.1f s (first to last request %.1f s); achieved %.1f requests/s = %.1f invitations/s%s; busiest second %d accepted%n",
					this.elapsedNanos / 1e9, sendingSeconds, rate, rate / 2,
					(this.ceiling > 0) ? String.format("; ceiling %d/s, share of ceiling %.1f %%", this.ceiling,
							100.0 * rate / this.ceiling) : "",
					busiestSecond());
			// where the time goes: the gaps between one request's arrival and the next
			// one's
			List<Long> openToSend = new ArrayList<>();
			List<Long> sendToOpen = new ArrayList<>();
			for (int i = 1; i < this.requests.size(); i++) {
				long gap = this.requests.get(i).nanos() - this.requests.get(i - 1).nanos();
				if (this.requests.get(i - 1).opensConversation() && !this.requests.get(i).opensConversation()) {
					openToSend.add(gap);
				}
				else if (!this.requests.get(i - 1).opensConversation() && this.requests.get(i).opensConversation()) {
					sendToOpen.add(gap);
				}
			}
			System.out.printf(
					"  gaps between requests: open chat -> its send p50 %.1f ms, p99 %.1f ms; send -> next open chat p50 %.1f ms, p99 %.1f ms%n",
					percentile(openToSend, 50), percentile(openToSend, 99), percentile(sendToOpen, 50),
					percentile(sendToOpen, 99));
			System.out.printf("  lost %d, duplicated %d; outbox %s%n", lost, duplicated, this.outbox);
			assertThat(lost).as("people without an invitation").isZero();
			assertThat(duplicated).as("people invited more than once").isZero();
		}

		private static double percentile(List<Long> nanos, int p) {
			if (nanos.isEmpty()) {
				return 0;
			}
			List<Long> sorted = nanos.stream().sorted().toList();
			return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
		}

		/** The most accepted requests in any one-second window (sliding). */
		private int busiestSecond() {
			List<Long> times = this.requests.stream()
				.filter(r -> r.status() >= 200 && r.status() < 300)
				.map(Timed::nanos)
				.toList();
			int best = 0;
			int from = 0;
			for (int to = 0; to < times.size(); to++) {
				while (times.get(from) <= times.get(to) - 1_000_000_000L) {
					from++;
				}
				best = Math.max(best, to - from + 1);
			}
			return best;
		}

	}

}
