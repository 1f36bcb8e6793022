package se.samla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Samla collects survey answers from chiefs in Teams chat and by email, on a schedule,
 * and compiles them into digests for the networks that plan the workforce together.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SamlaApplication {

	public static void main(String[] args) {
		SpringApplication.run(SamlaApplication.class, args);
	}

}
