package se.samla.teams;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.DirectoryImport;
import se.samla.directory.ImportReport;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.support.FakeMicrosoft;
import se.samla.support.FakeMicrosoft.Sent;
import se.samla.support.FakeMicrosoft.Timed;
import se.samla.support.MutableClock;
import se.samla.support.OutboxCounts;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams invitations to 10,000 people spread over the county's thirteen tenants, each with
 * the bot's registration of its own, through the real dispatcher, Teams channel and SDK
 * connector client, to a Bot Connector (WireMock) that keeps Teams' limits per tenant
 * (answering 429 with {@code Retry-After} past a tenant's ceiling). Prints the send rate
 * as a share of the sum of the tenants' ceilings, the share of 429s, and that nobody was
 * lost or invited twice (asserted).
 * <p>
 * {@code ./mvnw -q -o test -Pbenchmark -Dtest=TeamsTenantsBenchmark}; settings
 * {@code -Dsamla.bench.tenants.people=10000}, {@code -Dsamla.bench.tenants.ceiling=6}
 * (per tenant and second; Teams' is 50, scaled down so that the sum of thirteen stays
 * under what the pipeline does on two busy cores) and
 * {@code -Dsamla.bench.teams.database=h2-mem}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"logging.level.se.samla.campaigns=WARN", "logging.level.se.samla.teams=WARN",
				"samla.teams.limits.per-tenant-per-second=${samla.bench.tenants.ceiling:6}" })
@Import(TestClockConfiguration.class)
@DirtiesContext
class TeamsTenantsBenchmark {

	static final int PEOPLE = Integer.getInteger("samla.bench.tenants.people", 10_000);

	/** Each tenant's ceiling per second, in the fake and the app's throttle alike. */
	static final int CEILING = Integer.getInteger("samla.bench.tenants.ceiling", 6);

	static final List<String> ORGANISATIONS = List.of("askersund", "degerfors", "hallsberg", "hallefors", "karlskoga",
			"kumla", "laxa", "lekeberg", "lindesberg", "ljusnarsberg", "nora", "orebro", "region-orebro-lan");

	static final String ROLE = "Tenantbenchchef";

