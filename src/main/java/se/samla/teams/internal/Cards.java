package se.samla.teams.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.samla.answers.ResponseState;
import se.samla.answers.Step;
import se.samla.campaigns.MessageContent.Fact;
import se.samla.campaigns.MessageContent.Headline;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Level;
import se.samla.surveys.Option;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;

/**
 * The bot's Adaptive Cards (schema 1.5, which Teams renders on desktop, web and phones),
 * built as JSON trees so that no text, ours or the respondent's, can break the card. All
 * text is shown in {@code TextRun}s, which no renderer reads as Markdown: none of it is
 * written as Markdown, so a question numbered {@code 2. } or an answer starting with
 * {@code - } shows as written (see {@link #text}).
 * <p>
 * Every button carries what it is about ({@code samla}: the action, {@code sendOut},
 * {@code step}), so an answer to an old card still lands on the right question.
 */
final class Cards {

	static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

	/** The input of text and choice questions. */
	static final String ANSWER = "answer";

	/** The summary's "which question to change" input. */
	static final String EDIT = "edit";

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	/**
	 * The most a card may take: Teams refuses a message over about 28 KB, and the
	 * activity around the card takes some of it.
	 */
	static final int MAX_CARD_BYTES = 25_000;

	private Cards() {
	}

	/** Input id of one cell of a colour-rating matrix. */
	static String cell(String row, String period) {
		return "m|" + row + "|" + period;
	}

	/** Input id of a matrix row's comment. */
	static String comment(String row) {
		return "c|" + row;
	}

	/**
	 * A question to answer, with what is recorded for it so far (or what the person just
	 * tried, with the error), and the way back.
	 */
	static ObjectNode question(String sendOut, String title, Step step, TeamsTexts texts, String previous, String error,
			JsonNode tried) {
		ArrayNode body = json.arrayNode();
		header(body, title, step, texts);
		Question question = step.question();
		if (question.help() != null) {
			body.add(text(question.help().in(texts.language()), Style.SUBTLE));
		}
		if (previous != null) {
			body.add(userText(texts.get("teams.previous", ""), previous, true));
		}
		if (error != null) {
			body.add(text("⚠ " + error, Style.ATTENTION, Style.BOLD));
		}
		inputs(body, question, step.answer(), tried, texts);
		ArrayNode actions = json.arrayNode();
		actions.add(submit(texts.get("teams.action.answer"), "answer", sendOut, step, true).put("style", "positive"));
		if (!question.required()) {
			actions.add(submit(texts.get("teams.action.skip"), "skip", sendOut, step, false));
		}
		if (step.number() > 1) {
			actions.add(submit(texts.get("teams.action.back"), "back", sendOut, step, false));
		}
		actions.add(submit(texts.get("teams.action.pause"), "pause", sendOut, step, false));
		return card(body, actions);
	}

