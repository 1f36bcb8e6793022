package se.samla.answers;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.EmbeddedPostgres;

/**
 * The response engine's journeys on a real PostgreSQL, migrated by the same Flyway
 * scripts.
 */
class ResponseEnginePostgresTests extends ResponseEngineContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
