package se.samla.campaigns.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes of one delivery run: rows waiting per lane (one Teams tenant, or email), each
 * lane worked by one thread at a time, one group of rows a turn, the lanes side by side
 * (rows are outbox rows in the dispatcher, anything in tests).
 * <p>
 * Rows are added while the lanes work, so a lane never waits for another to finish a
 * batch: with a barrier after every batch of rows, the tenant with most rows in a batch
 * set the pace and the others stood idle for the rest of it (about a quarter of the
 * thirteen tenants' ceilings, measured in {@code TeamsTenantsBenchmark}). A lane with
 * rows left goes to the back of the workers' queue after each turn, so more lanes than
 * threads still take turns.
 */
final class DeliveryLanes<T> {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLanes.class);

	private final Executor workers;

	private final int group;

	private final Consumer<List<T>> deliver;

	private final Map<String, Deque<T>> waiting = new HashMap<>();

	private final Set<String> working = new HashSet<>();

	private int queued;

	private long dried;

	private boolean stopped;

	/**
	 * @param workers the threads the lanes take turns on
	 * @param group how many rows a lane delivers in one turn
	 * @param deliver delivers one lane's group of rows, in order
	 */
	DeliveryLanes(Executor workers, int group, Consumer<List<T>> deliver) {
		this.workers = workers;
		this.group = Math.max(1, group);
		this.deliver = deliver;
	}

	/** Adds rows to their lanes and sets idle lanes to work. */
	synchronized void add(Map<String, List<T>> rowsByLane) {
		rowsByLane.forEach((lane, rows) -> {
			this.waiting.computeIfAbsent(lane, key -> new ArrayDeque<>()).addAll(rows);
			this.queued += rows.size();
		});
		for (String lane : rowsByLane.keySet()) {
			if (!this.stopped && this.working.add(lane)) {
				schedule(lane);
			}
		}
	}

	/** How many rows wait for their lane's turn. */
	synchronized int queued() {
		return this.queued;
	}

	/**
	 * How many times a lane has run dry so far: a mark for {@link #awaitRoomOrDrySince}.
	 */
	synchronized long dried() {
		return this.dried;
	}

	/**
	 * Waits until fewer than {@code rows} rows wait, a lane has run dry since
	 * {@code mark} (from {@link #dried}), or every lane has.
	 */
	synchronized void awaitRoomOrDrySince(int rows, long mark) throws InterruptedException {
		while (this.queued >= rows && this.dried == mark && !this.working.isEmpty()) {
			wait();
		}
	}

	/** Waits until fewer than {@code rows} rows wait, or every lane has run dry. */
	synchronized void awaitRoom(int rows) throws InterruptedException {
		while (this.queued >= rows && !this.working.isEmpty()) {
			wait();
		}
	}

	/** Waits until every lane has delivered what it was given. */
	synchronized void awaitIdle() throws InterruptedException {
		while (!this.working.isEmpty()) {
			wait();
		}
	}

	/** Whether every lane has delivered what it was given. */
	synchronized boolean idle() {
		return this.working.isEmpty();
	}

	/**
	 * Lets no lane start another turn; rows not yet taken stay where they are in the
	 * outbox, unclaimed, for the next run.
	 */
	synchronized void stop() {
		this.stopped = true;
		this.waiting.values().forEach(Deque::clear);
		this.queued = 0;
		notifyAll();
	}

	private void schedule(String lane) {
		try {
			this.workers.execute(() -> turn(lane));
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the rows stay unclaimed for the next run
			log.warn("A delivery lane could not start: {}", ex.toString());
			this.queued -= this.waiting.get(lane).size();
			this.waiting.get(lane).clear();
			this.working.remove(lane);
			notifyAll();
		}
	}

	private void turn(String lane) {
		List<T> rows = new ArrayList<>(this.group);
		synchronized (this) {
			Deque<T> queue = this.waiting.get(lane);
			while (rows.size() < this.group && !queue.isEmpty()) {
				rows.add(queue.pollFirst());
			}
			this.queued -= rows.size();
		}
		try {
			if (!rows.isEmpty()) {
				this.deliver.accept(rows);
			}
		}
		catch (RuntimeException ex) {
			// the group's claimed rows are sent again once their claim runs out
			log.warn("A delivery lane failed: {}", ex.toString());
		}
		synchronized (this) {
			if (!this.stopped && !this.waiting.get(lane).isEmpty()) {
				schedule(lane);
			}
			else {
				this.working.remove(lane);
				this.dried++;
			}
			notifyAll();
		}
	}

}
