package se.samla.surveys.internal;

import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import se.samla.shared.yaml.YamlMap;
import se.samla.surveys.Text;

/**
 * Reads a user-facing text of a questionnaire: a plain string (Swedish) or a mapping
 * {@code {sv: ..., en: ...}} in which Swedish is required.
 */
final class YamlTexts {

	private YamlTexts() {
	}

	static Optional<Text> text(YamlMap mapping, String key, boolean required) {
		Optional<Node> value = required ? mapping.required(key) : mapping.value(key);
		return value.flatMap((node) -> text(mapping, key, node));
	}

	private static Optional<Text> text(YamlMap mapping, String key, Node value) {
		if (value instanceof ScalarNode scalar) {
			return nonBlank(mapping, key, scalar).map(Text::sv);
		}
		if (!(value instanceof MappingNode)) {
			mapping.report(value,
					"'" + key + "' must be a text or a mapping of languages (sv, en), not " + YamlMap.describe(value));
			return Optional.empty();
		}
		YamlMap languages = YamlMap.of(value, mapping.subject(), mapping.problems()).orElseThrow();
		languages.allowOnly(List.of("sv", "en"));
		Optional<String> sv = languages.value("sv").flatMap((node) -> nonBlank(mapping, key, node));
		Optional<String> en = languages.value("en").flatMap((node) -> nonBlank(mapping, key, node));
		if (!languages.has("sv")) {
			mapping.report(value, "'" + key + "' needs a Swedish text ('sv')");
		}
		return sv.map((swedish) -> new Text(swedish, en.orElse(null)));
	}

	private static Optional<String> nonBlank(YamlMap mapping, String key, Node value) {
		return mapping.scalar(key, value).filter((text) -> {
			if (text.isBlank()) {
				mapping.report(value, "'" + key + "' must not be blank");
			}
			return !text.isBlank();
		});
	}

}
