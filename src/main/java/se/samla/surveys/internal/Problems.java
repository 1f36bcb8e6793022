package se.samla.surveys.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.surveys.DefinitionProblem;

/**
 * Collects the problems of one file, so that parsing can go on after a mistake and report
 * them all at once.
 */
final class Problems {

	private final String file;

	private final List<DefinitionProblem> problems = new ArrayList<>();

	Problems(String file) {
		this.file = file;
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	void add(Node node, String message) {
		add(line(node), message);
	}

	void add(int line, String message) {
		this.problems.add(new DefinitionProblem(this.file, line, message));
	}

	int count() {
		return this.problems.size();
	}

	boolean isEmpty() {
		return this.problems.isEmpty();
	}

	/** The problems in the order of the file, so they read top to bottom. */
	List<DefinitionProblem> inFileOrder() {
		return this.problems.stream().sorted(Comparator.comparingInt(DefinitionProblem::line)).toList();
	}

}
