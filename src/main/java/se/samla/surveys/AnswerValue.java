package se.samla.surveys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An answer in its canonical, channel-independent form. Channels translate what a person
 * typed or clicked into one of these; the question validates it.
 */
public sealed interface AnswerValue
		permits AnswerValue.TextAnswer, AnswerValue.ChoiceAnswer, AnswerValue.ChoicesAnswer, AnswerValue.MatrixAnswer {

	/**
	 * Whether this answer contains any of the given option or level ids (for follow-ups).
	 */
	boolean mentionsAny(Set<String> ids);

	/** Free text. Line breaks are normalised to {@code \n} and the text is trimmed. */
	record TextAnswer(String text) implements AnswerValue {

		public TextAnswer {
			Objects.requireNonNull(text, "text");
			text = text.replace("\r\n", "\n").replace('\r', '\n').strip();
		}

		@Override
		public boolean mentionsAny(Set<String> ids) {
			return false;
		}

	}

	/**
	 * One option of a single choice, or one level of a scale, with the comment written
	 * after it when the question takes one.
	 *
	 * @param id the option or level
	 * @param comment the comment, trimmed, or {@code null}
	 */
	record ChoiceAnswer(String id, String comment) implements AnswerValue {

		public ChoiceAnswer {
			Objects.requireNonNull(id, "id");
			comment = (comment == null || comment.isBlank()) ? null
					: comment.replace("\r\n", "\n").replace('\r', '\n').strip();
		}

		public ChoiceAnswer(String id) {
			this(id, null);
		}

		@Override
		public boolean mentionsAny(Set<String> ids) {
			return ids.contains(this.id);
		}

	}

	/** The chosen options of a multiple choice, in the order given. */
	record ChoicesAnswer(List<String> ids) implements AnswerValue {

		public ChoicesAnswer {
			ids = List.copyOf(ids);
		}

		@Override
		public boolean mentionsAny(Set<String> wanted) {
			return this.ids.stream().anyMatch(wanted::contains);
		}

	}

	/**
	 * A rating matrix: level id per row and period, and an optional comment per row.
	 *
	 * @param ratings row id to (period id to level id)
	 * @param comments row id to comment
	 */
	record MatrixAnswer(Map<String, Map<String, String>> ratings, Map<String, String> comments) implements AnswerValue {

		public MatrixAnswer {
			Map<String, Map<String, String>> copy = new LinkedHashMap<>();
			ratings.forEach((row, cells) -> copy.put(row, Collections.unmodifiableMap(new LinkedHashMap<>(cells))));
			ratings = Collections.unmodifiableMap(copy);
			Map<String, String> commentCopy = new LinkedHashMap<>();
			(comments != null ? comments : Map.<String, String>of()).forEach((row, comment) -> {
				if (comment != null && !comment.isBlank()) {
					commentCopy.put(row, comment.strip());
				}
			});
			comments = Collections.unmodifiableMap(commentCopy);
		}

		@Override
		public boolean mentionsAny(Set<String> ids) {
			return this.ratings.values().stream().flatMap(cells -> cells.values().stream()).anyMatch(ids::contains);
		}

	}

}
