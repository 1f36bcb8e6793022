package se.samla.answers;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One question as asked within a response: the question id, and for questionnaires asked
 * once per plan activity the activity it is about. Written {@code q1} or
 * {@code status@A3}.
 */
public record StepKey(String questionId, String itemId) {

	public StepKey {
		Objects.requireNonNull(questionId, "questionId");
		if (questionId.isBlank() || questionId.contains("@")) {
			throw new IllegalArgumentException("invalid question id: " + questionId);
		}
		if (itemId != null && (itemId.isBlank() || itemId.contains("@"))) {
			throw new IllegalArgumentException("invalid item id: " + itemId);
		}
	}

	public static StepKey of(String questionId) {
		return new StepKey(questionId, null);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static StepKey parse(String value) {
		int at = value.indexOf('@');
		return (at < 0) ? new StepKey(value, null) : new StepKey(value.substring(0, at), value.substring(at + 1));
	}

	/** In JSON as one string, as in {@code q1} or {@code status@A3}. */
	@Override
	@JsonValue
	public String toString() {
		return (this.itemId != null) ? this.questionId + "@" + this.itemId : this.questionId;
	}

}
