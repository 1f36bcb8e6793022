package se.samla.surveys.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.surveys.QuestionnaireId;

/**
 * The text of every questionnaire version ever loaded, kept so that answers are always
 * read against the questions they were given to.
 */
@Repository
class QuestionnaireSnapshots {

	private final JdbcClient jdbc;

	QuestionnaireSnapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Snapshot(String sourceName, String content) {
	}

	/** Stores a version unless it is already stored; a version's text never changes. */
	void storeIfAbsent(QuestionnaireId id, String version, String sourceName, String content) {
		if (find(id, version).isPresent()) {
			return;
		}
		try {
			this.jdbc.sql("""
					INSERT INTO questionnaire_version (questionnaire_id, version, source_name, content, loaded_at)
					VALUES (:id, :version, :sourceName, :content, :loadedAt)
					""")
				.param("id", id.value())
				.param("version", version)
				.param("sourceName", sourceName)
				.param("content", content)
				.param("loadedAt", OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another instance stored the same version at the same moment: that is fine
		}
	}

	Optional<Snapshot> find(QuestionnaireId id, String version) {
		return this.jdbc.sql("""
				SELECT source_name, content FROM questionnaire_version
				WHERE questionnaire_id = :id AND version = :version
				""")
			.param("id", id.value())
			.param("version", version)
			.query((row, number) -> new Snapshot(row.getString("source_name"), row.getString("content")))
			.optional();
	}

}
