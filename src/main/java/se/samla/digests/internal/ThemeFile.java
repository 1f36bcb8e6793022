package se.samla.digests.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads the themes keyword file: the development areas in order, each with its keywords,
 * and the exceptions. Checks the shape only, reporting every problem with its line; what
 * a keyword means is the {@link ThemeMatcher}'s business.
 */
final class ThemeFile {

	private static final Set<String> TOP_LEVEL_KEYS = Set.of("areas", "exceptions");

	private static final Set<String> AREA_KEYS = Set.of("name", "keywords");

	/** A keyword or exception as written, with its line (0 when not from a file). */
	record Entry(String text, int line) {
	}

	/** One development area. */
	record Area(String name, int line, List<Entry> keywords) {
	}

	/** The file's content. */
	record Content(List<Area> areas, List<Entry> exceptions) {
	}

	private final String source;

	private final List<Problem> problems = new ArrayList<>();

	private ThemeFile(String source) {
		this.source = source;
	}

	/**
	 * Reads a file.
	 * @param file the file, named in messages as given
	 * @return its content
	 * @throws ThemeFileException listing every problem, if there is any
	 */
	static Content read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the themes file " + file, ex);
		}
		ThemeFile reader = new ThemeFile(file.toString());
		Content content = reader.parse(bytes);
		reader.failIfAnyProblem();
		return content;
	}

	private void failIfAnyProblem() {
		if (!this.problems.isEmpty()) {
			throw new ThemeFileException(this.problems.stream()
				.sorted(Comparator.comparingInt(Problem::line))
				.map((problem) -> this.source + ":" + problem.line() + ": " + problem.message())
				.toList());
		}
	}

	private Content parse(byte[] bytes) {
		Content empty = new Content(List.of(), List.of());
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
		}
		catch (CharacterCodingException ex) {
			add(0, "the file is not valid UTF-8; save it as UTF-8");
			return empty;
		}
		Node root;
		try (Reader reader = new UnicodeReader(new ByteArrayInputStream(bytes))) {
			root = new Yaml().compose(reader);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String problem = (ex.getContext() != null) ? ex.getProblem() + " " + ex.getContext() : ex.getProblem();
			add((mark != null) ? mark.getLine() + 1 : 0, "invalid YAML: " + problem);
			return empty;
		}
		catch (YAMLException ex) {
			add(0, "invalid YAML: " + ex.getMessage());
			return empty;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (root == null || isNull(root)) {
			add(1, "the file is empty; expected 'areas:' with the development areas and their keywords");
			return empty;
		}
		Map<String, NodeTuple> top = mapping(root, "the file", TOP_LEVEL_KEYS);
		if (top == null) {
			return empty;
		}
		allowOnly(top, TOP_LEVEL_KEYS, "the file");
		NodeTuple areas = top.get("areas");
		if (areas == null) {
			add(line(root), "missing 'areas': the development areas and their keywords");
			return empty;
		}
		return new Content(areas(areas.getValueNode()),
				top.containsKey("exceptions") ? exceptions(top.get("exceptions").getValueNode()) : List.of());
	}

	private List<Area> areas(Node node) {
		List<Area> areas = new ArrayList<>();
		List<Node> items = sequence(node, "'areas'");
		if (items == null) {
			return areas;
		}
		if (items.isEmpty()) {
			add(line(node), "'areas' is empty; list at least one area");
		}
		Map<String, Integer> names = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			String subject = "area " + (i + 1);
			Map<String, NodeTuple> entries = mapping(item, subject, AREA_KEYS);
			if (entries == null) {
				continue;
			}
			NodeTuple name = entries.get("name");
			String areaName = (name != null) ? text(name.getValueNode(), subject + ": 'name'") : null;
			if (name == null) {
				add(line(item), subject + ": missing 'name'");
			}
			else if (areaName != null) {
				subject = "area '" + areaName + "'";
				Integer first = names.putIfAbsent(areaName.toLowerCase(Locale.ROOT), line(name.getValueNode()));
				if (first != null) {
					add(line(name.getValueNode()), subject + " is listed twice (first on line " + first + ")");
				}
			}
			allowOnly(entries, AREA_KEYS, subject);
			NodeTuple keywords = entries.get("keywords");
			List<Entry> entriesOfArea = List.of();
			if (keywords == null) {
				add(line(item), subject + ": missing 'keywords'");
			}
			else {
				entriesOfArea = entries(keywords.getValueNode(), subject, "keyword");
				if (entriesOfArea.isEmpty() && isSequence(keywords.getValueNode())) {
					add(line(keywords.getValueNode()), subject + ": 'keywords' is empty; list at least one");
				}
			}
			if (areaName != null) {
				areas.add(new Area(areaName, line(name.getValueNode()), entriesOfArea));
			}
		}
		return areas;
	}

	private List<Entry> exceptions(Node node) {
		if (isNull(node)) {
			return List.of();
		}
		return entries(node, "'exceptions'", "exception");
	}

	private List<Entry> entries(Node node, String subject, String what) {
		List<Entry> entries = new ArrayList<>();
		List<Node> items = sequence(node, subject + ": the " + what + "s");
		if (items == null) {
			return entries;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Node item = items.get(i);
			String value = text(item, subject + ": " + what + " " + (i + 1));
			if (value == null) {
				continue;
			}
			if (!seen.add(value.toLowerCase(Locale.ROOT))) {
				add(line(item), subject + ": " + what + " '" + value + "' is listed twice");
				continue;
			}
			if (what.equals("exception")) {
				if (!value.codePoints().allMatch(Character::isLetterOrDigit)) {
					add(line(item), subject + ": exception '" + value + "' must be a single word of letters");
					continue;
				}
			}
			else if (SwedishWords.words(value).isEmpty()) {
				add(line(item), subject + ": " + what + " '" + value
						+ "' has only small words (och, för, med, ...), which are ignored in answers");
				continue;
			}
			entries.add(new Entry(value, line(item)));
		}
		return entries;
	}

	/** A mapping's entries by key; reports repeated keys. */
	private Map<String, NodeTuple> mapping(Node node, String subject, Set<String> allowed) {
		if (!(node instanceof MappingNode mapping)) {
			add(line(node), subject + ": expected a mapping with " + keys(allowed) + ", not " + describe(node));
			return null;
		}
		Map<String, NodeTuple> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue()
					: describe(tuple.getKeyNode());
			NodeTuple first = entries.putIfAbsent(key, tuple);
			if (first != null) {
				add(line(tuple.getKeyNode()),
						subject + ": key '" + key + "' appears twice (first on line " + line(first.getKeyNode()) + ")");
			}
		}
		return entries;
	}

	/** Reports the keys not allowed, which catches typos such as 'keyword'. */
	private void allowOnly(Map<String, NodeTuple> entries, Set<String> allowed, String subject) {
		entries.forEach((key, tuple) -> {
			if (!allowed.contains(key)) {
				add(line(tuple.getKeyNode()), subject + ": unknown key '" + key + "' (expected " + keys(allowed) + ")");
			}
		});
	}

	private List<Node> sequence(Node node, String subject) {
		if (!(node instanceof SequenceNode sequence)) {
			add(line(node), subject + ": expected a list (lines starting with '- '), not " + describe(node));
			return null;
		}
		return sequence.getValue();
	}

	/**
	 * A scalar's text, trimmed; reports and returns null if it is blank or not a scalar.
	 */
	private String text(Node node, String subject) {
		if (!(node instanceof ScalarNode scalar) || isNull(node)) {
			add(line(node), subject + ": expected a text, not " + describe(node));
			return null;
		}
		String value = scalar.getValue().strip();
		if (value.isEmpty()) {
			add(line(node), subject + " is empty");
			return null;
		}
		return value;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	private static boolean isSequence(Node node) {
		return node instanceof SequenceNode;
	}

	private static String describe(Node node) {
		if (isNull(node)) {
			return "nothing";
		}
		if (node instanceof ScalarNode scalar) {
			return "'" + scalar.getValue() + "'";
		}
		return (node instanceof SequenceNode) ? "a list" : "a mapping";
	}

	private static String keys(Set<String> keys) {
		return keys.stream().sorted().map((key) -> "'" + key + "'").reduce((a, b) -> a + " and " + b).orElse("");
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private void add(int line, String message) {
		this.problems.add(new Problem(line, message));
	}

	private record Problem(int line, String message) {
	}

}
