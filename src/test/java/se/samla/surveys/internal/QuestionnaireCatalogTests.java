package se.samla.surveys.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import se.samla.surveys.QuestionnaireDefinitionException;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Loading a directory: all files, or a failure that lists every problem of every file.
 */
class QuestionnaireCatalogTests {

	@TempDir
	Path directory;

	private final QuestionnaireSnapshots snapshots = mock(QuestionnaireSnapshots.class);

	@Test
	void loadsEveryFileOrderedById() throws IOException {
		write("b.yml", "id: b\ntitle: B\nquestions:\n  - { id: q1, type: text, text: Hur }\n");
		write("a.yaml", "id: a\ntitle: A\nquestions:\n  - { id: q1, type: text, text: Hur }\n");
		Files.writeString(this.directory.resolve("notes.txt"), "not a questionnaire");
		QuestionnaireCatalog catalog = catalog();
		catalog.afterPropertiesSet();
		assertThat(catalog.current()).extracting((questionnaire) -> questionnaire.id().value())
			.containsExactly("a", "b");
		assertThat(catalog.current(new QuestionnaireId("a"))).isPresent();
		verify(this.snapshots).storeIfAbsent(eq(new QuestionnaireId("a")), anyString(), any(), any());
	}

	@Test
	void failsListingTheProblemsOfAllFilesWithTheirLines() throws IOException {
		write("a.yml", "id: a\ntitle: A\nquestions:\n  - { id: q1, type: choise, text: Hur }\n");
		write("b.yml", "id: b\ntitel: B\nquestions:\n  - { id: q1, type: text, text: Hur }\n");
		assertThatExceptionOfType(QuestionnaireDefinitionException.class).isThrownBy(catalog()::afterPropertiesSet)
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(3))
			.withMessageContaining(this.directory.resolve("a.yml") + ":4: question 'q1': unknown type 'choise'")
			.withMessageContaining(this.directory.resolve("b.yml") + ":1: missing required key 'title'")
			.withMessageContaining(this.directory.resolve("b.yml") + ":2: unknown key 'titel'");
	}

	@Test
	void failsClearlyWhenTheDirectoryIsMissing() {
		Path missing = this.directory.resolve("nowhere");
		QuestionnaireCatalog catalog = new QuestionnaireCatalog(new SurveysProperties(missing), this.snapshots);
		assertThatExceptionOfType(QuestionnaireDefinitionException.class).isThrownBy(catalog::afterPropertiesSet)
			.withMessageContaining(missing + ": the questionnaire directory does not exist");
	}

	@Test
	void failureAnalysisShowsTheProblemsAndWhatToDo() throws IOException {
		write("a.yml", "id: a\ntitle: A\nquestions: []\n");
		QuestionnaireDefinitionException failure = new QuestionnaireDefinitionException(
				new QuestionnaireFiles().readDirectory(this.directory).problems());
		FailureAnalysis analysis = new QuestionnaireDefinitionFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains(this.directory.resolve("a.yml") + ":3: 'questions' is empty");
		assertThat(analysis.getAction()).contains("validate");
	}

	private QuestionnaireCatalog catalog() {
		return new QuestionnaireCatalog(new SurveysProperties(this.directory), this.snapshots);
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content);
	}

}
