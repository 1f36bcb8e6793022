package se.samla.teams.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a card against the Adaptive Cards 1.5 schema, as far as the bot's cards use it:
 * only element, inline and action types of 1.5 or earlier, only properties those types
 * have, the required ones present, and enumerated values spelt as the schema spells them.
 * Written from the schema explorer at adaptivecards.io (not a copy of the JSON schema,
 * which is not available offline); a renderer drops or refuses what this finds.
 */
final class CardSchema {

	private static final Set<String> ELEMENT = Set.of("type", "id", "isVisible", "requires", "fallback", "height",
			"separator", "spacing");

	private static final Set<String> INPUT = Set.of("label", "isRequired", "errorMessage");

	private static final Map<String, Set<String>> ELEMENTS = Map.of("TextBlock",
			Set.of("text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size", "weight", "wrap",
					"style"),
			"RichTextBlock", Set.of("inlines", "horizontalAlignment"), "ColumnSet",
			Set.of("columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"), "Container",
			Set.of("items", "selectAction", "style", "verticalContentAlignment", "bleed", "backgroundImage",
					"minHeight", "rtl"),
			"FactSet", Set.of("facts"), "ActionSet", Set.of("actions"), "Input.Text",
			Set.of("isMultiline", "maxLength", "placeholder", "regex", "style", "inlineAction", "value"),
			"Input.ChoiceSet", Set.of("choices", "isMultiSelect", "style", "value", "placeholder", "wrap"));

	private static final Set<String> COLUMN = Set.of("type", "id", "items", "backgroundImage", "bleed", "fallback",
			"minHeight", "rtl", "separator", "spacing", "selectAction", "style", "verticalContentAlignment", "width",
			"isVisible", "requires");

	private static final Set<String> TEXT_RUN = Set.of("type", "text", "color", "fontType", "highlight", "isSubtle",
			"italic", "selectAction", "size", "strikethrough", "underline", "weight");

	private static final Set<String> ACTION = Set.of("type", "title", "iconUrl", "id", "style", "fallback", "tooltip",
			"isEnabled", "mode", "requires");

	private static final Map<String, Set<String>> ACTIONS = Map.of("Action.Submit", Set.of("data", "associatedInputs"),
			"Action.Execute", Set.of("verb", "data", "associatedInputs"), "Action.OpenUrl", Set.of("url"));

	private static final Set<String> CARD = Set.of("type", "version", "refresh", "authentication", "body", "actions",
			"selectAction", "fallbackText", "backgroundImage", "minHeight", "rtl", "speak", "lang",
			"verticalContentAlignment", "$schema", "msteams");

	private static final Map<String, Set<String>> ENUMS = Map.of("spacing",
			Set.of("default", "none", "small", "medium", "large", "extralarge", "padding"), "weight",
			Set.of("default", "lighter", "bolder"), "size", Set.of("default", "small", "medium", "large", "extralarge"),
			"color", Set.of("default", "dark", "light", "accent", "good", "warning", "attention"), "associatedInputs",
			Set.of("auto", "none"));

	private final List<String> problems = new ArrayList<>();

	private CardSchema() {
	}

	/** What is wrong with a card; empty when it is a valid Adaptive Card 1.5. */
	static List<String> problems(JsonNode card) {
		CardSchema schema = new CardSchema();
		schema.card(card);
		return schema.problems;
	}

	private void card(JsonNode card) {
		check("card", card, CARD);
		if (!"AdaptiveCard".equals(card.path("type").asText())) {
			this.problems.add("card: type is not AdaptiveCard");
		}
		if (!"1.5".equals(card.path("version").asText())) {
			this.problems.add("card: version is not 1.5");
		}
		if (!card.path("body").isArray()) {
			this.problems.add("card: no body");
		}
		card.path("body").forEach(this::element);
		card.path("actions").forEach(this::action);
	}

	private void element(JsonNode element) {
		String type = element.path("type").asText();
		Set<String> own = ELEMENTS.get(type);
		if (own == null) {
			this.problems.add("unknown element type " + type);
			return;
		}
		Set<String> allowed = new java.util.HashSet<>(ELEMENT);
		allowed.addAll(own);
		if (type.startsWith("Input.")) {
			allowed.addAll(INPUT);
			require(type, element, "id");
		}
		check(type, element, allowed);
		switch (type) {
			case "TextBlock" -> require(type, element, "text");
			case "RichTextBlock" -> {
				require(type, element, "inlines");
				element.path("inlines").forEach(inline -> {
					check("TextRun", inline, TEXT_RUN);
					require("TextRun", inline, "text");
					if (!"TextRun".equals(inline.path("type").asText())) {
						this.problems.add("inline of type " + inline.path("type").asText());
					}
				});
			}
			case "ColumnSet" -> element.path("columns").forEach(column -> {
				check("Column", column, COLUMN);
				column.path("items").forEach(this::element);
			});
			case "Container" -> element.path("items").forEach(this::element);
			case "ActionSet" -> element.path("actions").forEach(this::action);
			case "FactSet" -> element.path("facts").forEach(fact -> {
				require("Fact", fact, "title");
				require("Fact", fact, "value");
			});
			case "Input.ChoiceSet" -> {
				require(type, element, "choices");
				element.path("choices").forEach(choice -> {
					check("Choice", choice, Set.of("title", "value"));
					require("Choice", choice, "title");
					require("Choice", choice, "value");
				});
			}
			default -> {
			}
		}
	}

	private void action(JsonNode action) {
		String type = action.path("type").asText();
		Set<String> own = ACTIONS.get(type);
		if (own == null) {
			this.problems.add("unknown action type " + type);
			return;
		}
		Set<String> allowed = new java.util.HashSet<>(ACTION);
		allowed.addAll(own);
		check(type, action, allowed);
	}

	private void check(String where, JsonNode node, Set<String> allowed) {
		node.properties().forEach(property -> {
			if (!allowed.contains(property.getKey())) {
				this.problems.add(where + ": unknown property " + property.getKey());
			}
			Set<String> values = ENUMS.get(property.getKey());
			if (values != null && !values.contains(property.getValue().asText().toLowerCase(Locale.ROOT))) {
				this.problems.add(where + ": " + property.getKey() + " " + property.getValue());
			}
		});
		if (where.equals("TextBlock") || where.equals("TextRun")) {
			if (!node.path("text").isTextual()) {
				this.problems.add(where + ": text is not a string");
			}
		}
	}

	private void require(String where, JsonNode node, String property) {
		if (!node.hasNonNull(property)) {
			this.problems.add(where + ": " + property + " missing");
		}
	}

}
