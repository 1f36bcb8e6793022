package se.samla.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.campaigns.RecordingChannels.Delivered;
import se.samla.campaigns.RecordingChannels.Recorder;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.campaigns.internal.OutboxRecords;
import se.samla.campaigns.internal.OutboxRecords.OutboxRow;
import se.samla.campaigns.internal.OutboxRecords.Status;
import se.samla.campaigns.internal.SendNowJob;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.shared.SqlTime;
import se.samla.support.MutableClock;
import se.samla.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once also when a dispatcher run lasts longer than the claim lease (1,000 emails
 * behind a throttled server, Teams' Retry-After): each claim carries the moment it was
 * taken, its holder renews it while it works, and only the holder can finish the row. (A
 * second instance on PostgreSQL: {@code TwoInstancesTests}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.campaigns.claim-renewal=50ms" })
@Import({ TestClockConfiguration.class, RecordingChannels.class })
class ExactlyOnceTests {

	private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	private static final Duration LEASE = Duration.ofMinutes(5);

	@Autowired
	SendOuts sendOuts;

	@Autowired
	SendOutOperations operations;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	OutboxRecords outbox;

	@Autowired
	Directory directory;

	@Autowired
	Recorder recorder;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private int counter;

	@BeforeEach
	void reset() {
		this.recorder.reset();
		// Each test counts the messages of its own send-out only.
		this.jdbc.sql("DELETE FROM outbox").update();
		this.clock.set(LocalDateTime.of(2026, 12, 1, 9, 0).atZone(STOCKHOLM).toInstant());
		ChiefsSendOuts.closeAllOpen(this.sendOuts, this.operations);
	}

	@Test
	void aRunLongerThanTheLeaseWithAConcurrentSendNowSendsEachMessageOnce() throws Exception {
		SendOutId id = define();
		int recipients = this.sendOuts.recipients(this.sendOuts.find(id).orElseThrow()).size();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			this.recorder.gate().holdDelivery(5);
			Future<DispatchReport> longRun = pool.submit(this.dispatcher::run);
			this.recorder.gate().awaitHeld();
			// The run has now been inside one send for longer than the lease.
			this.clock.advance(LEASE.plusMinutes(1));
			Instant now = this.clock.instant();
			// The run holds the claims of the rows it claimed together; all are renewed.
			await().atMost(Duration.ofSeconds(20)).until(() -> heldClaimsRenewedSince(now));

			DispatchReport sendNow = this.operations.sendNow(id);
			this.recorder.gate().release();
			DispatchReport run = longRun.get(60, TimeUnit.SECONDS);

			Map<String, Long> perKey = forSendOut(id).stream()
				.collect(Collectors.groupingBy(Delivered::key, Collectors.counting()));
			assertThat(perKey).hasSize(recipients).allSatisfy((key, count) -> assertThat(count).isOne());
			assertThat(run.delivered() + sendNow.delivered()).isEqualTo(recipients);
			assertThat(sendNow.delivered()).as("the send-now delivered the rest").isPositive();
		}
		finally {
			this.recorder.gate().release();
			pool.shutdownNow();
		}
	}

	@Test
	void aDispatcherWhoseClaimWasTakenOverCanNeitherFinishNorRetryTheRow() {
		OutboxRow row = pendingRow();
		Instant start = this.clock.instant();
		assertThat(this.outbox.claim(row.id(), "slow-run", start, LEASE)).isTrue();
		Instant later = start.plus(LEASE).plusSeconds(1);
		assertThat(this.outbox.claim(row.id(), "other-run", later, LEASE)).as("taken over after the lease").isTrue();

		assertThat(this.outbox.finish(row.id(), "slow-run", Status.SENT, Channel.EMAIL, "x", null, later)).isFalse();
		assertThat(this.outbox.retryLater(row.id(), "slow-run", "timeout")).isFalse();
		assertThat(status(row)).isEqualTo(Status.SENDING);

		assertThat(this.outbox.finish(row.id(), "other-run", Status.SENT, Channel.EMAIL, "<id@x>", null, later))
			.isTrue();
		assertThat(status(row)).isEqualTo(Status.SENT);
	}

	@Test
	void aClaimItsHolderRenewsIsNotTakenOverHoweverLongTheWork() {
		OutboxRow row = pendingRow();
		Instant start = this.clock.instant();
		assertThat(this.outbox.claim(row.id(), "long-run", start, LEASE)).isTrue();
		assertThat(this.outbox.renew("long-run", start.plus(Duration.ofMinutes(4)))).isOne();

		assertThat(this.outbox.claim(row.id(), "other-run", start.plus(Duration.ofMinutes(6)), LEASE)).isFalse();
		assertThat(this.outbox.claim(row.id(), "other-run", start.plus(Duration.ofMinutes(10)), LEASE))
			.as("a holder that stopped renewing (it crashed) is taken over after the lease")
			.isTrue();
	}

	@Test
	void claimingSeveralRowsAtOnceTakesOnlyThoseNoLiveClaimHolds() {
		SendOutId id = define();
		List<OutboxRow> rows = this.directory.members(Network.HR_CHEFSNATVERKET)
			.stream()
			.limit(3)
			.map(person -> OutboxRow.pending(OutboxKey.invitation(id, person.id()), null, this.clock.instant(),
					this.clock.instant()))
			.toList();
		assertThat(this.outbox.enqueueAll(rows)).isEqualTo(3);
		assertThat(this.outbox.enqueueAll(rows)).as("recorded once").isZero();
		List<UUID> ids = rows.stream().map(OutboxRow::id).toList();
		Instant start = this.clock.instant();
		assertThat(this.outbox.claim(ids.get(0), "other-run", start, LEASE)).isTrue();

		assertThat(this.outbox.claimAll(ids, "this-run", start, LEASE)).containsExactlyInAnyOrder(ids.get(1),
				ids.get(2));
		assertThat(this.outbox.claimAll(ids, "third-run", start.plus(Duration.ofMinutes(1)), LEASE)).isEmpty();
		assertThat(this.outbox.claimAll(ids, "third-run", start.plus(LEASE).plusSeconds(1), LEASE))
			.as("claims whose holder stopped renewing are taken over after the lease")
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.outbox.finish(ids.get(1), "this-run", Status.SENT, Channel.EMAIL, "x", null, start)).isFalse();
	}

	@Test
	void twoRunsInOneInstanceHoldDifferentClaimTokens() throws Exception {
		SendOutId id = define();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			this.recorder.gate().holdDelivery(1);
			Future<DispatchReport> first = pool.submit(this.dispatcher::run);
			this.recorder.gate().awaitHeld();
			String holder = this.jdbc.sql("SELECT DISTINCT claimed_by FROM outbox WHERE status = 'SENDING'")
				.query(String.class)
				.single();
			this.operations.sendNow(id);
			this.recorder.gate().release();
			first.get(60, TimeUnit.SECONDS);

			Set<String> finishedBy = Set.copyOf(
					this.jdbc.sql("SELECT DISTINCT claimed_by FROM outbox WHERE send_out_id = ? AND status = 'SENT'")
						.param(id.value())
						.query(String.class)
						.list());
			assertThat(finishedBy).contains(holder).hasSize(2);
		}
		finally {
			this.recorder.gate().release();
			pool.shutdownNow();
		}
	}

	@Test
	void theSendNowJobNeverRunsTwiceAtOnce() {
		assertThat(SendNowJob.class).hasAnnotation(DisallowConcurrentExecution.class);
	}

	/** Whether every claim held now was taken or renewed at or after the moment. */
	private boolean heldClaimsRenewedSince(Instant moment) {
		long held = this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'").query(Long.class).single();
		long renewed = this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING' AND claimed_at >= ?")
			.param(SqlTime.toSql(moment))
			.query(Long.class)
			.single();
		return held > 0 && renewed == held;
	}

	private OutboxRow pendingRow() {
		SendOutId id = define();
		var person = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		OutboxRow row = OutboxRow.pending(OutboxKey.invitation(id, person.id()), null, this.clock.instant(),
				this.clock.instant());
		assertThat(this.outbox.enqueue(row)).isTrue();
		return row;
	}

	private Status status(OutboxRow row) {
		return Status.valueOf(
				this.jdbc.sql("SELECT status FROM outbox WHERE id = ?").param(row.id()).query(String.class).single());
	}

	private SendOutId define() {
		return ChiefsSendOuts.openNow(this.sendOuts, this.clock.instant(), "once-" + (++this.counter));
	}

	private List<Delivered> forSendOut(SendOutId id) {
		return this.recorder.deliveries().stream().filter(d -> d.key().startsWith(id.value() + "/")).toList();
	}

}
