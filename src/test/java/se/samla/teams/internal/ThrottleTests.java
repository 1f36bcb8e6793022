package se.samla.teams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.samla.support.MutableClock;
import se.samla.teams.TeamsProperties.Limits;

/**
 * The throttle keeps Teams' limits by waiting, on a clock that only moves when it waits.
 */
class ThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

	private final List<Instant> sent = new ArrayList<>();

	private final Throttle throttle = new Throttle(new Limits(7, 8, 60, 1800, 50), this.clock::millis,
			this.clock::advance);

	@Test
	void sendsNoMoreThanSevenASecondToOneConversation() throws InterruptedException {
		send("conversation", 30);
		assertThat(maxIn(Duration.ofSeconds(1))).isEqualTo(7);
		assertThat(maxIn(Duration.ofSeconds(2))).isLessThanOrEqualTo(8);
	}

	@Test
	void sendsNoMoreThanSixtyInThirtySecondsToOneConversation() throws InterruptedException {
		send("conversation", 150);
		assertThat(maxIn(Duration.ofSeconds(30))).isEqualTo(60);
		// and no slower than that: 150 messages need a little over two windows of 30 s
		assertThat(Duration.between(this.sent.get(0), this.sent.get(149))).isLessThan(Duration.ofSeconds(75));
	}

	@Test
	void sendsNoMoreThanFiftyASecondToATenantAcrossConversations() throws InterruptedException {
		for (int i = 0; i < 500; i++) {
			this.throttle.acquire("tenant", "conversation-" + i);
			this.sent.add(this.clock.instant());
		}
		assertThat(maxIn(Duration.ofSeconds(1))).isEqualTo(50);
		assertThat(Duration.between(this.sent.get(0), this.sent.get(499))).isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void leavesRoomForTheTimeARequestTakesToReachTeams() throws InterruptedException {
		for (int i = 0; i < 51; i++) {
			this.throttle.acquire("tenant", "conversation-" + i);
			this.sent.add(this.clock.instant());
		}
		// the 51st waits until the first is a window and the guard behind
		assertThat(Duration.between(this.sent.get(0), this.sent.get(50)))
			.isEqualTo(Duration.ofMillis(1_000 + Throttle.GUARD_MILLIS));
	}

	@Test
	void doesNotWaitWhileWithinTheLimits() throws InterruptedException {
		Instant start = this.clock.instant();
		send("conversation", 7);
		assertThat(this.clock.instant()).isEqualTo(start);
	}

	private void send(String conversation, int count) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			this.throttle.acquire("tenant", conversation);
			this.sent.add(this.clock.instant());
		}
	}

	/** The most sends that fell in any window of the given length. */
	private int maxIn(Duration window) {
		int max = 0;
		for (int i = 0; i < this.sent.size(); i++) {
			Instant end = this.sent.get(i).plus(window);
			int count = 0;
			for (int j = i; j < this.sent.size() && this.sent.get(j).isBefore(end); j++) {
				count++;
			}
			max = Math.max(max, count);
		}
		return max;
	}

}
