package se.samla;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message code the code can produce has a Swedish and an English text. */
class MessagesTests {

	// the codes of answer problems, and of the JSON endpoints' problem details ("api.*")
	private static final Pattern CODE = Pattern
		.compile("(?:Problem\\.of|because)\\(\\s*\"([a-z.-]+)\"|\"(api\\.[a-z.-]+)\"");

	@Test
	void everyProblemCodeHasSwedishAndEnglishText() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE.matcher(Files.readString(source));
				while (matcher.find()) {
					codes.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
				}
			}
		}
		assertThat(codes).isNotEmpty();
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(codes);
		assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(codes);
	}

	@Test
	void swedishAndEnglishBundlesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.isEqualTo(load("messages.properties").stringPropertyNames());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
