package se.samla;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.ScheduleValidator;
import se.samla.digests.internal.ThemeFileException;
import se.samla.digests.internal.ThemeMatcher;
import se.samla.shared.DefinitionProblem;
import se.samla.surveys.QuestionnaireValidator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The three kinds of definition file (questionnaires, send-outs, themes) are read by one
 * reader: the same mistake is reported at the same place in the same words.
 */
class DefinitionFilesTests {

	/** Line 3 repeats the key of line 2; a reader that lets the last one win hides it. */
	private static final String TITLE_TWICE = """
			id: test
			title: Test
			title: Test igen
			""";

	private static final String PROBLEM = ":3: key 'title' appears twice (first on line 2)";

	@Test
	void aKeyWrittenTwiceIsReportedAtItsSecondLineInTheSameWordsByEveryReader(@TempDir Path dir) throws IOException {
		Path conversations = Files.createDirectories(dir.resolve("conversations"));
		Path scheduler = Files.createDirectories(dir.resolve("scheduler"));
		Path questionnaire = write(conversations.resolve("test.yml"), """
				questions:
				  - { id: q1, type: text, text: "Hur?" }
				""");
		write(scheduler.resolve("test.yml"), """
				questionnaire: test
				audience: { networks: [Socialchefsnätverket] }
				opens: 2026-11-24T08:00
				deadline: 2026-12-18
				""");
		Path themes = write(dir.resolve("themes.yml"), """
				areas:
				  - { name: Nyttja tekniken, keywords: [teknik] }
				""");

		List<String> questionnaireProblems = new QuestionnaireValidator().validate(conversations)
			.stream()
			.map(DefinitionProblem::toString)
			.toList();
		List<String> scheduleProblems = assertThatExceptionOfType(ScheduleDefinitionException.class)
			.isThrownBy(() -> ScheduleValidator.read(scheduler, ZoneId.of("Europe/Stockholm")))
			.actual()
			.problems();
		List<String> themeProblems = assertThatExceptionOfType(ThemeFileException.class)
			.isThrownBy(() -> ThemeMatcher.load(themes))
			.actual()
			.problems();

		assertThat(questionnaireProblems).containsExactly(questionnaire + PROBLEM);
		assertThat(scheduleProblems).containsExactly("test.yml" + PROBLEM);
		assertThat(themeProblems).contains(themes + PROBLEM);
	}

	private static Path write(Path file, String rest) throws IOException {
		return Files.writeString(file, TITLE_TWICE + rest);
	}

}
