package se.samla.answers;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.EmbeddedPostgres;

/**
 * The response engine's journeys on a real PostgreSQL, migrated by the same Flyway
 * scripts.
 */
// Closed right after the class, while the embedded server still runs: a context left for
// the JVM shutdown would try to reach PostgreSQL after zonky has stopped it.
@DirtiesContext
class ResponseEnginePostgresTests extends ResponseEngineContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
