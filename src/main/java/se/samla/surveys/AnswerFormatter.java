package se.samla.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import se.samla.shared.Language;

/**
 * Writes an answer as a person reads it: option and level labels instead of ids, a matrix
 * as one line per row. Used by confirmations, operator views and digests alike.
 */
public final class AnswerFormatter {

	private AnswerFormatter() {
	}

	public static String format(Question question, AnswerValue answer, Language language) {
		if (answer == null) {
			return "";
		}
		if (answer instanceof AnswerValue.TextAnswer text) {
			return text.text();
		}
		if (answer instanceof AnswerValue.ChoiceAnswer choice) {
			String label = label(question, choice.id(), language);
			return (choice.comment() != null) ? label + " – " + choice.comment() : label;
		}
		if (answer instanceof AnswerValue.ChoicesAnswer choices) {
			return choices.ids().stream().map(id -> label(question, id, language)).collect(Collectors.joining(", "));
		}
		AnswerValue.MatrixAnswer matrix = (AnswerValue.MatrixAnswer) answer;
		List<String> lines = new ArrayList<>();
		for (Option row : question.rows()) {
			Map<String, String> cells = matrix.ratings().get(row.id());
			if (cells == null && !matrix.comments().containsKey(row.id())) {
				continue;
			}
			List<String> ratings = new ArrayList<>();
			for (Option period : question.periods()) {
				String level = (cells != null) ? cells.get(period.id()) : null;
				if (level != null) {
					ratings.add(period.label().in(language) + ": " + label(question, level, language));
				}
			}
			String line = row.label().in(language) + " – " + String.join(", ", ratings);
			String comment = matrix.comments().get(row.id());
			lines.add((comment != null) ? line + " (" + comment + ")" : line);
		}
		return String.join("\n", lines);
	}

	private static String label(Question question, String id, Language language) {
		if (question.scale() != null) {
			return question.scale().level(id).map(level -> level.label().in(language)).orElse(id);
		}
		return question.option(id).map(option -> option.label().in(language)).orElse(id);
	}

}
