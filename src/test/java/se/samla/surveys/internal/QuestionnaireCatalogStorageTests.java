package se.samla.surveys.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.UnknownQuestionnaireException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loaded versions are stored (on the Flyway schema, H2 in PostgreSQL mode) so that an
 * earlier version is still available after its file has changed.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class QuestionnaireCatalogStorageTests {

	private static final QuestionnaireId FOLLOW_UP = new QuestionnaireId("uppfoljning");

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path directory;

	@Test
	void storesEachLoadedVersionOnlyOnce() throws IOException {
		write("Vad är status?");
		load();
		load();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM questionnaire_version WHERE questionnaire_id = 'uppfoljning'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void returnsAnEarlierVersionAfterTheFileChanged() throws IOException {
		write("Vad är status?");
		String firstVersion = load().current(FOLLOW_UP).orElseThrow().version();
		write("Hur går det med aktiviteten?");
		QuestionnaireCatalog catalog = load();
		Questionnaire current = catalog.current(FOLLOW_UP).orElseThrow();
		assertThat(current.version()).isNotEqualTo(firstVersion);
		Questionnaire earlier = catalog.version(FOLLOW_UP, firstVersion);
		assertThat(earlier.version()).isEqualTo(firstVersion);
		assertThat(earlier.questions().get(0).text().sv()).isEqualTo("Vad är status?");
		assertThat(catalog.version(FOLLOW_UP, firstVersion)).isSameAs(earlier);
		assertThat(catalog.version(FOLLOW_UP, current.version())).isSameAs(current);
	}

	@Test
	void rejectsAVersionThatWasNeverLoaded() throws IOException {
		write("Vad är status?");
		QuestionnaireCatalog catalog = load();
		assertThatExceptionOfType(UnknownQuestionnaireException.class)
			.isThrownBy(() -> catalog.version(FOLLOW_UP, "000000000000"));
	}

	private QuestionnaireCatalog load() {
		QuestionnaireCatalog catalog = new QuestionnaireCatalog(new SurveysProperties(this.directory),
				new QuestionnaireSnapshots(this.jdbc));
		catalog.afterPropertiesSet();
		return catalog;
	}

	private void write(String question) throws IOException {
		Files.writeString(this.directory.resolve("uppfoljning.yml"), """
				id: uppfoljning
				title: Uppföljning
				questions:
				  - id: q1
				    type: text
				    text: %s
				""".formatted(question));
	}

}
