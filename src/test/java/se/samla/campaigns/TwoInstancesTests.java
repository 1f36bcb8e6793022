package se.samla.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.SamlaApplication;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.shared.SqlTime;
import se.samla.support.DeliveryGate;
import se.samla.support.EmbeddedPostgres;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Samla instances against one PostgreSQL, Quartz clustered and firing the dispatcher
 * every 200 ms on both: every person gets exactly one invitation; and a dispatcher run
 * that outlasts the claim lease on one instance while the other sends now. (Dispatchers
 * running at the same moment inside one instance are covered by {@code RouteChoiceTests}
 * and {@code ExactlyOnceTests}.)
 */
class TwoInstancesTests {

	/** Deliveries of both instances, in one list. */
	static final List<String> DELIVERED = new CopyOnWriteArrayList<>();

	/** Makes a delivery of either instance slow on request. */
	static final DeliveryGate GATE = new DeliveryGate();

	@Test
	void sendEachMessageExactlyOnce(@TempDir Path scheduler) throws Exception {
		Files.writeString(scheduler.resolve("klustret.yml"), """
				id: klustret
				title: Kartläggning steg 2 (två instanser)
				questionnaire: steg2
				audience:
				  networks: [Socialchefsnätverket, HR-chefsnätverket, Projektledare]
				opens: 2026-11-25T08:00
				deadline: 2026-12-18
				""");
		String url = EmbeddedPostgres.createDatabase("two_instances");
		DELIVERED.clear();
		try (ConfigurableApplicationContext first = start(url, scheduler);
				ConfigurableApplicationContext second = start(url, scheduler)) {
			SendOuts sendOuts = first.getBean(SendOuts.class);
			List<Person> recipients = sendOuts.recipients(sendOuts.find(new SendOutId("klustret")).orElseThrow());

			await().atMost(Duration.ofSeconds(20))
				.until(() -> first.getBean(JdbcClient.class)
					.sql("SELECT COUNT(*) FROM outbox WHERE send_out_id = 'klustret' AND status = 'SENT'")
					.query(Long.class)
					.single() == recipients.size());
			Thread.sleep(1000);

			Map<String, Long> perKey = DELIVERED.stream()
				.filter(key -> key.startsWith("klustret/"))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(perKey).hasSize(recipients.size()).allSatisfy((key, count) -> assertThat(count).isOne());
			assertThat(first.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
			// Both instances have joined the cluster in the shared job store.
			assertThat(first.getBean(JdbcClient.class)
				.sql("SELECT instance_name FROM qrtz_scheduler_state")
				.query(String.class)
				.list()).contains(first.getBean(Scheduler.class).getSchedulerInstanceId(),
						second.getBean(Scheduler.class).getSchedulerInstanceId());
		}
	}

	@Test
	void aRunLongerThanTheLeaseOnOneInstanceAndASendNowOnTheOtherSendEachMessageOnce(@TempDir Path scheduler)
			throws Exception {
		Files.writeString(scheduler.resolve("langsam.yml"), """
				id: langsam
				title: Kartläggning steg 2 (långsam)
				questionnaire: steg2
				audience:
				  networks: [Socialchefsnätverket, HR-chefsnätverket, Projektledare]
				opens: 2026-11-25T08:00
				deadline: 2026-12-18
				""");
		String url = EmbeddedPostgres.createDatabase("long_run");
		DELIVERED.clear();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (ConfigurableApplicationContext first = start(url, scheduler, false);
				ConfigurableApplicationContext second = start(url, scheduler, false)) {
			SendOuts sendOuts = first.getBean(SendOuts.class);
			int recipients = sendOuts.recipients(sendOuts.find(new SendOutId("langsam")).orElseThrow()).size();
			JdbcClient jdbc = first.getBean(JdbcClient.class);

			GATE.holdDelivery(5);
			Future<DispatchReport> longRun = pool.submit(() -> first.getBean(Dispatcher.class).run());
			GATE.awaitHeld();
			// The first instance has been inside one send for longer than the lease.
			first.getBean(MutableClock.class).advance(Duration.ofMinutes(6));
			second.getBean(MutableClock.class).advance(Duration.ofMinutes(6));
			Instant now = first.getBean(MutableClock.class).instant();
			// The first instance holds the claims of the rows it claimed together (a
			// few, not the whole send-out); all of them are renewed.
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				long held = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'").query(Long.class).single();
				long renewed = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING' AND claimed_at >= ?")
					.param(SqlTime.toSql(now))
					.query(Long.class)
					.single();
				return held > 0 && renewed == held;
			});

			DispatchReport sendNow = second.getBean(SendOutOperations.class).sendNow(new SendOutId("langsam"));
			GATE.release();
			DispatchReport run = longRun.get(60, TimeUnit.SECONDS);

			Map<String, Long> perKey = DELIVERED.stream()
				.filter(key -> key.startsWith("langsam/"))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(perKey).hasSize(recipients).allSatisfy((key, count) -> assertThat(count).isOne());
			assertThat(run.delivered() + sendNow.delivered()).isEqualTo(recipients);
			assertThat(sendNow.delivered()).as("the send-now took part").isPositive();
		}
		finally {
			GATE.release();
			pool.shutdownNow();
		}
	}

	private static ConfigurableApplicationContext start(String url, Path scheduler) {
		return start(url, scheduler, true);
	}

	private static ConfigurableApplicationContext start(String url, Path scheduler, boolean quartz) {
		return new SpringApplicationBuilder(SamlaApplication.class, TestClockConfiguration.class, SharedRecorder.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres", "--samla.campaigns.location=" + scheduler,
					"--spring.quartz.auto-startup=" + quartz, "--samla.campaigns.dispatch-interval=200ms",
					"--samla.campaigns.claim-renewal=50ms", "--spring.main.banner-mode=off");
	}

	/** Teams and email channels that write every delivery into {@link #DELIVERED}. */
	// Deliberately not @Configuration: registered explicitly, never picked up by
	// component scanning.
	static class SharedRecorder {

		@Bean
		MessageChannel sharedTeams() {
			return channel(Channel.TEAMS);
		}

		@Bean
		MessageChannel sharedEmail() {
			return channel(Channel.EMAIL);
		}

		private static MessageChannel channel(Channel channel) {
			return new MessageChannel() {

				@Override
				public Channel channel() {
					return channel;
				}

				@Override
				public boolean canReach(Person person) {
					return (channel == Channel.TEAMS) ? person.teams() != null : person.email() != null;
				}

				@Override
				public Delivery deliver(OutgoingMessage message) {
					DELIVERED.add(message.key().value());
					GATE.pass();
					return new Delivery.Sent("recorded:" + message.key().value());
				}

			};
		}

	}

}
