package se.samla.directory.internal;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.EmbeddedPostgres;

/**
 * The same imports on a real PostgreSQL (zonky's embedded binaries), migrated by the same
 * Flyway scripts, to keep {@code V3__directory.sql} and the mapping portable.
 */
// Closed right after the class, while the embedded server still runs: a context left for
// the JVM shutdown would try to reach PostgreSQL after zonky has stopped it.
@DirtiesContext
class DirectoryImportPostgresTests extends DirectoryImportTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		EmbeddedPostgres.register(registry);
	}

}
