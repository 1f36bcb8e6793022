package se.samla.teams.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an activity as Teams (or another Bot Framework client) sent it, with the SDK's
 * own Jackson 2 mapping, without losing it over a field in a form the SDK does not
 * expect.
 * <p>
 * The SDK maps the whole activity or nothing: one field it cannot read (a timestamp
 * without fractional seconds, which its {@code ss.n} pattern requires; an unknown enum
 * value) and the mapping returns {@code null}. Teams does not send an activity again
 * after a 4xx, so a person's answer would be lost. Timestamps are therefore rewritten to
 * the SDK's pattern when they are valid ISO-8601 with an offset (and left out when not:
 * Samla does not use them), and any other field the SDK cannot read is left out, one
 * level deep, rather than the activity. Only a body that is not a JSON object with a
 * {@code type} is not an activity.
 */
final class ActivityReader {

	private static final Logger log = LoggerFactory.getLogger(ActivityReader.class);

	private static final List<String> TIMESTAMPS = List.of("timestamp", "localTimestamp", "expiration");

	/** ISO-8601 date and time with or without seconds and fraction, any offset form. */
	private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHmmss", "Z")
		.optionalEnd()
		.toFormatter();

	/**
	 * The pattern of {@code Activity.timestamp} in SDK 4.14.3 (nanoseconds as a number).
	 */
	private static final DateTimeFormatter SDK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nXXX");

	private ActivityReader() {
	}

	/**
	 * The activity in a body, or empty when the body is not an activity at all (not a
	 * JSON object, or without a {@code type}).
	 */
	static Optional<Activity> read(String body) {
		JsonNode tree;
		try {
			tree = Serialization.jsonToTree(body);
		}
		catch (IOException | RuntimeException notJson) {
			return Optional.empty();
		}
		if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
			return Optional.empty();
		}
		ObjectNode activity = ((ObjectNode) tree).deepCopy();
		TIMESTAMPS.forEach(field -> normaliseTimestamp(activity, field));
		Activity mapped = map(activity);
		return Optional.ofNullable((mapped != null) ? mapped : salvage(activity));
	}

	private static void normaliseTimestamp(ObjectNode activity, String field) {
		JsonNode value = activity.get(field);
		if (value == null || value.isNull()) {
			return;
		}
		try {
			activity.put(field, SDK.format(OffsetDateTime.parse(value.asText(), ISO)));
		}
		catch (DateTimeParseException unreadable) {
			activity.remove(field);
		}
	}

	/**
	 * Maps the activity field by field, leaving out what the SDK cannot read (of an
	 * object, only its unreadable fields).
	 */
	private static Activity salvage(ObjectNode activity) {
		ObjectNode readable = activity.objectNode();
		readable.set("type", activity.get("type"));
		List<String> dropped = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : activity.properties()) {
			if (field.getKey().equals("type")) {
				continue;
			}
			readable.set(field.getKey(), field.getValue());
			if (map(readable) != null) {
				continue;
			}
			if (field.getValue().isObject()) {
				ObjectNode partial = readable.putObject(field.getKey());
				for (Map.Entry<String, JsonNode> inner : field.getValue().properties()) {
					partial.set(inner.getKey(), inner.getValue());
					if (map(readable) == null) {
						partial.remove(inner.getKey());
						dropped.add(field.getKey() + "." + inner.getKey());
					}
				}
				if (map(readable) != null) {
					continue;
				}
			}
			readable.remove(field.getKey());
			dropped.add(field.getKey());
		}
		Activity mapped = map(readable);
		if (mapped != null) {
			// field names only: the values may hold personal data
			log.info("Read a {} activity without fields the SDK could not read: {}", mapped.getType(), dropped);
		}
		return mapped;
	}

	private static Activity map(ObjectNode activity) {
		try {
			// the SDK returns null (it does not throw) for what it cannot read
			return Serialization.treeToValue(activity, Activity.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
