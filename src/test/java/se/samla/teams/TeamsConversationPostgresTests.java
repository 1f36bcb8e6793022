package se.samla.teams;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.EmbeddedPostgres;

/**
 * The same Teams conversations on a real PostgreSQL, to keep {@code V12__teams.sql}, the
 * inbox claims and the exactly-once bookings portable.
 */
// Closed right after the class, while the embedded server still runs.
@DirtiesContext
class TeamsConversationPostgresTests extends TeamsConversationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
