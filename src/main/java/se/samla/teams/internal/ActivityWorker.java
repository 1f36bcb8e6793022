package se.samla.teams.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.bot.schema.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import se.samla.teams.TeamsProperties;
import se.samla.teams.internal.InboundActivities.Inbound;
import se.samla.teams.internal.InboundActivities.Status;

/**
 * Answers the kept activities: one conversation at a time per worker, in the order Teams
 * sent them. A sweep every few seconds picks up what no worker was woken for (a full
 * queue, another instance's crash, a retry that is due), so an activity kept is answered
 * even if the process stopped before it was.
 */
class ActivityWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ActivityWorker.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int MAX_ATTEMPTS = 5;

	private final InboundActivities inbound;

	private final Bot bot;

	private final Clock clock;

	private final TeamsProperties properties;

	private final String name = "teams-" + UUID.randomUUID().toString().substring(0, 8);

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	private ExecutorService workers;

	private ScheduledExecutorService sweeper;

	private volatile boolean running;

	ActivityWorker(InboundActivities inbound, Bot bot, Clock clock, TeamsProperties properties) {
		this.inbound = inbound;
		this.bot = bot;
		this.clock = clock;
		this.properties = properties;
	}

	/** Something arrived for a conversation: answer it soon. */
	void wake(String conversation) {
		if (!this.running || !this.queued.add(conversation)) {
			return;
		}
		try {
			this.workers.execute(() -> drain(conversation));
		}
		catch (RejectedExecutionException busy) {
			// the sweep will come back to it
			this.queued.remove(conversation);
		}
	}

	private void drain(String conversation) {
		try {
			while (this.running) {
				Optional<Inbound> next = this.inbound.claimNext(conversation, this.name, this.clock.instant(), LEASE);
				if (next.isEmpty()) {
					break;
				}
				handle(next.get());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Teams worker stopped on a conversation: {}", ex.getClass().getSimpleName());
		}
		finally {
			this.queued.remove(conversation);
		}
	}

	void handle(Inbound activity) {
		Instant now = this.clock.instant();
		try {
			Activity parsed = ActivityReader.read(activity.body()).orElse(null);
			if (parsed == null) {
				this.inbound.finish(activity.id(), Status.FAILED, "unreadable activity", now);
				return;
			}
			this.bot.handle(activity.id().toString(), parsed);
			this.inbound.finish(activity.id(), Status.DONE, null, this.clock.instant());
		}
		catch (ConnectorFailure | RuntimeException ex) {
			String detail = ex.getClass().getSimpleName()
					+ ((ex instanceof ConnectorFailure failure) ? " " + failure.kind() + ": " + ex.getMessage() : "");
			if (activity.attempts() >= MAX_ATTEMPTS) {
				log.warn("Teams activity {} failed {} times; given up: {}", activity.id(), activity.attempts(), detail);
				this.inbound.finish(activity.id(), Status.FAILED, detail, this.clock.instant());
			}
			else {
				Duration pause = Duration.ofSeconds(5L << Math.min(activity.attempts(), 6));
				log.info("Teams activity {} not answered yet ({}); retrying in {} s", activity.id(), detail,
						pause.toSeconds());
				this.inbound.release(activity.id(), this.clock.instant().plus(pause), detail);
			}
		}
	}

	/** Wakes a worker for every conversation with activities waiting. */
	void sweep() {
		try {
			for (String conversation : this.inbound.waitingConversations(this.clock.instant(), 1000)) {
				wake(conversation);
			}
			this.inbound.dropBodiesBefore(this.clock.instant().minus(this.properties.retention()));
		}
		catch (RuntimeException ex) {
			log.warn("Teams sweep failed: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		AtomicInteger count = new AtomicInteger();
		this.workers = new java.util.concurrent.ThreadPoolExecutor(this.properties.workers(), this.properties.workers(),
				60, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(10_000),
				runnable -> daemon(runnable, "teams-worker-" + count.incrementAndGet()));
		this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "teams-sweeper"));
		this.running = true;
		this.sweeper.scheduleWithFixedDelay(this::sweep, 0, 2, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.sweeper.shutdownNow();
		this.workers.shutdown();
		try {
			// an activity cut short is claimed again after its lease: nothing is lost
			this.workers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.workers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

}
