package se.samla.shared.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.shared.DefinitionProblem;

/**
 * Collects the problems of one file, so that reading can go on after a mistake and report
 * them all at once, top to bottom.
 */
public final class YamlProblems {

	private final String file;

	private final List<DefinitionProblem> problems = new ArrayList<>();

	/**
	 * @param file the file as it should be named in messages
	 */
	public YamlProblems(String file) {
		this.file = file;
	}

	public String file() {
		return this.file;
	}

	/** The 1-based line a node starts on. */
	public static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	public void add(Node node, String message) {
		add(line(node), message);
	}

	/**
	 * @param line the 1-based line, or 0 for the whole file
	 * @param message what is wrong
	 */
	public void add(int line, String message) {
		this.problems.add(new DefinitionProblem(this.file, line, message));
	}

	public int count() {
		return this.problems.size();
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	/**
	 * The problems in the order of the file, so they read top to bottom; problems of one
	 * line keep the order they were found in.
	 */
	public List<DefinitionProblem> inFileOrder() {
		return this.problems.stream().sorted(Comparator.comparingInt(DefinitionProblem::line)).toList();
	}

}