	/**
	 * The card with a button opening the person's own answer pages in the browser (an
	 * {@code Action.OpenUrl}, which Teams and Web Chat open in a browser).
	 */
	static ObjectNode withWebLink(ObjectNode card, String title, String url) {
		ArrayNode actions = card.has("actions") ? (ArrayNode) card.get("actions") : card.putArray("actions");
		actions.add(json.objectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url));
		return card;
	}

	/** A question card after it was answered: what was recorded, no inputs. */
	static ObjectNode recorded(String title, Step step, TeamsTexts texts) {
		ArrayNode body = json.arrayNode();
		header(body, title, step, texts);
		if (step.skipped() || step.answer() == null) {
			body.add(text("✔ " + texts.get("teams.recorded-skipped"), Style.GOOD));
		}
		else {
			body.add(userText("✔ " + texts.get("teams.recorded", ""),
					AnswerFormatter.format(step.question(), step.answer(), texts.language()), false));
		}
		return card(body, json.arrayNode());
	}

	/**
	 * A card that was replaced by a newer one (after "tillbaka", "ändra" or a reminder):
	 * says so, and takes no input.
	 */
	static ObjectNode superseded(TeamsTexts texts) {
		ArrayNode body = json.arrayNode();
		body.add(text(texts.get("teams.card-superseded.title"), Style.BOLD));
		body.add(text(texts.get("teams.card-superseded.text"), Style.SUBTLE));
		return card(body, json.arrayNode());
	}

	/**
	 * Every question with its answer, whole, before submitting (with the button to
	 * submit) or after (to change something). Over several cards when one would exceed
	 * what Teams takes in a message: the inputs and buttons are on the last.
	 */
	static List<ObjectNode> summary(ResponseState state, String title, TeamsTexts texts, boolean final_) {
		return summary(state, title, texts, final_, MAX_CARD_BYTES);
	}

	static List<ObjectNode> summary(ResponseState state, String title, TeamsTexts texts, boolean final_, int maxBytes) {
		String deadline = (state.deadline() != null) ? texts.date(state.deadline()) : "";
		ObjectNode intro = text(state.isSubmitted() ? texts.get("teams.summary.submitted", deadline)
				: texts.get("teams.summary.intro", deadline), Style.SUBTLE);
		List<ArrayNode> blocks = new ArrayList<>();
		for (Step step : state.steps()) {
			ArrayNode block = json.arrayNode();
			String heading = step.number() + ". " + ((step.itemLabel() != null) ? step.itemLabel() + ": " : "")
					+ step.question().text().in(texts.language());
			block.add(text(heading, Style.BOLD).put("spacing", "Medium"));
			if (step.answer() instanceof AnswerValue.MatrixAnswer matrix) {
				matrixAnswer(block, step.question(), matrix, texts);
			}
			else if (step.answer() != null) {
				block
					.add(userText("", AnswerFormatter.format(step.question(), step.answer(), texts.language()), false));
			}
			else {
				block.add(userText("",
						step.skipped() ? texts.get("teams.summary.skipped") : texts.get("teams.summary.missing"),
						true));
			}
			blocks.add(block);
		}
		// the inputs of the summary before submitting are counted in every part, so
		// that the parts before and after submitting hold the same questions
		ArrayNode inputs = json.arrayNode();
		ArrayNode actions = json.arrayNode();
		summaryInputs(state, texts, inputs, actions);
		List<List<ArrayNode>> parts = new ArrayList<>();
		List<ArrayNode> part = new ArrayList<>();
		for (ArrayNode block : blocks) {
			part.add(block);
			if (part.size() > 1 && bytes(summaryCard(title, texts, intro, part, inputs, actions, 1, 1)) > maxBytes) {
				part.remove(part.size() - 1);
				parts.add(part);
				part = new ArrayList<>(List.of(block));
			}
		}
		parts.add(part);
		if (final_) {
			inputs = json.arrayNode();
			actions = json.arrayNode();
		}
		List<ObjectNode> cards = new ArrayList<>();
		for (int n = 0; n < parts.size(); n++) {
			boolean last = n == parts.size() - 1;
			cards.add(summaryCard(title, texts, (n == 0) ? intro : null, parts.get(n), last ? inputs : json.arrayNode(),
					last ? actions : json.arrayNode(), n + 1, parts.size()));
		}
		return cards;
	}

	private static ObjectNode summaryCard(String title, TeamsTexts texts, ObjectNode intro, List<ArrayNode> blocks,
			ArrayNode inputs, ArrayNode actions, int part, int parts) {
		ArrayNode body = json.arrayNode();
		body.add(text((parts == 1) ? texts.get("teams.summary.title", title)
				: texts.get("teams.summary.part", title, part, parts), Style.BOLD, Style.MEDIUM));
		if (intro != null) {
			body.add(intro.deepCopy());
		}
		blocks.forEach(block -> body.addAll(block.deepCopy()));
		body.addAll(inputs.deepCopy());
		return card(body, actions.deepCopy());
	}

	private static void summaryInputs(ResponseState state, TeamsTexts texts, ArrayNode body, ArrayNode actions) {
		ArrayNode choices = json.arrayNode();
		for (Step step : state.steps()) {
			choices.add(choice(shortTitle(step, texts), step.key().toString()));
		}
		body.add(json.objectNode()
			.put("type", "Input.ChoiceSet")
			.put("id", EDIT)
			.put("style", "compact")
			.put("label", texts.get("teams.summary.edit-label"))
			.put("placeholder", texts.get("teams.choose"))
			.set("choices", choices));
		if (!state.isSubmitted()) {
			actions.add(action(texts.get("teams.action.submit"), "submit", state.sendOut().value(), null, false)
				.put("style", "positive"));
		}
		actions.add(action(texts.get("teams.action.edit"), "edit", state.sendOut().value(), null, true));
	}

	/**
	 * A colour-rating answer whole: per occupation a row of its periods, each with its
	 * level (the colour mark and the name), and the occupation's comment.
	 */
	private static void matrixAnswer(ArrayNode body, Question question, AnswerValue.MatrixAnswer answer,
			TeamsTexts texts) {
		for (Option row : question.rows()) {
			Map<String, String> cells = answer.ratings().getOrDefault(row.id(), Map.of());
			String comment = answer.comments().get(row.id());
			if (cells.isEmpty() && comment == null) {
				continue;
			}
			body.add(text(row.label().in(texts.language()), Style.BOLD).put("spacing", "Small"));
			ArrayNode columns = json.arrayNode();
			for (Option period : question.periods()) {
				String level = cells.get(period.id());
				String shown = (level == null) ? "–"
						: question.scale().level(level).map(found -> levelTitle(found, texts)).orElse(level);
				columns.add(column("stretch", text(period.label().in(texts.language()), Style.SMALL, Style.SUBTLE),
						text(shown, Style.SMALL)));
			}
			body.add(json.objectNode().put("type", "ColumnSet").put("spacing", "None").set("columns", columns));
			if (comment != null) {
				body.add(userText(texts.get("teams.comment-given", ""), comment, true).put("spacing", "None"));
			}
		}
	}

	/** The size of a card as sent, in bytes. */
	static int bytes(ObjectNode card) {
		return card.toString().getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * A message's headline (a digest's: the response rate overall and per network, the
	 * themes most mentioned), for a message whose whole goes by email.
	 */
	static ObjectNode headline(Headline headline) {
		ArrayNode body = json.arrayNode();
		body.add(text(headline.title(), Style.BOLD, Style.MEDIUM));
		if (headline.status() != null) {
			body.add(text(headline.status(), Style.SUBTLE));
		}
		if (headline.summary() != null) {
			body.add(text(headline.summary(), Style.BOLD));
		}
		for (Fact fact : headline.facts()) {
			body.add(fact(fact.name(), fact.value()));
		}
		if (headline.note() != null) {
			body.add(text(headline.note(), Style.SUBTLE));
		}
		return card(body, json.arrayNode());
	}

	/** A card with one button that continues where the person left off. */
	static ObjectNode resume(String sendOut, String message, TeamsTexts texts) {
		ArrayNode body = json.arrayNode();
		body.add(text(message));
		ArrayNode actions = json.arrayNode();
		actions.add(action(texts.get("teams.action.continue"), "continue", sendOut, null, false));
		return card(body, actions);
	}

	private static void header(ArrayNode body, String title, Step step, TeamsTexts texts) {
		body.add(text(texts.get("teams.progress", title, step.number(), step.of()), Style.SMALL, Style.SUBTLE)
			.put("spacing", "None"));
		if (step.itemLabel() != null) {
			body.add(text(step.itemLabel(), Style.BOLD));
		}
		String requirement = step.question().required() ? "" : " (" + texts.get("teams.optional").toLowerCase() + ")";
		body.add(text(step.question().text().in(texts.language()) + requirement, Style.BOLD, Style.MEDIUM));
	}

	private static void inputs(ArrayNode body, Question question, AnswerValue current, JsonNode tried,
			TeamsTexts texts) {
		String required = texts.get("teams.error.required");
		switch (question.type()) {
			case TEXT -> {
				ObjectNode input = json.objectNode()
					.put("type", "Input.Text")
					.put("id", ANSWER)
					.put("label", texts.get("teams.your-answer"))
					.put("isMultiline", question.multiline())
					.put("maxLength", question.maxLength())
					.put("isRequired", question.required())
					.put("errorMessage", required);
				String value = value(tried, ANSWER,
						(current instanceof AnswerValue.TextAnswer answer) ? answer.text() : null);
				if (value != null) {
					input.put("value", value);
				}
				body.add(input);
			}
			case SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE -> {
				ArrayNode choices = json.arrayNode();
				if (question.type() == QuestionType.SCALE) {
					for (Level level : question.scale().levels()) {
						choices.add(choice(levelTitle(level, texts), level.id()));
					}
				}
				else {
					for (Option option : question.options()) {
						choices.add(choice(option.label().in(texts.language()), option.id()));
					}
				}
				ObjectNode input = json.objectNode()
					.put("type", "Input.ChoiceSet")
					.put("id", ANSWER)
					.put("style", "expanded")
					.put("label", texts.get("teams.your-answer"))
					.put("isMultiSelect", question.type() == QuestionType.MULTIPLE_CHOICE)
					.put("isRequired", question.required())
					.put("errorMessage", required);
				input.set("choices", choices);
				String currentValue = null;
				if (current instanceof AnswerValue.ChoiceAnswer answer) {
					currentValue = answer.id();
				}
				else if (current instanceof AnswerValue.ChoicesAnswer answer) {
					currentValue = String.join(",", answer.ids());
				}
				String value = value(tried, ANSWER, currentValue);
				if (value != null) {
					input.put("value", value);
				}
				body.add(input);
			}
			case MATRIX -> matrix(body, question, current, tried, texts, required);
		}
	}

	/**
	 * One block per row (occupation): a dropdown per period, two periods side by side so
	 * that it fits a phone, and the row's comment.
	 */
	private static void matrix(ArrayNode body, Question question, AnswerValue current, JsonNode tried, TeamsTexts texts,
			String required) {
		AnswerValue.MatrixAnswer answer = (current instanceof AnswerValue.MatrixAnswer matrix) ? matrix : null;
		ArrayNode levels = json.arrayNode();
		for (Level level : question.scale().levels()) {
			levels.add(choice(levelTitle(level, texts), level.id()));
		}
		for (Option row : question.rows()) {
			body.add(
					text(row.label().in(texts.language()), Style.BOLD).put("separator", true).put("spacing", "Medium"));
			List<Option> periods = question.periods();
			for (int i = 0; i < periods.size(); i += 2) {
				ArrayNode columns = json.arrayNode();
				for (Option period : periods.subList(i, Math.min(i + 2, periods.size()))) {
					String id = cell(row.id(), period.id());
					String currentLevel = (answer != null)
							? answer.ratings().getOrDefault(row.id(), Map.of()).get(period.id()) : null;
					ObjectNode input = json.objectNode()
						.put("type", "Input.ChoiceSet")
						.put("id", id)
						.put("style", "compact")
						.put("label", period.label().in(texts.language()))
						.put("placeholder", texts.get("teams.choose"))
						.put("isRequired", true)
						.put("errorMessage", required);
					input.set("choices", levels.deepCopy());
					String value = value(tried, id, currentLevel);
					if (value != null) {
						input.put("value", value);
					}
					ArrayNode items = json.arrayNode().add(input);
					columns.add(json.objectNode().put("type", "Column").put("width", "stretch").set("items", items));
				}
				body.add(json.objectNode().put("type", "ColumnSet").set("columns", columns));
			}
			if (question.rowComments()) {
				ObjectNode input = json.objectNode()
					.put("type", "Input.Text")
					.put("id", comment(row.id()))
					.put("placeholder", texts.get("teams.comment"))
					.put("maxLength", question.maxLength());
				String value = value(tried, comment(row.id()),
						(answer != null) ? answer.comments().get(row.id()) : null);
				if (value != null) {
					input.put("value", value);
				}
				body.add(input);
			}
		}
	}

	/**
	 * A level's name with a coloured mark: the colour helps, the name carries the meaning
	 * (readable without colour).
	 */
	static String levelTitle(Level level, TeamsTexts texts) {
		String mark = colourMark(level.colour());
		return ((mark != null) ? mark + " " : "") + level.label().in(texts.language());
	}

	/** The coloured circle nearest to a level's colour (by hue). */
	static String colourMark(String hex) {
		if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
			return null;
		}
		int rgb = Integer.parseInt(hex.substring(1), 16);
		float[] hsb = java.awt.Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
		if (hsb[1] < 0.2f) {
			return (hsb[2] < 0.3f) ? "⚫" : "⚪";
		}
		float hue = hsb[0] * 360;
		if (hue < 20 || hue >= 330) {
			return "🔴";
		}
		if (hue < 40) {
			return "🟠";
		}
		if (hue < 70) {
			return "🟡";
		}
		if (hue < 170) {
			return "🟢";
		}
		if (hue < 260) {
			return "🔵";
		}
		return "🟣";
	}

	private static String value(JsonNode tried, String id, String current) {
		if (tried != null && tried.hasNonNull(id)) {
			return tried.get(id).asText();
		}
		return current;
	}

	private static String shortTitle(Step step, TeamsTexts texts) {
		String text = step.number() + ". " + ((step.itemLabel() != null) ? step.itemLabel() + ": " : "")
				+ step.question().text().in(texts.language());
		return (text.length() > 70) ? text.substring(0, 69) + "…" : text;
	}

	private static ObjectNode card(ArrayNode body, ArrayNode actions) {
		ObjectNode card = json.objectNode()
			.put("type", "AdaptiveCard")
			.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
			.put("version", "1.5");
		card.set("body", body);
		if (!actions.isEmpty()) {
			card.set("actions", actions);
		}
		card.set("msteams", json.objectNode().put("width", "Full"));
		return card;
	}

	/**
	 * Text as a {@code RichTextBlock} of one {@code TextRun}, which no renderer reads as
	 * Markdown: none of the card's text is written as Markdown, and in a
	 * {@code TextBlock} a line starting with {@code 2. } or {@code - } would become a
	 * list (Web Chat numbers every such line "1."), and {@code *}, {@code _} or brackets
	 * would change what a question or an answer says. Escaping with backslashes is not
	 * read alike by every Teams client.
	 */
	static ObjectNode text(String text, Style... styles) {
		ObjectNode run = json.objectNode().put("type", "TextRun").put("text", text);
		for (Style style : styles) {
			style.apply(run);
		}
		ObjectNode block = json.objectNode().put("type", "RichTextBlock");
		block.set("inlines", json.arrayNode().add(run));
		return block;
	}

	/**
	 * A name and its value side by side; not a {@code FactSet}, whose texts renderers
	 * read as Markdown.
	 */
	private static ObjectNode fact(String name, String value) {
		ArrayNode columns = json.arrayNode();
		columns.add(column("stretch", text(name, Style.BOLD)));
		columns.add(column("auto", text(value)));
		ObjectNode row = json.objectNode().put("type", "ColumnSet").put("spacing", "Small");
		row.set("columns", columns);
		return row;
	}

	private static ObjectNode column(String width, ObjectNode... items) {
		ArrayNode list = json.arrayNode();
		for (ObjectNode item : items) {
			list.add(item);
		}
		ObjectNode column = json.objectNode().put("type", "Column").put("width", width);
		column.set("items", list);
		return column;
	}

	/** How a text run looks. */
	enum Style {

		BOLD("weight", "Bolder"), SUBTLE("isSubtle", null), SMALL("size", "Small"), MEDIUM("size", "Medium"),
		ATTENTION("color", "Attention"), GOOD("color", "Good");

		private final String property;

		private final String value;

		Style(String property, String value) {
			this.property = property;
			this.value = value;
		}

		void apply(ObjectNode run) {
			if (this.value == null) {
				run.put(this.property, true);
			}
			else {
				run.put(this.property, this.value);
			}
		}

	}

	/**
	 * A label of ours followed by what the respondent wrote, as plain text runs: Teams
	 * does not read Markdown in a {@code TextRun}.
	 */
	private static ObjectNode userText(String label, String value, boolean subtle) {
		ArrayNode inlines = json.arrayNode();
		if (!label.isEmpty()) {
			inlines.add(json.objectNode().put("type", "TextRun").put("text", label).put("weight", "Bolder"));
		}
		inlines.add(json.objectNode().put("type", "TextRun").put("text", value).put("isSubtle", subtle));
		ObjectNode block = json.objectNode().put("type", "RichTextBlock");
		block.set("inlines", inlines);
		return block;
	}

	private static ObjectNode choice(String title, String value) {
		return json.objectNode().put("title", title).put("value", value);
	}

	private static ObjectNode submit(String title, String what, String sendOut, Step step, boolean withInputs) {
		return action(title, what, sendOut, step.key().toString(), withInputs);
	}

	private static ObjectNode action(String title, String what, String sendOut, String step, boolean withInputs) {
		ObjectNode data = json.objectNode().put("samla", what).put("sendOut", sendOut);
		if (step != null) {
			data.put("step", step);
		}
		ObjectNode action = json.objectNode().put("type", "Action.Submit").put("title", title);
		action.set("data", data);
		if (!withInputs) {
			action.put("associatedInputs", "none");
		}
		return action;
	}

	/** Inputs the person filled in, by id, from a card submit's value. */
	static List<String> inputIds(JsonNode value) {
		List<String> ids = new ArrayList<>();
		value.fieldNames().forEachRemaining(ids::add);
		return ids;
	}

}
