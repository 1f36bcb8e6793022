package se.samla.campaigns.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import se.samla.campaigns.DeadlineParser;
import se.samla.directory.Network;
import se.samla.shared.yaml.YamlMap;
import se.samla.shared.yaml.YamlProblems;

/**
 * Reads the single values of a send-out file (numbers in a range, times of day, dates,
 * weekdays, networks), each named by its key's path in messages
 * ({@code reminders.max must be ...}); a wrong value is reported and read as null.
 */
final class ScheduleValues {

	private final ZoneId zone;

	private final YamlProblems problems;

	ScheduleValues(ZoneId zone, YamlProblems problems) {
		this.zone = zone;
		this.problems = problems;
	}

	YamlProblems problems() {
		return this.problems;
	}

	Integer integer(Node node, String key, int min, int max) {
		String text = scalar(node, key);
		if (text == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		this.problems.add(node, key + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
		return null;
	}

	Boolean bool(Node node, String key) {
		String text = scalar(node, key);
		if ("true".equals(text) || "false".equals(text)) {
			return Boolean.valueOf(text);
		}
		if (text != null) {
			this.problems.add(node, key + " must be true or false");
		}
		return null;
	}

	LocalTime clock(Node node, String key) {
		String text = scalar(node, key);
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse((text.length() == 4) ? "0" + text : text);
		}
		catch (DateTimeParseException ex) {
			this.problems.add(node, key + ": '" + text + "' is not a time of day such as \"08:00\"");
			return null;
		}
	}

	DayOfWeek weekday(Node node, String key) {
		String text = scalar(node, key);
		if (text == null) {
			return null;
		}
		try {
			return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(node, key + ": '" + text + "' is not a day of the week (monday ... sunday)");
			return null;
		}
	}

	/** A date, or a date and time, in the configured zone; see {@link DeadlineParser}. */
	Instant time(Node node, String key, LocalTime defaultTime) {
		String text = scalar(node, key);
		if (text == null) {
			return null;
		}
		try {
			return DeadlineParser.parse(text, this.zone, defaultTime);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(node, key + ": " + ex.getMessage());
			return null;
		}
	}

	/** A list of networks that must name at least one. */
	Set<Network> networks(Node node, String key) {
		Set<Network> networks = new LinkedHashSet<>();
		List<ScalarNode> items = list(node, key);
		for (ScalarNode item : items) {
			network(item, key + ": ").ifPresent(networks::add);
		}
		if (items.isEmpty() && node instanceof SequenceNode) {
			this.problems.add(node, key + " must name at least one network");
		}
		return networks;
	}

	/** A network by its name; reports an unknown one after the given prefix. */
	Optional<Network> network(ScalarNode item, String prefix) {
		try {
			return Optional.of(Network.parse(item.getValue()));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(item, prefix + "unknown network '" + item.getValue() + "'");
			return Optional.empty();
		}
	}

	List<ScalarNode> list(Node node, String key) {
		if (node instanceof SequenceNode sequence) {
			List<ScalarNode> items = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				if (item instanceof ScalarNode scalar) {
					items.add(scalar);
				}
				else {
					this.problems.add(item, key + ": expected a plain value");
				}
			}
			return items;
		}
		this.problems.add(node, key + " must be a list");
		return List.of();
	}

	String scalar(Node node, String key) {
		if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
			return scalar.getValue().strip();
		}
		this.problems.add(node, key + " must be a single non-empty value");
		return null;
	}

	/**
	 * A section of the file as a mapping whose keys are named by their path
	 * ({@code reminders.max}); keys written twice and unknown keys are reported.
	 */
	Optional<YamlMap> section(Node node, String path, List<String> allowed) {
		Optional<YamlMap> section = YamlMap.section(node, path, this.problems);
		section.ifPresent((map) -> map.allowOnly(sorted(allowed)));
		return section;
	}

	/** The allowed keys written in a mapping, in the order of the file. */
	static List<String> known(YamlMap map, List<String> allowed) {
		return map.keys().stream().filter(allowed::contains).toList();
	}

	static List<String> sorted(List<String> keys) {
		return keys.stream().sorted().toList();
	}

	/** {@code none} switches a rule off (no reminders, no escalation, no digests). */
	static boolean isNone(Node node) {
		return node instanceof ScalarNode scalar && "none".equals(scalar.getValue().strip());
	}

}
