package se.samla;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import se.samla.ops.OperatorCli;

/**
 * Samla collects survey answers from chiefs in Teams chat and by email, on a schedule,
 * and compiles them into digests for the networks that plan the workforce together.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SamlaApplication {

	/** The one source of "now": tests replace it to walk schedules without sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		if (OperatorCli.handles(args)) {
			System.exit(OperatorCli.main(SamlaApplication.class, args));
		}
		SpringApplication.run(SamlaApplication.class, args);
	}

}
