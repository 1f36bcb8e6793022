package se.samla.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.samla.answers.Step;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Level;
import se.samla.surveys.Option;
import se.samla.surveys.Question;

/**
 * One question as a page shows it: its texts in the person's language, the inputs with
 * what is chosen or typed (the recorded answer, or what was just posted when it was
 * refused), and the error to show at it.
 *
 * @param name the step key, prefix of the inputs' names
 * @param id the element id of the question's first input, target of the error summary's
 * link
 * @param label the question's label ("1", "1a")
 * @param number position among the questions asked
 * @param of how many are asked
 * @param type {@code text}, {@code single-choice}, {@code multiple-choice}, {@code scale}
 * or {@code matrix}
 * @param text the question
 * @param help the hint under it, or {@code null}
 * @param item for per-activity questions the activity, else {@code null}
 * @param required whether it must be answered
 * @param multiline for text: several lines expected
 * @param value for text: the text
 * @param options for choices and scales: the options or levels
 * @param comment whether a comment may go with the choice
 * @param commentValue the comment
 * @param rows for a matrix: the rows with their periods
 * @param rowComments for a matrix: whether each row takes a comment
 * @param summary the recorded answer in words, or {@code null}
 * @param error the problem to show at the question, or {@code null}
 */
record QuestionView(String name, String id, String label, int number, int of, String type, String text, String help,
		String item, boolean required, boolean multiline, String value, List<Choice> options, boolean comment,
		String commentValue, List<Row> rows, boolean rowComments, String summary, String error) {

	static QuestionView of(Step step, Language language, FormAnswer posted, String error) {
		Question question = step.question();
		AnswerValue answer = step.answer();
		String name = step.key().toString();
		String id = "f-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
		String value = "";
		String comment = "";
		String chosen = "";
		List<String> chosenMany = List.of();
		Map<String, Map<String, String>> cells = Map.of();
		Map<String, String> rowComments = Map.of();
		if (posted != null) {
			value = posted.text();
			chosen = posted.text();
			chosenMany = List.of(posted.text().split(","));
			comment = posted.comment();
			cells = posted.cells();
			rowComments = posted.rowComments();
		}
		else if (answer instanceof AnswerValue.TextAnswer text) {
			value = text.text();
		}
		else if (answer instanceof AnswerValue.ChoiceAnswer choice) {
			chosen = choice.id();
			comment = (choice.comment() != null) ? choice.comment() : "";
		}
		else if (answer instanceof AnswerValue.ChoicesAnswer choices) {
			chosenMany = choices.ids();
		}
		else if (answer instanceof AnswerValue.MatrixAnswer matrix) {
			cells = matrix.ratings();
			rowComments = matrix.comments();
		}
		List<Choice> options = new ArrayList<>();
		switch (question.type()) {
			case SINGLE_CHOICE -> {
				for (Option option : question.options()) {
					options.add(new Choice(option.id(), id + "-" + option.id(), option.label().in(language), null,
							option.id().equals(chosen)));
				}
			}
			case MULTIPLE_CHOICE -> {
				for (Option option : question.options()) {
					options.add(new Choice(option.id(), id + "-" + option.id(), option.label().in(language), null,
							chosenMany.contains(option.id())));
				}
			}
			case SCALE -> {
				for (Level level : question.scale().levels()) {
					options.add(new Choice(level.id(), id + "-" + level.id(), level.label().in(language),
							describe(level, language), level.id().equals(chosen)));
				}
			}
			default -> {
			}
		}
		List<Row> rows = new ArrayList<>();
		if (question.type() == se.samla.surveys.QuestionType.MATRIX) {
			for (Option row : question.rows()) {
				List<Period> periods = new ArrayList<>();
				Map<String, String> rowCells = cells.getOrDefault(row.id(), Map.of());
				for (Option period : question.periods()) {
					String field = name + ".r." + row.id() + "." + period.id();
					String periodId = id + "-" + row.id() + "-" + period.id();
					List<Choice> levels = new ArrayList<>();
					for (Level level : question.scale().levels()) {
						levels.add(new Choice(level.id(), periodId + "-" + level.id(), level.label().in(language),
								describe(level, language), level.id().equals(rowCells.get(period.id()))));
					}
					periods.add(new Period(field, periodId, period.label().in(language), levels));
				}
				rows.add(new Row(row.label().in(language), id + "-" + row.id(), periods, name + ".k." + row.id(),
						id + "-" + row.id() + "-k", rowComments.getOrDefault(row.id(), "")));
			}
		}
		String firstInput = switch (question.type()) {
			case TEXT -> id;
			case MATRIX -> rows.isEmpty() ? id : rows.get(0).periods().get(0).levels().get(0).id();
			default -> options.isEmpty() ? id : options.get(0).id();
		};
		String summary = (answer != null) ? AnswerFormatter.format(question, answer, language) : null;
		return new QuestionView(name, firstInput, step.label(), step.number(), step.of(), question.type().yamlName(),
				question.text().in(language), (question.help() != null) ? question.help().in(language) : null,
				step.itemLabel(), question.required(), question.multiline(), value, options, question.comment(),
				comment, rows, question.rowComments(), summary, error);
	}

	private static String describe(Level level, Language language) {
		return (level.description() != null) ? level.description().in(language) : null;
	}

	/** The element id of the text input, comment or matrix part. */
	public String commentId() {
		return this.id + "-kommentar";
	}

	/**
	 * An option or level: its value, element id, label, description and whether chosen.
	 */
	record Choice(String value, String id, String label, String description, boolean checked) {
	}

	/** A matrix row (an occupation): its periods and its comment. */
	record Row(String label, String id, List<Period> periods, String commentName, String commentId, String comment) {
	}

	/** One period of a matrix row: a radio group of the levels. */
	record Period(String name, String id, String label, List<Choice> levels) {
	}

}
