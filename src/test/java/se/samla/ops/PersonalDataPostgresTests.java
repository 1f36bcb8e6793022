package se.samla.ops;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.EmbeddedPostgres;

/** Export and erasure on a real PostgreSQL, migrated by the same Flyway scripts. */
// Closed right after the class, while the embedded server still runs.
@DirtiesContext
class PersonalDataPostgresTests extends PersonalDataTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
