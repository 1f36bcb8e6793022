package se.samla.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import se.samla.web.WebProperties;

/**
 * Counts the unknown links each address tries: past the allowed number within the window,
 * the address is refused until its oldest guess leaves the window, so links cannot be
 * found by trying. By the socket's peer address only, never a forwarded header a caller
 * could write.
 */
class GuessLimiter {

	private static final int MAX_ADDRESSES = 100_000;

	private final int allowed;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

	GuessLimiter(WebProperties properties, Clock clock) {
		this.allowed = properties.guesses();
		this.window = properties.guessWindow();
		this.clock = clock;
	}

	boolean isBlocked(String address) {
		Deque<Instant> recent = this.misses.get(address);
		if (recent == null) {
			return false;
		}
		synchronized (recent) {
			forgetOld(recent);
			return recent.size() >= this.allowed;
		}
	}

	void failed(String address) {
		if (this.misses.size() > MAX_ADDRESSES) {
			this.misses.values().removeIf(recent -> {
				synchronized (recent) {
					forgetOld(recent);
					return recent.isEmpty();
				}
			});
		}
		Deque<Instant> recent = this.misses.computeIfAbsent(address, a -> new ArrayDeque<>());
		synchronized (recent) {
			forgetOld(recent);
			recent.addLast(this.clock.instant());
		}
	}

	Duration window() {
		return this.window;
	}

	private void forgetOld(Deque<Instant> recent) {
		Instant horizon = this.clock.instant().minus(this.window);
		while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
			recent.pollFirst();
		}
	}

}
