package se.samla.surveys.internal;

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

import se.samla.surveys.Text;

/**
 * A YAML mapping read key by key: every accessor checks the value's type and reports a
 * problem (with the line, and the subject such as {@code question 'q3'}) instead of
 * throwing, so that parsing continues and all mistakes are found in one go.
 */
final class YamlMapping {

	private final MappingNode node;

	private final String subject;

	private final Problems problems;

	private final Map<String, NodeTuple> entries;

	private YamlMapping(MappingNode node, String subject, Problems problems, Map<String, NodeTuple> entries) {
		this.node = node;
		this.subject = subject;
		this.problems = problems;
		this.entries = entries;
	}

	/**
	 * Reads a node as a mapping; reports and returns empty if it is something else.
	 * Duplicate keys are reported here, as SnakeYAML's node API keeps them silently.
	 */
	static Optional<YamlMapping> of(Node node, String subject, Problems problems) {
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
				problems.add(key, prefix(subject) + "key '" + key.getValue() + "' appears twice (first on line "
						+ Problems.line(first.getKeyNode()) + ")");
			}
		}
		return Optional.of(new YamlMapping(mapping, subject, problems, entries));
	}

	/** The same entries, described by another subject in later messages. */
	YamlMapping about(String otherSubject) {
		return new YamlMapping(this.node, otherSubject, this.problems, this.entries);
	}

	String subject() {
		return this.subject;
	}

	/** Reports every key not in {@code allowed}, which catches typos such as 'titel'. */
	void allowOnly(Collection<String> allowed) {
		this.entries.forEach((key, tuple) -> {
			if (!allowed.contains(key)) {
				report(tuple.getKeyNode(),
						"unknown key '" + key + "' (expected one of " + String.join(", ", allowed) + ")");
			}
		});
	}

	boolean has(String key) {
		return value(key).isPresent();
	}

	Set<String> keys() {
		return this.entries.keySet();
	}

	/** The node of a key, for keys whose own name is data (e.g. scale ids). */
	Node keyNode(String key) {
		return this.entries.get(key).getKeyNode();
	}

	/**
	 * The value of a key; a key given without a value ({@code help:}) counts as absent.
	 */
	Optional<Node> value(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null || isNull(tuple.getValueNode())) {
			return Optional.empty();
		}
		return Optional.of(tuple.getValueNode());
	}

	Optional<Node> required(String key) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			if (this.entries.containsKey(key)) {
				report(this.entries.get(key).getKeyNode(), "key '" + key + "' has no value");
			}
			else {
				report(this.node, "missing required key '" + key + "'");
			}
		}
		return value;
	}

	Optional<String> string(String key, boolean required) {
		return node(key, required).flatMap((value) -> scalar(key, value));
	}

	Optional<String> scalar(String key, Node value) {
		if (value instanceof ScalarNode scalar) {
			return Optional.of(scalar.getValue().strip());
		}
		report(value, "'" + key + "' must be a single value, not " + describe(value));
		return Optional.empty();
	}

	boolean flag(String key, boolean defaultValue) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			return defaultValue;
		}
		if (value.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
			return Set.of("true", "yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT));
		}
		report(value.get(), "'" + key + "' must be true or false, not " + describe(value.get()));
		return defaultValue;
	}

	Optional<Integer> integer(String key) {
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
		report(value.get(), "'" + key + "' must be a whole number, not " + describe(value.get()));
		return Optional.empty();
	}

	Optional<List<Node>> list(String key, boolean required) {
		return node(key, required).flatMap((value) -> {
			if (value instanceof SequenceNode sequence) {
				return Optional.of(sequence.getValue());
			}
			report(value, "'" + key + "' must be a list, not " + describe(value));
			return Optional.empty();
		});
	}

	/**
	 * A user-facing text: a plain string (Swedish) or a mapping {@code {sv: ..., en:
	 * ...}} in which Swedish is required.
	 */
	Optional<Text> text(String key, boolean required) {
		return node(key, required).flatMap((value) -> text(key, value));
	}

	private Optional<Text> text(String key, Node value) {
		if (value instanceof ScalarNode scalar) {
			return nonBlank(key, scalar).map(Text::sv);
		}
		if (!(value instanceof MappingNode)) {
			report(value, "'" + key + "' must be a text or a mapping of languages (sv, en), not " + describe(value));
			return Optional.empty();
		}
		YamlMapping languages = of(value, this.subject, this.problems).orElseThrow();
		languages.allowOnly(List.of("sv", "en"));
		Optional<String> sv = languages.value("sv").flatMap((node) -> nonBlank(key, node));
		Optional<String> en = languages.value("en").flatMap((node) -> nonBlank(key, node));
		if (!languages.has("sv")) {
			report(value, "'" + key + "' needs a Swedish text ('sv')");
		}
		return sv.map((swedish) -> new Text(swedish, en.orElse(null)));
	}

	private Optional<String> nonBlank(String key, Node value) {
		return scalar(key, value).filter((text) -> {
			if (text.isBlank()) {
				report(value, "'" + key + "' must not be blank");
			}
			return !text.isBlank();
		});
	}

	private Optional<Node> node(String key, boolean required) {
		return required ? required(key) : value(key);
	}

	void report(String key, String message) {
		report(value(key).orElse(this.node), message);
	}

	void report(Node at, String message) {
		this.problems.add(at, prefix(this.subject) + message);
	}

	private static String prefix(String subject) {
		return subject.isEmpty() ? "" : subject + ": ";
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	static String describe(Node node) {
		if (node instanceof ScalarNode scalar) {
			return isNull(node) ? "nothing" : "'" + scalar.getValue() + "'";
		}
		return (node instanceof SequenceNode) ? "a list" : "a mapping";
	}

}
