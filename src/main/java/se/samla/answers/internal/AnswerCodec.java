package se.samla.answers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import se.samla.surveys.AnswerValue;
import se.samla.surveys.AnswerValue.ChoiceAnswer;
import se.samla.surveys.AnswerValue.ChoicesAnswer;
import se.samla.surveys.AnswerValue.MatrixAnswer;
import se.samla.surveys.AnswerValue.TextAnswer;

/**
 * Stores answer values as small JSON documents tagged with their kind, so a stored value
 * reads back the same whatever the question looks like today.
 */
public final class AnswerCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AnswerCodec() {
	}

	public static String write(AnswerValue value) {
		if (value == null) {
			return null;
		}
		ObjectNode node = JSON.createObjectNode();
		if (value instanceof TextAnswer text) {
			node.put("kind", "text").put("text", text.text());
		}
		else if (value instanceof ChoiceAnswer choice) {
			node.put("kind", "choice").put("id", choice.id());
			if (choice.comment() != null) {
				node.put("comment", choice.comment());
			}
		}
		else if (value instanceof ChoicesAnswer choices) {
			node.put("kind", "choices");
			choices.ids().forEach(node.putArray("ids")::add);
		}
		else if (value instanceof MatrixAnswer matrix) {
			node.put("kind", "matrix");
			ObjectNode ratings = node.putObject("ratings");
			matrix.ratings().forEach((row, cells) -> {
				ObjectNode rowNode = ratings.putObject(row);
				cells.forEach(rowNode::put);
			});
			ObjectNode comments = node.putObject("comments");
			matrix.comments().forEach(comments::put);
		}
		return JSON.writeValueAsString(node);
	}

	public static AnswerValue read(String json) {
		if (json == null) {
			return null;
		}
		JsonNode node = JSON.readTree(json);
		return switch (node.path("kind").asString()) {
			case "text" -> new TextAnswer(node.path("text").asString());
			case "choice" -> new ChoiceAnswer(node.path("id").asString(),
					node.has("comment") ? node.path("comment").asString() : null);
			case "choices" -> {
				List<String> ids = new ArrayList<>();
				node.path("ids").forEach(id -> ids.add(id.asString()));
				yield new ChoicesAnswer(ids);
			}
			case "matrix" -> {
				Map<String, Map<String, String>> ratings = new LinkedHashMap<>();
				node.path("ratings").properties().forEach(row -> {
					Map<String, String> cells = new LinkedHashMap<>();
					row.getValue().properties().forEach(cell -> cells.put(cell.getKey(), cell.getValue().asString()));
					ratings.put(row.getKey(), cells);
				});
				Map<String, String> comments = new LinkedHashMap<>();
				node.path("comments").properties().forEach(c -> comments.put(c.getKey(), c.getValue().asString()));
				yield new MatrixAnswer(ratings, comments);
			}
			default -> throw new IllegalStateException("unknown stored answer kind: " + node.path("kind"));
		};
	}

}
