package se.samla.shared.yaml;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read key by key. It reports a key written twice (SnakeYAML's node API
 * keeps both silently, and the later one would win), unknown keys with the valid ones
 * listed, and values of the wrong type with what was expected, each at its line, instead
 * of throwing, so that reading goes on and all mistakes are found in one go.
 * <p>
 * A message names where it is in one of two ways: by a subject in front
 * ({@code question 'q3': unknown key 'txet'}, see {@link #of}) or by the path of the key
 * ({@code unknown key 'reminders.frist'}, see {@link #section}).
 */
public final class YamlMap {

	private final MappingNode node;

	private final String subject;

	private final String path;

	private final YamlProblems problems;

	private final Map<String, NodeTuple> entries;

	private YamlMap(MappingNode node, String subject, String path, YamlProblems problems,
			Map<String, NodeTuple> entries) {
		this.node = node;
		this.subject = subject;
		this.path = path;
		this.problems = problems;
		this.entries = entries;
	}

	/**
	 * Reads a node as a mapping whose messages start with a subject; reports and returns
	 * empty if it is something else.
	 * @param subject such as {@code question 'q3'}, or empty for the top of a file
	 */
	public static Optional<YamlMap> of(Node node, String subject, YamlProblems problems) {
		return read(node, subject, "", problems);
	}

	/**
	 * Reads a node as a section whose keys are named by their path in messages
	 * ({@code reminders.max}); reports and returns empty if it is not a mapping.
	 * @param path the dotted path of the section, e.g. {@code recurrence.opens}
	 */
	public static Optional<YamlMap> section(Node node, String path, YamlProblems problems) {
		if (!(node instanceof MappingNode)) {
			problems.add(node, path + ": expected a mapping of keys, not " + describe(node));
			return Optional.empty();
		}
		return read(node, "", path + ".", problems);
	}

	private static Optional<YamlMap> read(Node node, String subject, String path, YamlProblems problems) {
		if (!(node instanceof MappingNode mapping)) {
			problems.add(node, prefix(subject) + "expected a mapping of keys, not " + describe(node));
			return Optional.empty();
		}
		Map<String, NodeTuple> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				problems.add(tuple.getKeyNode(), prefix(subject) + "a key must be a plain word");
				continue;
			}
			NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
			if (first != null) {
				problems.add(key, prefix(subject) + "key '" + path + key.getValue() + "' appears twice (first on line "
						+ YamlProblems.line(first.getKeyNode()) + ")");
			}
		}
		return Optional.of(new YamlMap(mapping, subject, path, problems, entries));
	}

	/** The same entries, described by another subject in later messages. */
	public YamlMap about(String otherSubject) {
		return new YamlMap(this.node, otherSubject, this.path, this.problems, this.entries);
	}

	public String subject() {
		return this.subject;
	}

	/** The mapping's own node, for its line. */
	public Node node() {
		return this.node;
	}

	public YamlProblems problems() {
		return this.problems;
	}

	/** How a key of this mapping is named in messages: with its path, if any. */
	public String name(String key) {
		return this.path + key;
	}

	/** Reports every key not in {@code allowed}, which catches typos such as 'titel'. */
	public void allowOnly(Collection<String> allowed) {
		this.entries.forEach((key, tuple) -> {
			if (!allowed.contains(key)) {
				report(tuple.getKeyNode(),
						"unknown key '" + name(key) + "' (expected one of " + String.join(", ", allowed) + ")");
			}
		});
	}

	/** Whether the key is given with a value. */
	public boolean has(String key) {
		return value(key).isPresent();
	}

	/** Whether the key is written at all, even without a value. */
	public boolean contains(String key) {
		return this.entries.containsKey(key);
	}

	/** The keys in the order of the file, each once. */
	public Set<String> keys() {
		return this.entries.keySet();
	}

	/** The node of a key, for keys whose own name is data (e.g. scale ids). */
	public Node keyNode(String key) {
		return this.entries.get(key).getKeyNode();
	}

	/**
	 * The value of a key; a key given without a value ({@code help:}) counts as absent.
	 */
	public Optional<Node> value(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null || isNull(tuple.getValueNode())) {
			return Optional.empty();
		}
		return Optional.of(tuple.getValueNode());
	}

	/**
	 * The value of a key as written, also when it is empty ({@code key:} gives a null
	 * scalar), for readers that give an empty value a meaning of their own.
	 */
	public Optional<Node> raw(String key) {
		return Optional.ofNullable(this.entries.get(key)).map(NodeTuple::getValueNode);
	}

	public Optional<Node> required(String key) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			if (this.entries.containsKey(key)) {
				report(this.entries.get(key).getKeyNode(), "key '" + name(key) + "' has no value");
			}
			else {
				report(this.node, "missing required key '" + name(key) + "'");
			}
		}
		return value;
	}

	public Optional<String> string(String key, boolean required) {
		return node(key, required).flatMap((value) -> scalar(key, value));
	}

	public Optional<String> scalar(String key, Node value) {
		if (value instanceof ScalarNode scalar) {
			return Optional.of(scalar.getValue().strip());
		}
		report(value, "'" + name(key) + "' must be a single value, not " + describe(value));
		return Optional.empty();
	}

	public boolean flag(String key, boolean defaultValue) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			return defaultValue;
		}
		if (value.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
			return Set.of("true", "yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT));
		}
		report(value.get(), "'" + name(key) + "' must be true or false, not " + describe(value.get()));
		return defaultValue;
	}

	public Optional<Integer> integer(String key) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			return Optional.empty();
		}
		if (value.get() instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
			try {
				return Optional.of(Integer.parseInt(scalar.getValue()));
			}
			catch (NumberFormatException ex) {
				// fall through: 0x10, 1_000 and numbers too large are not worth
				// supporting
			}
		}
		report(value.get(), "'" + name(key) + "' must be a whole number, not " + describe(value.get()));
		return Optional.empty();
	}

	public Optional<List<Node>> list(String key, boolean required) {
		return node(key, required).flatMap((value) -> {
			if (value instanceof SequenceNode sequence) {
				return Optional.of(sequence.getValue());
			}
			report(value, "'" + name(key) + "' must be a list, not " + describe(value));
			return Optional.empty();
		});
	}

	private Optional<Node> node(String key, boolean required) {
		return required ? required(key) : value(key);
	}

	/** Reports a problem at the key's value, or at the mapping if the key has none. */
	public void report(String key, String message) {
		report(value(key).orElse(this.node), message);
	}

	/** Reports a problem at a node, after the subject. */
	public void report(Node at, String message) {
		this.problems.add(at, prefix(this.subject) + message);
	}

	private static String prefix(String subject) {
		return subject.isEmpty() ? "" : subject + ": ";
	}

	/** Whether a node is empty: {@code key:}, {@code ~} or {@code null}. */
	public static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	/** A node as named after "not" in a message: {@code 'x'}, a list, a mapping. */
	public static String describe(Node node) {
		if (node instanceof ScalarNode scalar) {
			return isNull(node) ? "nothing" : "'" + scalar.getValue() + "'";
		}
		return (node instanceof SequenceNode) ? "a list" : "a mapping";
	}

}
