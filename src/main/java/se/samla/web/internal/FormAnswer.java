package se.samla.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.samla.surveys.AnswerValue;
import se.samla.surveys.Option;
import se.samla.surveys.Question;

/**
 * What a form posted for one question, read into an answer. Field names start with the
 * step's field prefix: {@code p} for the answer itself (text, the chosen option or level,
 * the chosen options), {@code p.kommentar} for a comment, {@code p.r.ROW.PERIOD} for a
 * matrix cell and {@code p.k.ROW} for a row's comment.
 *
 * @param value the answer, or {@code null} when nothing was given
 * @param text what was typed, to show again when the answer is refused
 * @param comment the comment typed, to show again
 * @param cells the matrix cells chosen, row to period to level, to show again
 * @param rowComments the matrix comments typed, to show again
 */
record FormAnswer(AnswerValue value, String text, String comment, Map<String, Map<String, String>> cells,
		Map<String, String> rowComments) {

	static FormAnswer read(Question question, String prefix, Map<String, String[]> form) {
		return switch (question.type()) {
			case TEXT -> {
				String text = first(form, prefix);
				yield new FormAnswer(text.isBlank() ? null : new AnswerValue.TextAnswer(text), text, "", Map.of(),
						Map.of());
			}
			case SINGLE_CHOICE, SCALE -> {
				String chosen = first(form, prefix);
				String comment = first(form, prefix + ".kommentar");
				AnswerValue value = chosen.isBlank() ? null
						: new AnswerValue.ChoiceAnswer(chosen, question.comment() ? blankToNull(comment) : null);
				yield new FormAnswer(value, chosen, comment, Map.of(), Map.of());
			}
			case MULTIPLE_CHOICE -> {
				String[] chosen = form.getOrDefault(prefix, new String[0]);
				List<String> ids = new ArrayList<>();
				for (String id : chosen) {
					if (!id.isBlank() && !ids.contains(id)) {
						ids.add(id);
					}
				}
				yield new FormAnswer(ids.isEmpty() ? null : new AnswerValue.ChoicesAnswer(ids), String.join(",", ids),
						"", Map.of(), Map.of());
			}
			case MATRIX -> readMatrix(question, prefix, form);
		};
	}

	private static FormAnswer readMatrix(Question question, String prefix, Map<String, String[]> form) {
		Map<String, Map<String, String>> cells = new LinkedHashMap<>();
		Map<String, String> comments = new LinkedHashMap<>();
		for (Option row : question.rows()) {
			for (Option period : question.periods()) {
				String level = first(form, prefix + ".r." + row.id() + "." + period.id());
				if (!level.isBlank()) {
					cells.computeIfAbsent(row.id(), r -> new LinkedHashMap<>()).put(period.id(), level);
				}
			}
			String comment = first(form, prefix + ".k." + row.id());
			if (!comment.isBlank()) {
				comments.put(row.id(), comment);
			}
		}
		AnswerValue value = (cells.isEmpty() && comments.isEmpty()) ? null
				: new AnswerValue.MatrixAnswer(cells, comments);
		return new FormAnswer(value, "", "", cells, comments);
	}

	/** Whether the chosen options include the id (for checked boxes shown again). */
	boolean chose(String id) {
		return List.of(this.text.split(",")).contains(id);
	}

	private static String first(Map<String, String[]> form, String name) {
		String[] values = form.get(name);
		return (values != null && values.length > 0 && values[0] != null) ? values[0] : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
