package se.samla.surveys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import se.samla.shared.DefinitionProblem;
import se.samla.surveys.Questionnaire;

/**
 * Reads the questionnaire files of a directory ({@code *.yml} and {@code *.yaml}), or one
 * stored snapshot, collecting the problems of every file. Public only so that
 * {@link se.samla.surveys.QuestionnaireValidator} can use it; other modules use the
 * validator or {@link se.samla.surveys.Questionnaires}.
 */
public final class QuestionnaireFiles {

	/**
	 * Files beside the questionnaires that are not questionnaires: {@code themes.yml}
	 * holds the digest's keywords per development area (read by the digests module).
	 */
	private static final Set<String> NOT_QUESTIONNAIRES = Set.of("themes.yml", "themes.yaml");

	/**
	 * A questionnaire together with the exact text it was read from, which is what gets
	 * stored as the snapshot of its version.
	 */
	public record Definition(Questionnaire questionnaire, String content) {
	}

	/** The definitions read without problems, and the problems of all the others. */
	public record Result(List<Definition> definitions, List<DefinitionProblem> problems) {

		public Result {
			definitions = List.copyOf(definitions);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Reads every questionnaire file in a directory, in file name order.
	 * @param directory the directory, named in messages as given
	 * @return the definitions and the problems; a missing directory or one without
	 * questionnaire files is a problem too
	 */
	public Result readDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			return new Result(List.of(), List.of(new DefinitionProblem(directory.toString(), 0,
					"the questionnaire directory does not exist (set samla.surveys.location or SAMLA_CONVERSATIONS)")));
		}
		List<Definition> definitions = new ArrayList<>();
		List<DefinitionProblem> problems = new ArrayList<>();
		List<Path> files = questionnaireFiles(directory);
		if (files.isEmpty()) {
			problems
				.add(new DefinitionProblem(directory.toString(), 0, "no questionnaire files (*.yml, *.yaml) found"));
		}
		for (Path file : files) {
			String source = directory.resolve(file.getFileName()).normalize().toString();
			byte[] content = readAllBytes(file);
			QuestionnaireParser.Result result = new QuestionnaireParser(source, content).parse();
			problems.addAll(result.problems());
			result.questionnaire()
				.ifPresent((questionnaire) -> definitions
					.add(new Definition(questionnaire, new String(content, StandardCharsets.UTF_8))));
		}
		return new Result(definitions, problems);
	}

	/** Reads a snapshot stored when an earlier version of a file was loaded. */
	Optional<Questionnaire> readSnapshot(String source, String content) {
		return new QuestionnaireParser(source, content.getBytes(StandardCharsets.UTF_8)).parse().questionnaire();
	}

	private static List<Path> questionnaireFiles(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().matches(".+\\.(yml|yaml)"))
				.filter((file) -> !NOT_QUESTIONNAIRES.contains(file.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
	}

	private static byte[] readAllBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

}
