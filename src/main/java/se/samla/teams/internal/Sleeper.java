package se.samla.teams.internal;

import java.time.Duration;

/**
 * Waits, for the rate limits and retries. Tests replace it so that throttling is tested
 * without sleeping.
 */
@FunctionalInterface
public interface Sleeper {

	void sleep(Duration duration) throws InterruptedException;

	static Sleeper real() {
		return duration -> {
			if (!duration.isNegative() && !duration.isZero()) {
				Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
			}
		};
	}

}
