package se.samla.campaigns.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLanesTests {

	private final ExecutorService workers = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	@Test
	void aLaneThatRunsDryLetsTheRunFetchMoreWhileASlowLaneIsStillSending() throws Exception {
		CountDownLatch slowLaneMayGoOn = new CountDownLatch(1);
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		DeliveryLanes<String> lanes = new DeliveryLanes<>(this.workers, 2, rows -> {
			if (rows.get(0).startsWith("slow")) {
				await(slowLaneMayGoOn);
			}
			delivered.addAll(rows);
		});

		long mark = lanes.dried();
		lanes.add(lanes("slow", 40, "quick", 1));
		// returns once the quick lane is done, although 38 rows still wait for the slow
		// one
		lanes.awaitRoomOrDrySince(10, mark);

		assertThat(delivered).containsExactly("quick-0");
		assertThat(lanes.queued()).isEqualTo(38);
		assertThat(lanes.idle()).isFalse();
		lanes.add(lanes("more", 3));
		slowLaneMayGoOn.countDown();
		lanes.awaitIdle();
		assertThat(delivered).hasSize(44).doesNotHaveDuplicates();
	}

	@Test
	void everyRowIsDeliveredOnceInItsLanesOrderAndNoLaneIsWorkedByTwoThreadsAtOnce() throws Exception {
		Set<String> busy = ConcurrentHashMap.newKeySet();
		Map<String, List<String>> deliveredPerLane = new ConcurrentHashMap<>();
		List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
		DeliveryLanes<String> lanes = new DeliveryLanes<>(this.workers, 3, rows -> {
			String lane = rows.get(0).substring(0, rows.get(0).indexOf('-'));
			if (!busy.add(lane)) {
				overlaps.add(lane);
			}
			deliveredPerLane.computeIfAbsent(lane, key -> Collections.synchronizedList(new ArrayList<>())).addAll(rows);
			Thread.yield();
			busy.remove(lane);
		});

		for (int batch = 0; batch < 5; batch++) {
			lanes.add(lanes("a", 7, "b", 11, "c", 2, "d", 5, "e", 9));
		}
		lanes.awaitIdle();

		assertThat(overlaps).isEmpty();
		assertThat(deliveredPerLane.get("b")).hasSize(55)
			.startsWith("b-0", "b-1", "b-2")
			.containsSubsequence("b-10", "b-0", "b-10");
		assertThat(deliveredPerLane.values().stream().mapToInt(List::size).sum()).isEqualTo(5 * (7 + 11 + 2 + 5 + 9));
		assertThat(lanes.queued()).isZero();
	}

	@Test
	void moreLanesThanThreadsTakeTurnsSoTheLastLaneIsNotLeftUntilTheOthersAreEmpty() throws Exception {
		List<String> order = Collections.synchronizedList(new ArrayList<>());
		DeliveryLanes<String> lanes = new DeliveryLanes<>(this.workers, 1, order::addAll);

		lanes.add(lanes("a", 20, "b", 20, "c", 20, "d", 20));
		lanes.awaitIdle();

		assertThat(order).hasSize(80);
		// with two threads, lane d's first row goes out long before a's last
		assertThat(order.indexOf("d-0")).isLessThan(order.indexOf("a-19"));
	}

	@Test
	void aStoppedRunStartsNoFurtherTurnsAndLeavesTheWaitingRowsUntaken() throws Exception {
		CountDownLatch firstTurnStarted = new CountDownLatch(1);
		CountDownLatch mayGoOn = new CountDownLatch(1);
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		DeliveryLanes<String> lanes = new DeliveryLanes<>(this.workers, 1, rows -> {
			firstTurnStarted.countDown();
			await(mayGoOn);
			delivered.addAll(rows);
		});

		lanes.add(lanes("a", 5));
		assertThat(firstTurnStarted.await(5, TimeUnit.SECONDS)).isTrue();
		lanes.stop();
		mayGoOn.countDown();
		lanes.awaitIdle();

		assertThat(delivered).containsExactly("a-0");
		assertThat(lanes.queued()).isZero();
	}

	@Test
	void aFailingGroupIsLoggedAndTheLaneGoesOnWithItsNextGroup() throws Exception {
		List<String> delivered = Collections.synchronizedList(new ArrayList<>());
		DeliveryLanes<String> lanes = new DeliveryLanes<>(this.workers, 2, rows -> {
			if (rows.contains("a-0")) {
				throw new IllegalStateException("database went away");
			}
			delivered.addAll(rows);
		});

		lanes.add(lanes("a", 5));
		lanes.awaitIdle();

		assertThat(delivered).containsExactly("a-2", "a-3", "a-4");
	}

	/** Rows per lane: name, count, name, count… (row "a-3" is lane a's fourth). */
	private static Map<String, List<String>> lanes(Object... nameThenCount) {
		Map<String, List<String>> lanes = new LinkedHashMap<>();
		for (int i = 0; i < nameThenCount.length; i += 2) {
			String lane = (String) nameThenCount[i];
			int count = (Integer) nameThenCount[i + 1];
			lanes.put(lane, IntStream.range(0, count).mapToObj(n -> lane + "-" + n).toList());
		}
		return lanes;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
