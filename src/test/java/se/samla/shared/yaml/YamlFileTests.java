package se.samla.shared.yaml;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.samla.shared.DefinitionProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way every definition file (questionnaires, send-outs, themes) is read: each
 * mistake is a {@code file:line: problem}, and reading goes on to find them all.
 */
class YamlFileTests {

	private static final String FILE = "x/test.yml";

	private final YamlProblems problems = new YamlProblems(FILE);

	@Test
	void reportsAKeyWrittenTwiceAtItsSecondLineInsteadOfLettingTheLastWin() {
		YamlMap top = read("""
				id: a
				title: First
				title: Second
				""").orElseThrow();

		assertThat(messages()).containsExactly(FILE + ":3: key 'title' appears twice (first on line 2)");
		assertThat(top.string("title", true)).contains("First");
	}

	@Test
	void namesAKeyWrittenTwiceInASectionByItsPath() {
		YamlMap top = read("""
				reminders:
				  max: 2
				  max: 3
				""").orElseThrow();
		YamlMap.section(top.value("reminders").orElseThrow(), "reminders", this.problems);

		assertThat(messages()).containsExactly(FILE + ":3: key 'reminders.max' appears twice (first on line 2)");
	}

	@Test
	void reportsUnknownKeysWithTheValidOnesListed() {
		YamlMap top = read("""
				id: a
				titel: Typo
				question:
				  txet: Hur?
				""").orElseThrow();
		top.allowOnly(List.of("id", "title", "question"));
		YamlMap question = YamlMap.of(top.value("question").orElseThrow(), "question 'q1'", this.problems)
			.orElseThrow();
		question.allowOnly(List.of("id", "text"));

		assertThat(messages()).containsExactly(FILE + ":2: unknown key 'titel' (expected one of id, title, question)",
				FILE + ":4: question 'q1': unknown key 'txet' (expected one of id, text)");
	}

	@Test
	void reportsAValueOfTheWrongTypeWithWhatWasExpected() {
		YamlMap top = read("""
				max: many
				options: Ja
				required: maybe
				title: [a, b]
				""").orElseThrow();

		assertThat(top.integer("max")).isEmpty();
		assertThat(top.list("options", true)).isEmpty();
		assertThat(top.flag("required", true)).isTrue();
		assertThat(top.string("title", true)).isEmpty();
		assertThat(top.string("intro", true)).isEmpty();
		assertThat(messages()).containsExactly(FILE + ":1: 'max' must be a whole number, not 'many'",
				FILE + ":1: missing required key 'intro'", FILE + ":2: 'options' must be a list, not 'Ja'",
				FILE + ":3: 'required' must be true or false, not 'maybe'",
				FILE + ":4: 'title' must be a single value, not a list");
	}

	@Test
	void reportsALineIndentedWithATabRatherThanSnakeYamlsTokenError() {
		assertThat(read("areas:\n  - name: A\n\t  keywords: [a]\n")).isEmpty();

		assertThat(messages()).containsExactly(FILE + ":3: the line is indented with a tab; YAML needs spaces");
	}

	@Test
	void reportsAnEmptyFileWithWhatItShouldHold() {
		assertThat(read("# nothing yet\n")).isEmpty();

		assertThat(messages()).containsExactly(FILE + ":1: the file is empty; expected a mapping with id and title");
	}

	@Test
	void reportsAFileThatIsNotAMapping() {
		assertThat(read("- id: a\n- id: b\n")).isEmpty();

		assertThat(messages()).containsExactly(FILE + ":1: expected a mapping with id and title, not a list");
	}

	@Test
	void reportsInvalidYamlWithLineAndColumn() {
		assertThat(read("id: a\ntitle: [open\nnext: b\n")).isEmpty();

		assertThat(messages()).singleElement().asString().startsWith(FILE + ":3: invalid YAML: ").contains("(column ");
	}

	@Test
	void reportsAFileThatIsNotUtf8() {
		byte[] latin1 = "id: bär\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(YamlFile.readMapping(latin1, "a mapping", this.problems)).isEmpty();

		assertThat(messages()).containsExactly(FILE + ": the file is not valid UTF-8; save it as UTF-8");
	}

	@Test
	void readsAFileThatStartsWithAByteOrderMark() {
		YamlMap top = read("\uFEFFid: a\n").orElseThrow();

		assertThat(top.string("id", true)).contains("a");
		assertThat(messages()).isEmpty();
	}

	@Test
	void listsProblemsTopToBottomWhateverTheOrderTheyWereFound() {
		this.problems.add(5, "later");
		this.problems.add(2, "earlier");
		this.problems.add(5, "also later");

		assertThat(messages()).containsExactly(FILE + ":2: earlier", FILE + ":5: later", FILE + ":5: also later");
	}

	private Optional<YamlMap> read(String yaml) {
		return YamlFile.readMapping(yaml.getBytes(StandardCharsets.UTF_8), "a mapping with id and title",
				this.problems);
	}

	private List<String> messages() {
		return this.problems.inFileOrder().stream().map(DefinitionProblem::toString).toList();
	}

}
