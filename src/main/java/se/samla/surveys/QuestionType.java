package se.samla.surveys;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of question a questionnaire may ask, with the names used in the YAML files.
 */
public enum QuestionType {

	/** Free text, one line or several. */
	TEXT("text"),
	/** Exactly one of the listed options. */
	SINGLE_CHOICE("single-choice"),
	/** Any number of the listed options (within min/max). */
	MULTIPLE_CHOICE("multiple-choice"),
	/** One level of a named scale, e.g. the four colours. */
	SCALE("scale"),
	/** A level of a scale for every row and period, with an optional comment per row. */
	MATRIX("matrix");

	private final String yamlName;

	QuestionType(String yamlName) {
		this.yamlName = yamlName;
	}

	public String yamlName() {
		return this.yamlName;
	}

	public static Optional<QuestionType> fromYaml(String name) {
		return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
	}

}
