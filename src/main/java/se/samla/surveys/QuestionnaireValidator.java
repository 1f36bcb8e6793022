package se.samla.surveys;

import java.nio.file.Path;
import java.util.List;

import se.samla.shared.DefinitionProblem;
import se.samla.surveys.internal.QuestionnaireFiles;

/**
 * Checks a directory of questionnaire files without starting the application, for the
 * operator command {@code validate} and for editors who want to know before a restart
 * whether their change will load. It applies exactly the rules used at start-up.
 */
public final class QuestionnaireValidator {

	private final QuestionnaireFiles files = new QuestionnaireFiles();

	/**
	 * @param directory the directory holding the {@code *.yml} files
	 * @return every problem in every file, empty when all files are fine
	 */
	public List<DefinitionProblem> validate(Path directory) {
		return this.files.readDirectory(directory).problems();
	}

	/**
	 * @param directory the directory holding the {@code *.yml} files
	 * @return the questionnaires, ordered by file name
	 * @throws QuestionnaireDefinitionException listing every problem, if there is any
	 */
	public List<Questionnaire> load(Path directory) {
		QuestionnaireFiles.Result result = this.files.readDirectory(directory);
		if (!result.problems().isEmpty()) {
			throw new QuestionnaireDefinitionException(result.problems());
		}
		return result.definitions().stream().map(QuestionnaireFiles.Definition::questionnaire).toList();
	}

}
