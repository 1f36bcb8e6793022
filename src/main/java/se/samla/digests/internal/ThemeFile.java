package se.samla.digests.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import se.samla.shared.DefinitionProblem;
import se.samla.shared.yaml.YamlFile;
import se.samla.shared.yaml.YamlMap;
import se.samla.shared.yaml.YamlProblems;

/**
 * Reads the themes keyword file: the development areas in order, each with its keywords,
 * and the exceptions. Checks the shape only, reporting every problem with its line; what
 * a keyword means is the {@link ThemeMatcher}'s business.
 */
final class ThemeFile {

	private static final List<String> TOP_LEVEL_KEYS = List.of("areas", "exceptions");

	private static final List<String> AREA_KEYS = List.of("name", "keywords");

	/** A keyword or exception as written, with its line (0 when not from a file). */
	record Entry(String text, int line) {
	}

	/** One development area. */
	record Area(String name, int line, List<Entry> keywords) {
	}

	/** The file's content. */
	record Content(List<Area> areas, List<Entry> exceptions) {
	}

	private final YamlProblems problems;

	private ThemeFile(String source) {
		this.problems = new YamlProblems(source);
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
			throw new ThemeFileException(
					this.problems.inFileOrder().stream().map(DefinitionProblem::toString).toList());
		}
	}

	private Content parse(byte[] bytes) {
		Content empty = new Content(List.of(), List.of());
		Optional<YamlMap> file = YamlFile.readMapping(bytes, "'areas:' with the development areas and their keywords",
				this.problems);
		if (file.isEmpty()) {
			return empty;
		}
		YamlMap top = file.get();
		top.allowOnly(TOP_LEVEL_KEYS);
		Optional<Node> areas = top.raw("areas");
		if (areas.isEmpty()) {
			add(line(top.node()), "missing 'areas': the development areas and their keywords");
			return empty;
		}
		return new Content(areas(areas.get()), top.raw("exceptions").map(this::exceptions).orElse(List.of()));
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
			Optional<YamlMap> read = YamlMap.of(item, subject, this.problems);
			if (read.isEmpty()) {
				continue;
			}
			Optional<Node> name = read.get().raw("name");
			String nameSubject = subject + ": 'name'";
			String areaName = name.map((value) -> text(value, nameSubject)).orElse(null);
			if (name.isEmpty()) {
				add(line(item), subject + ": missing 'name'");
			}
			else if (areaName != null) {
				subject = "area '" + areaName + "'";
				Integer first = names.putIfAbsent(areaName.toLowerCase(Locale.ROOT), line(name.get()));
				if (first != null) {
					add(line(name.get()), subject + " is listed twice (first on line " + first + ")");
				}
			}
			YamlMap area = read.get().about(subject);
			area.allowOnly(AREA_KEYS);
			Optional<Node> keywords = area.raw("keywords");
			List<Entry> entriesOfArea = List.of();
			if (keywords.isEmpty()) {
				add(line(item), subject + ": missing 'keywords'");
			}
			else {
				entriesOfArea = entries(keywords.get(), subject, "keyword");
				if (entriesOfArea.isEmpty() && isSequence(keywords.get())) {
					add(line(keywords.get()), subject + ": 'keywords' is empty; list at least one");
				}
			}
			if (areaName != null) {
				areas.add(new Area(areaName, line(name.get()), entriesOfArea));
			}
		}
		return areas;
	}

	private List<Entry> exceptions(Node node) {
		if (YamlMap.isNull(node)) {
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

	private List<Node> sequence(Node node, String subject) {
		if (!(node instanceof SequenceNode sequence)) {
			add(line(node), subject + ": expected a list (lines starting with '- '), not " + YamlMap.describe(node));
			return null;
		}
		return sequence.getValue();
	}

	/**
	 * A scalar's text, trimmed; reports and returns null if it is blank or not a scalar.
	 */
	private String text(Node node, String subject) {
		if (!(node instanceof ScalarNode scalar) || YamlMap.isNull(node)) {
			add(line(node), subject + ": expected a text, not " + YamlMap.describe(node));
			return null;
		}
		String value = scalar.getValue().strip();
		if (value.isEmpty()) {
			add(line(node), subject + " is empty");
			return null;
		}
		return value;
	}

	private static boolean isSequence(Node node) {
		return node instanceof SequenceNode;
	}

	private static int line(Node node) {
		return YamlProblems.line(node);
	}

	private void add(int line, String message) {
		this.problems.add(line, message);
	}

}