	static final String DATABASE = BenchmarkDatabase.name("h2-mem");

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) {
		registry.add("samla.teams.enabled", () -> "true");
		registry.add("samla.teams.open-id-metadata-url", microsoft::openIdMetadataUrl);
		registry.add("samla.teams.service-url", microsoft::serviceUrl);
		registry.add("samla.teams.allowed-service-url-hosts", () -> "localhost");
		registry.add("samla.entra.authority", microsoft::authority);
		for (int i = 0; i < ORGANISATIONS.size(); i++) {
			int n = i;
			String prefix = "samla.entra.registrations[" + i + "].";
			registry.add(prefix + "tenant-id", () -> tenant(n));
			registry.add(prefix + "app-id", () -> app(n));
			registry.add(prefix + "client-secret", () -> "secret-" + n);
			registry.add(prefix + "organisations", () -> ORGANISATIONS.get(n));
			microsoft.addTenant(tenant(n), app(n), "secret-" + n);
		}
		BenchmarkDatabase.register(registry, DATABASE, "tenants");
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

	@Test
	void thirteenTenantsGetThirteenTimesOneTenantsRate() {
		importPeople();
		this.jdbc.sql("DELETE FROM teams_conversation").update();
		microsoft.reset();
		// Teams' 7 a second per conversation is kept as it is: one send each
		microsoft.enforceLimits(CEILING, 7, "1");
		SendOutId id = new SendOutId("bench-tenants");
		this.sendOuts.define(new SendOut(id, "Kartläggning steg 2", new QuestionnaireId("steg2"),
				new Audience(Set.of(), ORGANISATIONS.stream().map(OrganisationId::new).collect(Collectors.toSet()),
						List.of(ROLE), false),
				Stockholm.at(2026, 12, 1, 8, 0), Stockholm.at(2026, 12, 18, 17, 0), null, null, "benchmark",
				SendOutRules.defaults(Stockholm.ZONE), null));
		this.clock.set(Stockholm.at(2026, 12, 1, 9, 0));
		long start = System.nanoTime();
		int runs = 0;
		while (true) {
			this.dispatcher.runNow(id);
			runs++;
			if (OutboxCounts.unsettled(this.jdbc, id) == 0 || runs >= 50) {
				break;
			}
		}
		long elapsed = System.nanoTime() - start;
		report(runs, elapsed, microsoft.requestTimes(), microsoft.delivered(), OutboxCounts.byStatus(this.jdbc, id));
	}

	private void importPeople() {
		StringBuilder csv = new StringBuilder("Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n");
		for (int i = 0; i < PEOPLE; i++) {
			// as a directory lists them: organisation by organisation, so that a
			// dispatcher
			// serving one tenant at a time would wait on each tenant's ceiling in turn
			int organisation = (int) ((long) i * ORGANISATIONS.size() / PEOPLE);
			csv.append("Person ")
				.append(i)
				.append(";tenantbench")
				.append(i)
				.append("@example.org;")
				.append(ORGANISATIONS.get(organisation))
				.append(';')
				.append(ROLE)
				.append(";;Teams;sv;")
				.append(entraId(i))
				.append(';')
				.append(tenant(organisation))
				.append('\n');
		}
		ImportReport report = this.directoryImport.importPeople("tenants-bench.csv",
				new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
		assertThat(report.rejected()).isEmpty();
	}

	private static void report(int runs, long elapsedNanos, List<Timed> requests, List<Sent> delivered,
			Map<String, Integer> outbox) {
		long accepted = requests.stream().filter(r -> r.status() >= 200 && r.status() < 300).count();
		long throttled = requests.stream().filter(r -> r.status() == 429).count();
		long first = requests.isEmpty() ? 0 : requests.get(0).nanos();
		long last = requests.isEmpty() ? 0 : requests.get(requests.size() - 1).nanos();
		double seconds = (last - first) / 1e9;
		double rate = (accepted - 1) / seconds;
		int ceiling = CEILING * ORGANISATIONS.size();
		Map<String, Integer> invitations = new HashMap<>();
		for (Sent sent : delivered) {
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
		Map<String, Long> perTenant = new TreeMap<>(requests.stream()
			.filter(r -> r.status() >= 200 && r.status() < 300 && r.tenant() != null)
			.collect(Collectors.groupingBy(Timed::tenant, Collectors.counting())));
		System.out.printf("TEAMS TENANTS BENCHMARK: %d people over %d tenants, database %s, %d dispatcher run(s)%n",
				PEOPLE, ORGANISATIONS.size(), DATABASE, runs);
		System.out.printf("  requests %d (accepted %d, 429 %d = %.2f %% of requests), invitations delivered %d%n",
				requests.size(), accepted, throttled, 100.0 * throttled / Math.max(1, requests.size()),
				invitations.values().stream().mapToInt(Integer::intValue).sum());
		System.out.printf(
				"  elapsed %.1f s (first to last request %.1f s); achieved %.1f requests/s = %.1f invitations/s;"
						+ " sum of the tenants' ceilings %d/s (%d/s each); share %.1f %%%n",
				elapsedNanos / 1e9, seconds, rate, rate / 2, ceiling, CEILING, 100.0 * rate / ceiling);
		System.out.printf("  accepted per tenant: min %d, max %d%n",
				perTenant.values().stream().mapToLong(Long::longValue).min().orElse(0),
				perTenant.values().stream().mapToLong(Long::longValue).max().orElse(0));
		System.out.printf("  lost %d, duplicated %d; outbox %s%n", lost, duplicated, outbox);
		assertThat(lost).as("people without an invitation").isZero();
		assertThat(duplicated).as("people invited more than once").isZero();
	}

	static String tenant(int n) {
		return String.format("%08d-7e7e-4000-8000-000000000000", n + 1);
	}

	static String app(int n) {
		return String.format("%08d-a9a9-4000-8000-000000000000", n + 1);
	}

	static String entraId(int i) {
		return String.format("%08d-1111-4000-8000-%012d", i, i);
	}

}
