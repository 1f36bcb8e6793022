package se.samla.teams.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import se.samla.teams.TeamsProperties.Limits;

/**
 * Keeps the bot's requests within Teams' limits before they go out: sliding windows per
 * conversation (7 a second, 8 in 2 seconds, 60 in 30 seconds, 1,800 an hour) and per
 * tenant (50 a second for the app). {@link #acquire} waits until a request fits every
 * window and books it. The windows live in this process: several instances share Teams'
 * limits, and a {@code Retry-After} from Teams covers what they do not see of each other.
 * <p>
 * Every window is kept {@value #GUARD_MILLIS} ms longer than Teams': a request is booked
 * when it leaves, but Teams counts it when it arrives, and the time in between varies.
 * Without the guard a request booked just as its window allows can arrive less than a
 * window after the one it replaces and earn a 429 with a {@code Retry-After} of a second
 * or more (measured in {@code TeamsDispatchBenchmark}: about 0.5 % of requests, costing
 * 40 % of the send rate). With it the bot can use at most 95 % of a one-second ceiling,
 * and is refused only when a request takes more than the guard to get out (a very busy
 * machine).
 */
final class Throttle {

	private static final int MAX_CONVERSATIONS = 20_000;

	/** How much longer than Teams' each window is kept (see the class comment). */
	static final long GUARD_MILLIS = 50;

	private final LongSupplier millis;

	private final Sleeper sleeper;

	private final Window[] perConversation;

	private final int perTenant;

	private final Map<String, Deque<Long>> tenants = new LinkedHashMap<>();

	private final Map<String, Deque<Long>> conversations = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
			return size() > MAX_CONVERSATIONS;
		}

	};

	/**
	 * @param millis a monotonic time in milliseconds: real time, not the business clock
	 * (which tests hold still)
	 */
	Throttle(Limits limits, LongSupplier millis, Sleeper sleeper) {
		this.millis = millis;
		this.sleeper = sleeper;
		this.perConversation = new Window[] { new Window(limits.perConversationPerSecond(), 1_000 + GUARD_MILLIS),
				new Window(limits.perConversationPer2Seconds(), 2_000 + GUARD_MILLIS),
				new Window(limits.perConversationPer30Seconds(), 30_000 + GUARD_MILLIS),
				new Window(limits.perConversationPerHour(), 3_600_000 + GUARD_MILLIS) };
		this.perTenant = limits.perTenantPerSecond();
	}

	/**
	 * Waits until one more request to the conversation (may be {@code null}, e.g. when a
	 * chat is opened) and the tenant fits the limits, and books it.
	 */
	void acquire(String tenant, String conversation) throws InterruptedException {
		while (true) {
			long wait;
			synchronized (this) {
				long now = this.millis.getAsLong();
				Deque<Long> tenantTimes = this.tenants.computeIfAbsent(String.valueOf(tenant),
						key -> new ArrayDeque<>());
				Deque<Long> conversationTimes = (conversation != null)
						? this.conversations.computeIfAbsent(conversation, key -> new ArrayDeque<>()) : null;
				wait = waitFor(tenantTimes, new Window(this.perTenant, 1_000 + GUARD_MILLIS), now);
				if (conversationTimes != null) {
					for (Window window : this.perConversation) {
						wait = Math.max(wait, waitFor(conversationTimes, window, now));
					}
				}
				if (wait <= 0) {
					tenantTimes.addLast(now);
					prune(tenantTimes, now, 1_000 + GUARD_MILLIS);
					if (conversationTimes != null) {
						conversationTimes.addLast(now);
						prune(conversationTimes, now, 3_600_000 + GUARD_MILLIS);
					}
					return;
				}
			}
			this.sleeper.sleep(Duration.ofMillis(wait));
		}
	}

	/** How long until one more request fits the window (0 when it fits now). */
	private static long waitFor(Deque<Long> times, Window window, long now) {
		if (window.max() <= 0) {
			return 0;
		}
		int inWindow = 0;
		long oldestInWindow = Long.MAX_VALUE;
		var descending = times.descendingIterator();
		while (descending.hasNext()) {
			long at = descending.next();
			if (at <= now - window.millis()) {
				break;
			}
			inWindow++;
			oldestInWindow = at;
			if (inWindow >= window.max()) {
				// the window is full: one more fits once the oldest of these leaves it
				return oldestInWindow + window.millis() - now;
			}
		}
		return 0;
	}

	private static void prune(Deque<Long> times, long now, long keepMillis) {
		while (!times.isEmpty() && times.peekFirst() <= now - keepMillis) {
			times.pollFirst();
		}
	}

	private record Window(int max, long millis) {
	}

}
