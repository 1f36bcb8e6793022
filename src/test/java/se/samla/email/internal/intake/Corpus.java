package se.samla.email.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The email corpus's expectations: {@code expected.yml} and every {@code expected-*.yml}
 * beside it, merged. Each file covers one family of messages (clients, bounces, absence
 * notices, malformed MIME, …), so that a family can grow without touching the others; a
 * message, token or Message-ID named in two files is a mistake and fails loading.
 */
public final class Corpus {

	public static final Path DIRECTORY = Path.of("src/test/resources/email/corpus");

	private static final List<String> SECTIONS = List.of("messageIds", "people", "messages");

	private Corpus() {
	}

	/**
	 * @return the merged expectations: {@code addresses} from {@code expected.yml}, and
	 * {@code messageIds}, {@code people} and {@code messages} from every file
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> expectations() {
		Map<String, Object> merged = new LinkedHashMap<>(read(DIRECTORY.resolve("expected.yml")));
		for (String section : SECTIONS) {
			merged.put(section, new LinkedHashMap<>((Map<Object, Object>) merged.getOrDefault(section, Map.of())));
		}
		for (Path file : extraFiles()) {
			Map<String, Object> more = read(file);
			for (String section : SECTIONS) {
				Map<Object, Object> target = (Map<Object, Object>) merged.get(section);
				((Map<Object, Object>) more.getOrDefault(section, Map.of())).forEach((key, value) -> {
					Object before = target.put(key, value);
					if (before != null && !before.equals(value)) {
						throw new IllegalStateException(
								file + ": " + section + " entry " + key + " is already defined");
					}
				});
			}
		}
		return merged;
	}

	private static List<Path> extraFiles() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.filter((path) -> path.getFileName().toString().matches("expected-.+\\.yml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Map<String, Object> content = new Yaml().load(in);
			return (content != null) ? content : Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
