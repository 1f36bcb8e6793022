package se.samla.shared.yaml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a definition file into SnakeYAML's node tree, whose nodes know their lines. The
 * mistakes that stop reading altogether (not UTF-8, invalid YAML, indenting with tabs, an
 * empty file, a file that is not a mapping) are reported here, in the same words for
 * every kind of file.
 */
public final class YamlFile {

	private YamlFile() {
	}

	/**
	 * Reads a file whose top level is a mapping.
	 * @param content the file's bytes, UTF-8 (a byte order mark is allowed)
	 * @param expected what the file should hold, to complete "expected ...", e.g.
	 * {@code "a mapping with id, title and questions"}
	 * @param problems where to report what is wrong
	 * @return the top-level mapping, or empty when the file cannot be read as one
	 */
	public static Optional<YamlMap> readMapping(byte[] content, String expected, YamlProblems problems) {
		Optional<Node> root = compose(content, expected, problems);
		if (root.isEmpty()) {
			return Optional.empty();
		}
		if (!(root.get() instanceof MappingNode)) {
			problems.add(root.get(), "expected " + expected + ", not " + YamlMap.describe(root.get()));
			return Optional.empty();
		}
		return YamlMap.of(root.get(), "", problems);
	}

	/**
	 * Reads a file into its root node.
	 * @see #readMapping(byte[], String, YamlProblems)
	 */
	public static Optional<Node> compose(byte[] content, String expected, YamlProblems problems) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			problems.add(0, "the file is not valid UTF-8; save it as UTF-8");
			return Optional.empty();
		}
		try (Reader reader = new UnicodeReader(new ByteArrayInputStream(content))) {
			Node root = new Yaml().compose(reader);
			if (root == null || YamlMap.isNull(root)) {
				problems.add(1, "the file is empty; expected " + expected);
				return Optional.empty();
			}
			return Optional.of(root);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			int line = (mark != null) ? mark.getLine() + 1 : 0;
			int tabbed = firstLineIndentedWithTab(content, line);
			if (tabbed > 0) {
				problems.add(tabbed, "the line is indented with a tab; YAML needs spaces");
			}
			else {
				String problem = (ex.getContext() != null) ? ex.getProblem() + " " + ex.getContext() : ex.getProblem();
				String where = (mark != null) ? " (column " + (mark.getColumn() + 1) + ")" : "";
				problems.add(line, "invalid YAML: " + problem + where);
			}
			return Optional.empty();
		}
		catch (YAMLException ex) {
			problems.add(0, "invalid YAML: " + ex.getMessage());
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * SnakeYAML's own words for a tab ("found character '\t(TAB)' that cannot start any
	 * token") do not say what to change, and may point past the tab; a tab in the
	 * indentation of a line up to the failing one is almost surely the cause.
	 */
	private static int firstLineIndentedWithTab(byte[] content, int lastLine) {
		List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
		for (int index = 0; index < Math.min(lastLine, lines.size()); index++) {
			String line = lines.get(index);
			int start = 0;
			while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
				start++;
			}
			if (line.substring(0, start).indexOf('\t') >= 0 && start < line.length()) {
				return index + 1;
			}
		}
		return 0;
	}

}
