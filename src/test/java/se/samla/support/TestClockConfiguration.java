package se.samla.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the system clock with a {@link MutableClock} starting on 2026-11-25 10:00 UTC.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(START);
	}

}
