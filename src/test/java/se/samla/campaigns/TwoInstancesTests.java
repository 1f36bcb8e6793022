package se.samla.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.EmbeddedPostgres;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Samla instances against one PostgreSQL, Quartz clustered and firing the dispatcher
 * every 200 ms on both: every person gets exactly one invitation. (Dispatchers running at
 * the same moment inside one instance are covered by {@code RouteChoiceTests}.)
 */
class TwoInstancesTests {

	/** Deliveries of both instances, in one list. */
	static final List<String> DELIVERED = new CopyOnWriteArrayList<>();

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

	private static ConfigurableApplicationContext start(String url, Path scheduler) {
		return new SpringApplicationBuilder(SamlaApplication.class, TestClockConfiguration.class, SharedRecorder.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres", "--samla.campaigns.location=" + scheduler,
					"--spring.quartz.auto-startup=true", "--samla.campaigns.dispatch-interval=200ms",
					"--spring.main.banner-mode=off");
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
					DELIVERED.add(message.key());
					return new Delivery.Sent(message.key());
				}

			};
		}

	}

}
