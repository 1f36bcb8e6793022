package se.samla.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One question of a questionnaire. Which of the optional parts are set depends on the
 * {@link QuestionType}: options for choices, a scale for scales and matrices, rows and
 * periods for matrices. The parser guarantees that the parts a type needs are present.
 *
 * @param id stable id, unique within the questionnaire
 * @param type the kind of question
 * @param text the question as asked
 * @param help an optional hint shown under the question, or {@code null}
 * @param required whether the respondent must answer before submitting
 * @param showIf makes this a conditional follow-up, or {@code null}
 * @param multiline for text: whether several lines are expected
 * @param maxLength for text: the longest accepted answer
 * @param options for choices: the options
 * @param minChoices for multiple choice: the fewest options to choose, or {@code null}
 * @param maxChoices for multiple choice: the most options to choose, or {@code null}
 * @param scale for scales and matrices: the levels
 * @param rows for matrices: what is rated (e.g. occupations)
 * @param periods for matrices: when (e.g. now and the coming three years)
 * @param rowComments for matrices: whether a comment per row is offered
 * @param comment for single choices and scales: whether a comment may go with the chosen
 * option (an explanation written after it is kept as the comment)
 */
public record Question(String id, QuestionType type, Text text, Text help, boolean required, Condition showIf,
		boolean multiline, int maxLength, List<Option> options, Integer minChoices, Integer maxChoices, Scale scale,
		List<Option> rows, List<Option> periods, boolean rowComments, boolean comment) {

	/**
	 * The longest free-text answer accepted unless a question says otherwise: generous,
	 * because an email answer may run to many pages and nothing a person writes is to be
	 * lost.
	 */
	public static final int DEFAULT_MAX_LENGTH = 200_000;

	public Question {
		options = (options != null) ? List.copyOf(options) : List.of();
		rows = (rows != null) ? List.copyOf(rows) : List.of();
		periods = (periods != null) ? List.copyOf(periods) : List.of();
		if (maxLength <= 0) {
			maxLength = DEFAULT_MAX_LENGTH;
		}
	}

	/** A question without a comment to its choice. */
	public Question(String id, QuestionType type, Text text, Text help, boolean required, Condition showIf,
			boolean multiline, int maxLength, List<Option> options, Integer minChoices, Integer maxChoices, Scale scale,
			List<Option> rows, List<Option> periods, boolean rowComments) {
		this(id, type, text, help, required, showIf, multiline, maxLength, options, minChoices, maxChoices, scale, rows,
				periods, rowComments, false);
	}

	public boolean isFollowUp() {
		return this.showIf != null;
	}

	public Optional<Option> option(String optionId) {
		return this.options.stream().filter(option -> option.id().equals(optionId)).findFirst();
	}

	/** The ids an answer to this question may mention: options or scale levels. */
	public List<String> choiceIds() {
		if (this.type == QuestionType.SCALE || this.type == QuestionType.MATRIX) {
			return this.scale.levels().stream().map(Level::id).toList();
		}
		return this.options.stream().map(Option::id).toList();
	}

	/**
	 * Checks an answer against this question's type and rules.
	 * @param answer the answer to check
	 * @return the problems found, empty when the answer is acceptable
	 */
	public List<Problem> validate(AnswerValue answer) {
		List<Problem> problems = new ArrayList<>();
		switch (this.type) {
			case TEXT -> validateText(answer, problems);
			case SINGLE_CHOICE, SCALE -> validateChoice(answer, problems);
			case MULTIPLE_CHOICE -> validateChoices(answer, problems);
			case MATRIX -> validateMatrix(answer, problems);
		}
		return problems;
	}

	private void validateText(AnswerValue answer, List<Problem> problems) {
		if (!(answer instanceof AnswerValue.TextAnswer text)) {
			problems.add(Problem.of("answer.wrong-type"));
			return;
		}
		if (text.text().isBlank()) {
			problems.add(Problem.of("answer.empty"));
		}
		else if (text.text().length() > this.maxLength) {
			problems.add(Problem.of("answer.too-long", this.maxLength));
		}
	}

	private void validateChoice(AnswerValue answer, List<Problem> problems) {
		if (!(answer instanceof AnswerValue.ChoiceAnswer choice)) {
			problems.add(Problem.of("answer.wrong-type"));
			return;
		}
		if (!choiceIds().contains(choice.id())) {
			problems.add(Problem.of("answer.unknown-option", choice.id()));
		}
		if (choice.comment() != null) {
			if (!this.comment) {
				problems.add(Problem.of("answer.unexpected-comment", this.text.sv()));
			}
			else if (choice.comment().length() > this.maxLength) {
				problems.add(Problem.of("answer.too-long", this.maxLength));
			}
		}
	}

	private void validateChoices(AnswerValue answer, List<Problem> problems) {
		if (!(answer instanceof AnswerValue.ChoicesAnswer choices)) {
			problems.add(Problem.of("answer.wrong-type"));
			return;
		}
		for (String id : choices.ids()) {
			if (!choiceIds().contains(id)) {
				problems.add(Problem.of("answer.unknown-option", id));
			}
		}
		if (new HashSet<>(choices.ids()).size() != choices.ids().size()) {
			problems.add(Problem.of("answer.duplicate-option"));
		}
		int min = (this.minChoices != null) ? this.minChoices : 1;
		if (choices.ids().size() < min) {
			problems.add(Problem.of("answer.too-few-options", min));
		}
		if (this.maxChoices != null && choices.ids().size() > this.maxChoices) {
			problems.add(Problem.of("answer.too-many-options", this.maxChoices));
		}
	}

	private void validateMatrix(AnswerValue answer, List<Problem> problems) {
		if (!(answer instanceof AnswerValue.MatrixAnswer matrix)) {
			problems.add(Problem.of("answer.wrong-type"));
			return;
		}
		List<String> rowIds = this.rows.stream().map(Option::id).toList();
		List<String> periodIds = this.periods.stream().map(Option::id).toList();
		for (Map.Entry<String, Map<String, String>> row : matrix.ratings().entrySet()) {
			if (!rowIds.contains(row.getKey())) {
				problems.add(Problem.of("answer.unknown-row", row.getKey()));
				continue;
			}
			for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
				if (!periodIds.contains(cell.getKey())) {
					problems.add(Problem.of("answer.unknown-period", cell.getKey()));
				}
				else if (this.scale.level(cell.getValue()).isEmpty()) {
					problems.add(Problem.of("answer.unknown-option", cell.getValue()));
				}
			}
		}
		for (String commentRow : matrix.comments().keySet()) {
			if (!this.rowComments || !rowIds.contains(commentRow)) {
				problems.add(Problem.of("answer.unexpected-comment", commentRow));
			}
		}
		for (String comment : matrix.comments().values()) {
			if (comment.length() > this.maxLength) {
				problems.add(Problem.of("answer.too-long", this.maxLength));
			}
		}
		if (!problems.isEmpty()) {
			return;
		}
		for (Option row : this.rows) {
			for (Option period : this.periods) {
				if (!matrix.ratings().getOrDefault(row.id(), Map.of()).containsKey(period.id())) {
					problems.add(Problem.of("answer.matrix-incomplete", row.label().sv(), period.label().sv()));
				}
			}
		}
	}

}
