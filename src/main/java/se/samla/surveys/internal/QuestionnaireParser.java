package se.samla.surveys.internal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import se.samla.shared.DefinitionProblem;
import se.samla.shared.yaml.YamlFile;
import se.samla.shared.yaml.YamlMap;
import se.samla.shared.yaml.YamlProblems;
import se.samla.surveys.AnswerReader;
import se.samla.surveys.Condition;
import se.samla.surveys.Level;
import se.samla.surveys.Option;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;
import se.samla.surveys.Questionnaire;
import se.samla.surveys.Questionnaire.Repeat;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Scale;
import se.samla.surveys.Text;

/**
 * Reads one questionnaire file (the format is described in
 * {@code conversations/README.md}). It works on SnakeYAML's node tree rather than on maps
 * so that every problem can name its line, and it keeps going after a mistake so that one
 * run reports them all.
 */
final class QuestionnaireParser {

	private static final List<String> TOP_LEVEL_KEYS = List.of("id", "title", "intro", "repeat", "scales", "questions");

	private static final List<String> COMMON_QUESTION_KEYS = List.of("id", "type", "text", "help", "required",
			"showIf");

	private static final Map<QuestionType, List<String>> TYPE_SPECIFIC_KEYS = Map.of(QuestionType.TEXT,
			List.of("multiline", "maxLength"), QuestionType.SINGLE_CHOICE, List.of("options", "comment"),
			QuestionType.MULTIPLE_CHOICE, List.of("options", "minChoices", "maxChoices"), QuestionType.SCALE,
			List.of("scale", "comment"), QuestionType.MATRIX,
			List.of("scale", "rows", "periods", "rowComments", "maxLength"));

	private static final List<String> QUESTION_KEYS = Stream
		.concat(COMMON_QUESTION_KEYS.stream(),
				Arrays.stream(QuestionType.values()).flatMap((type) -> TYPE_SPECIFIC_KEYS.get(type).stream()))
		.distinct()
		.toList();

	private static final List<String> OPTION_KEYS = List.of("id", "label", "aliases");

	private static final List<String> LEVEL_KEYS = List.of("id", "label", "description", "colour", "aliases");

	private static final Pattern NUMBER = Pattern.compile("\\(?\\d+[.)]?");

	private static final List<String> SHOW_IF_KEYS = List.of("question", "anyOf");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");

	private final String source;

	private final byte[] content;

	private final YamlProblems problems;

	/**
	 * @param source the file as it should be named in messages, e.g.
	 * {@code conversations/steg2.yml}; its name without extension must equal the id
	 * @param content the file's bytes, UTF-8
	 */
	QuestionnaireParser(String source, byte[] content) {
		this.source = source;
		this.content = content.clone();
		this.problems = new YamlProblems(source);
	}

	/**
	 * The first 12 hex digits of the SHA-256 of the content: short, yet unique enough.
	 */
	static String version(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** The questionnaire, or the problems that prevent reading it. */
	record Result(Optional<Questionnaire> questionnaire, List<DefinitionProblem> problems) {
	}

	Result parse() {
		Optional<Questionnaire> questionnaire = YamlFile
			.readMapping(this.content, "a mapping with id, title and questions", this.problems)
			.flatMap(this::questionnaire);
		if (!this.problems.isEmpty()) {
			return new Result(Optional.empty(), this.problems.inFileOrder());
		}
		return new Result(questionnaire, List.of());
	}

	private Optional<Questionnaire> questionnaire(YamlMap top) {
		top.allowOnly(TOP_LEVEL_KEYS);
		Optional<QuestionnaireId> id = top.string("id", true).flatMap((value) -> questionnaireId(top, value));
		Optional<Text> title = YamlTexts.text(top, "title", true);
		Optional<Text> intro = YamlTexts.text(top, "intro", false);
		Repeat repeat = top.string("repeat", false).flatMap((value) -> repeat(top, value)).orElse(Repeat.ONCE);
		Map<String, Scale> scales = scales(top);
		List<Question> questions = questions(top, scales);
		if (!this.problems.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Questionnaire(id.orElseThrow(), version(this.content), title.orElseThrow(),
				intro.orElse(null), repeat, scales, questions, this.source));
	}

	private Optional<QuestionnaireId> questionnaireId(YamlMap top, String value) {
		String fileName = Path.of(this.source).getFileName().toString();
		String expected = fileName.replaceFirst("\\.(yml|yaml)$", "");
		if (!value.equals(expected)) {
			top.report("id",
					"id '" + value + "' does not match the file name " + fileName + " (expected '" + expected + "')");
			return Optional.empty();
		}
		try {
			return Optional.of(new QuestionnaireId(value));
		}
		catch (IllegalArgumentException ex) {
			top.report("id", "id '" + value
					+ "' is not valid: use lower-case letters, digits and dashes, starting with a letter");
			return Optional.empty();
		}
	}

	private Optional<Repeat> repeat(YamlMap top, String value) {
		return switch (value) {
			case "once" -> Optional.of(Repeat.ONCE);
			case "per-owned-activity" -> Optional.of(Repeat.PER_OWNED_ACTIVITY);
			default -> {
				top.report("repeat", "unknown repeat '" + value + "' (expected once or per-owned-activity)");
				yield Optional.empty();
			}
		};
	}

	private Map<String, Scale> scales(YamlMap top) {
		Map<String, Scale> scales = new LinkedHashMap<>();
		Optional<YamlMap> definitions = top.value("scales")
			.flatMap((node) -> YamlMap.of(node, "scales", this.problems));
		if (definitions.isEmpty()) {
			return scales;
		}
		for (String scaleId : definitions.get().keys()) {
			checkId(definitions.get(), definitions.get().keyNode(scaleId), "scale", scaleId);
			String subject = "scale '" + scaleId + "'";
			Optional<Node> definition = definitions.get().value(scaleId);
			if (definition.isEmpty()) {
				this.problems.add(definitions.get().keyNode(scaleId), subject + ": needs 'levels'");
				continue;
			}
			Optional<YamlMap> scale = YamlMap.of(definition.get(), subject, this.problems);
			if (scale.isEmpty()) {
				continue;
			}
			scale.get().allowOnly(List.of("levels"));
			List<Level> levels = scale.get()
				.list("levels", true)
				.map((nodes) -> levels(scale.get(), nodes))
				.orElse(List.of());
			if (scale.get().has("levels") && levels.isEmpty()) {
				scale.get().report("levels", "a scale needs at least one level");
			}
			scales.put(scaleId, new Scale(scaleId, levels));
		}
		return scales;
	}

	private List<Level> levels(YamlMap scale, List<Node> nodes) {
		List<Level> levels = new ArrayList<>();
		List<Labelled> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Node node : nodes) {
			labelled(scale, node, "level", LEVEL_KEYS).ifPresent((entry) -> {
				if (unique(scale, node, "level", entry.id(), seen)) {
					Text description = entry.mapping()
						.flatMap((m) -> YamlTexts.text(m, "description", false))
						.orElse(null);
					String colour = entry.mapping().flatMap((m) -> m.string("colour", false)).orElse(null);
					levels.add(new Level(entry.id(), entry.label(), description, colour, entry.aliasTexts()));
					entries.add(entry);
				}
			});
		}
		checkAliases(scale, "level", entries);
		return levels;
	}

	/** Options, rows and periods: {@code {id, label}}, or a plain label. */
	private Optional<List<Option>> options(YamlMap question, String key, String kind) {
		return question.list(key, true).map((nodes) -> {
			List<Option> options = new ArrayList<>();
			List<Labelled> entries = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			for (Node node : nodes) {
				labelled(question, node, kind, OPTION_KEYS).ifPresent((entry) -> {
					if (unique(question, node, kind, entry.id(), seen)) {
						options.add(new Option(entry.id(), entry.label(), entry.aliasTexts()));
						entries.add(entry);
					}
				});
			}
			checkAliases(question, kind, entries);
			if (options.isEmpty() && nodes.isEmpty()) {
				question.report(key, "'" + key + "' is empty; give at least one " + kind);
			}
			return options;
		});
	}

	private record Labelled(String id, Text label, Optional<YamlMap> mapping, List<Alias> aliases) {

		List<String> aliasTexts() {
			return this.aliases.stream().map(Alias::text).toList();
		}

	}

	/** An alias as written, with its node for messages. */
	private record Alias(String text, Node node) {
	}

	/**
	 * {@code aliases}: other words for an option, as a list of plain texts (or one text).
	 * A number cannot be an alias: numbers choose options by their place in the list.
	 */
	private List<Alias> aliases(YamlMap entry, String kind, String id) {
		Optional<Node> value = entry.value("aliases");
		if (value.isEmpty()) {
			return List.of();
		}
		List<Node> nodes = (value.get() instanceof ScalarNode) ? List.of(value.get())
				: entry.list("aliases", false).orElse(List.of());
		List<Alias> aliases = new ArrayList<>();
		for (Node node : nodes) {
			entry.scalar("aliases", node).ifPresent((text) -> {
				String subject = kind + " '" + id + "': ";
				if (text.isBlank()) {
					entry.report(node, subject + "an alias must not be blank");
				}
				else if (NUMBER.matcher(AnswerReader.normalise(text)).matches()) {
					entry.report(node, subject + "alias '" + text
							+ "' is a number; numbers already choose options by their place in the list");
				}
				else {
					aliases.add(new Alias(text, node));
				}
			});
		}
		return aliases;
	}

	/**
	 * An alias must name its own entry only: not another entry's id, label (in either
	 * language) or alias, compared as typed answers are (case and accents ignored).
	 */
	private void checkAliases(YamlMap owner, String kind, List<Labelled> entries) {
		Map<String, String> names = new HashMap<>();
		for (Labelled entry : entries) {
			names.put(entry.id(), entry.id());
			names.put(AnswerReader.normalise(entry.label().sv()), entry.id());
			if (entry.label().en() != null) {
				names.putIfAbsent(AnswerReader.normalise(entry.label().en()), entry.id());
			}
		}
		Map<String, String> aliasOwners = new HashMap<>();
		for (Labelled entry : entries) {
			for (Alias alias : entry.aliases()) {
				String name = AnswerReader.normalise(alias.text());
				String other = names.get(name);
				String otherAlias = aliasOwners.putIfAbsent(name, entry.id());
				if (other != null && !other.equals(entry.id())) {
					owner.report(alias.node(), kind + " '" + entry.id() + "': alias '" + alias.text()
							+ "' is the label or id of " + kind + " '" + other + "'; an answer would be ambiguous");
				}
				else if (otherAlias != null && !otherAlias.equals(entry.id())) {
					owner.report(alias.node(), kind + " '" + entry.id() + "': alias '" + alias.text()
							+ "' is also an alias of " + kind + " '" + otherAlias + "'; an answer would be ambiguous");
				}
			}
		}
	}

	/**
	 * An entry with an id and a label. A plain string is a label whose id is derived from
	 * it (lower case, accents removed, dashes between words: "Ej påbörjat" →
	 * {@code ej-paborjat}).
	 */
	private Optional<Labelled> labelled(YamlMap owner, Node node, String kind, List<String> keys) {
		if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
			String label = scalar.getValue().strip();
			String id = slug(label);
			if (id.isEmpty()) {
				owner.report(node,
						"cannot derive an id from the " + kind + " '" + label + "'; write {id: ..., label: ...}");
				return Optional.empty();
			}
			return Optional.of(new Labelled(id, Text.sv(label), Optional.empty(), List.of()));
		}
		Optional<YamlMap> mapping = YamlMap.of(node, owner.subject(), this.problems);
		if (mapping.isEmpty()) {
			return Optional.empty();
		}
		mapping.get().allowOnly(keys);
		Optional<String> id = mapping.get().string("id", true);
		id.ifPresent((value) -> checkId(mapping.get(), mapping.get().value("id").orElseThrow(), kind, value));
		Optional<Text> label = YamlTexts.text(mapping.get(), "label", true);
		List<Alias> aliases = keys.contains("aliases") ? aliases(mapping.get(), kind, id.orElse("?")) : List.of();
		if (id.isEmpty() || label.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Labelled(id.get(), label.get(), mapping, aliases));
	}

	static String slug(String label) {
		String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return NOT_ID.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
	}

	private boolean unique(YamlMap owner, Node node, String kind, String id, Map<String, Integer> seen) {
		Integer first = seen.putIfAbsent(id, YamlProblems.line(node));
		if (first != null) {
			owner.report(node, "duplicate " + kind + " id '" + id + "' (first on line " + first + ")");
		}
		return first == null;
	}

	private void checkId(YamlMap owner, Node node, String kind, String id) {
		if (!ID.matcher(id).matches()) {
			owner.report(node,
					kind + " id '" + id + "' is not valid: use lower-case ascii letters, digits, '-' and '_'");
		}
	}

	/**
	 * A question as first read, before its {@code showIf} is checked against the others.
	 */
	private record Draft(String id, Node node, Optional<Question> question, Optional<YamlMap> showIf) {
	}

	private List<Question> questions(YamlMap top, Map<String, Scale> scales) {
		List<Node> nodes = top.list("questions", true).orElse(List.of());
		if (top.has("questions") && nodes.isEmpty()) {
			top.report("questions", "'questions' is empty; a questionnaire needs at least one question");
		}
		List<Draft> drafts = new ArrayList<>();
		for (int index = 0; index < nodes.size(); index++) {
			draft(nodes.get(index), index + 1, scales).ifPresent(drafts::add);
		}
		Map<String, Draft> byId = new HashMap<>();
		for (Draft draft : drafts) {
			Draft first = byId.putIfAbsent(draft.id(), draft);
			if (first != null) {
				this.problems.add(draft.node(), "duplicate question id '" + draft.id() + "' (first on line "
						+ YamlProblems.line(first.node()) + ")");
			}
		}
		List<Question> questions = new ArrayList<>();
		for (int index = 0; index < drafts.size(); index++) {
			Draft draft = drafts.get(index);
			Optional<Condition> condition = draft.showIf().flatMap((showIf) -> condition(showIf, draft, drafts));
			draft.question()
				.map((question) -> withCondition(question, condition.orElse(null)))
				.ifPresent(questions::add);
		}
		return questions;
	}

	private Optional<Draft> draft(Node node, int position, Map<String, Scale> scales) {
		Optional<YamlMap> read = YamlMap.of(node, "question " + position, this.problems);
		if (read.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> id = read.get().string("id", true);
		String subject = id.map((value) -> "question '" + value + "'").orElse("question " + position);
		YamlMap mapping = read.get().about(subject);
		mapping.allowOnly(QUESTION_KEYS);
		id.ifPresent((value) -> checkId(mapping, mapping.value("id").orElseThrow(), "question", value));
		int problemsBefore = this.problems.count();
		Optional<QuestionType> type = mapping.string("type", true).flatMap((name) -> type(mapping, name));
		Optional<Text> text = YamlTexts.text(mapping, "text", true);
		Text help = YamlTexts.text(mapping, "help", false).orElse(null);
		boolean required = mapping.flag("required", true);
		Optional<Question> question = type.flatMap((kind) -> {
			rejectKeysOfOtherTypes(mapping, kind);
			return switch (kind) {
				case TEXT -> textQuestion(mapping, id, text, help, required);
				case SINGLE_CHOICE, MULTIPLE_CHOICE -> choiceQuestion(mapping, kind, id, text, help, required);
				case SCALE -> scaleQuestion(mapping, scales, id, text, help, required);
				case MATRIX -> matrixQuestion(mapping, scales, id, text, help, required);
			};
		});
		Optional<YamlMap> showIf = mapping.value("showIf")
			.flatMap((value) -> YamlMap.of(value, subject + ", showIf", this.problems));
		if (id.isEmpty()) {
			return Optional.empty();
		}
		boolean valid = this.problems.count() == problemsBefore;
		return Optional.of(new Draft(id.get(), node, valid ? question : Optional.empty(), showIf));
	}

	private Optional<QuestionType> type(YamlMap question, String name) {
		Optional<QuestionType> type = QuestionType.fromYaml(name);
		if (type.isEmpty()) {
			question.report("type", "unknown type '" + name + "' (expected one of "
					+ Arrays.stream(QuestionType.values()).map(QuestionType::yamlName).collect(Collectors.joining(", "))
					+ ")");
		}
		return type;
	}

	private void rejectKeysOfOtherTypes(YamlMap question, QuestionType type) {
		List<String> allowed = TYPE_SPECIFIC_KEYS.get(type);
		for (String key : question.keys()) {
			if (QUESTION_KEYS.contains(key) && !COMMON_QUESTION_KEYS.contains(key) && !allowed.contains(key)) {
				question.report(question.keyNode(key),
						"key '" + key + "' does not apply to a " + type.yamlName() + " question");
			}
		}
	}

	private Optional<Question> textQuestion(YamlMap mapping, Optional<String> id, Optional<Text> text, Text help,
			boolean required) {
		boolean multiline = mapping.flag("multiline", false);
		int maxLength = maxLength(mapping);
		return build(id, text, (questionId, questionText) -> new Question(questionId, QuestionType.TEXT, questionText,
				help, required, null, multiline, maxLength, null, null, null, null, null, null, false));
	}

	private Optional<Question> choiceQuestion(YamlMap mapping, QuestionType type, Optional<String> id,
			Optional<Text> text, Text help, boolean required) {
		List<Option> options = options(mapping, "options", "option").orElse(List.of());
		Integer min = null;
		Integer max = null;
		if (type == QuestionType.MULTIPLE_CHOICE) {
			min = mapping.integer("minChoices")
				.filter((value) -> inRange(mapping, "minChoices", value, 0, options.size()))
				.orElse(null);
			max = mapping.integer("maxChoices")
				.filter((value) -> inRange(mapping, "maxChoices", value, 1, options.size()))
				.orElse(null);
			if (min != null && max != null && min > max) {
				mapping.report("minChoices", "minChoices (" + min + ") is greater than maxChoices (" + max + ")");
			}
		}
		Integer minChoices = min;
		Integer maxChoices = max;
		boolean comment = mapping.flag("comment", false);
		return build(id, text, (questionId, questionText) -> new Question(questionId, type, questionText, help,
				required, null, false, 0, options, minChoices, maxChoices, null, null, null, false, comment));
	}

	private boolean inRange(YamlMap mapping, String key, int value, int min, int max) {
		if (value < min || value > max) {
			mapping.report(key,
					key + " must be between " + min + " and " + max + " (the number of options), not " + value);
			return false;
		}
		return true;
	}

	private Optional<Question> scaleQuestion(YamlMap mapping, Map<String, Scale> scales, Optional<String> id,
			Optional<Text> text, Text help, boolean required) {
		Optional<Scale> scale = scale(mapping, scales);
		boolean comment = mapping.flag("comment", false);
		return build(id, text, (questionId, questionText) -> new Question(questionId, QuestionType.SCALE, questionText,
				help, required, null, false, 0, null, null, null, scale.orElse(null), null, null, false, comment));
	}

	private Optional<Question> matrixQuestion(YamlMap mapping, Map<String, Scale> scales, Optional<String> id,
			Optional<Text> text, Text help, boolean required) {
		Optional<Scale> scale = scale(mapping, scales);
		List<Option> rows = options(mapping, "rows", "row").orElse(List.of());
		List<Option> periods = options(mapping, "periods", "period").orElse(List.of());
		boolean rowComments = mapping.flag("rowComments", false);
		int maxLength = maxLength(mapping);
		return build(id, text,
				(questionId, questionText) -> new Question(questionId, QuestionType.MATRIX, questionText, help,
						required, null, false, maxLength, null, null, null, scale.orElse(null), rows, periods,
						rowComments));
	}

	private Optional<Scale> scale(YamlMap mapping, Map<String, Scale> scales) {
		return mapping.string("scale", true).flatMap((scaleId) -> {
			Scale scale = scales.get(scaleId);
			if (scale == null) {
				String defined = scales.isEmpty() ? "none are defined under 'scales'"
						: "defined scales: " + String.join(", ", scales.keySet());
				mapping.report("scale", "unknown scale '" + scaleId + "' (" + defined + ")");
			}
			return Optional.ofNullable(scale);
		});
	}

	private int maxLength(YamlMap mapping) {
		return mapping.integer("maxLength").filter((value) -> {
			if (value < 1) {
				mapping.report("maxLength", "maxLength must be at least 1, not " + value);
			}
			return value >= 1;
		}).orElse(0);
	}

	private interface QuestionFactory {

		Question create(String id, Text text);

	}

	private static Optional<Question> build(Optional<String> id, Optional<Text> text, QuestionFactory factory) {
		return (id.isPresent() && text.isPresent()) ? Optional.of(factory.create(id.get(), text.get()))
				: Optional.empty();
	}

	private Optional<Condition> condition(YamlMap showIf, Draft follower, List<Draft> drafts) {
		showIf.allowOnly(SHOW_IF_KEYS);
		Optional<String> target = showIf.string("question", true);
		List<Node> anyOf = anyOf(showIf);
		if (target.isEmpty()) {
			return Optional.empty();
		}
		int followerIndex = drafts.indexOf(follower);
		int targetIndex = indexOf(drafts, target.get());
		if (targetIndex < 0) {
			showIf.report("question", "refers to unknown question '" + target.get() + "'");
			return Optional.empty();
		}
		if (targetIndex == followerIndex) {
			showIf.report("question", "refers to the question itself; a follow-up depends on an earlier question");
			return Optional.empty();
		}
		if (targetIndex > followerIndex) {
			showIf.report("question", "refers to question '" + target.get()
					+ "', which comes later; a follow-up must come after the question it depends on");
			return Optional.empty();
		}
		Optional<Question> decider = drafts.get(targetIndex).question();
		if (decider.isEmpty()) {
			return Optional.empty();
		}
		if (decider.get().type() == QuestionType.TEXT) {
			showIf.report("question", "refers to free-text question '" + target.get()
					+ "'; only choice, scale and matrix answers can decide a follow-up");
			return Optional.empty();
		}
		List<String> known = decider.get().choiceIds();
		Set<String> ids = new LinkedHashSet<>();
		for (Node node : anyOf) {
			showIf.scalar("anyOf", node).ifPresent((value) -> {
				if (!known.contains(value)) {
					String kind = (decider.get().scale() != null) ? "a level" : "an option";
					showIf.report(node, "'" + value + "' in anyOf is not " + kind + " of question '" + target.get()
							+ "' (expected one of " + String.join(", ", known) + ")");
				}
				ids.add(value);
			});
		}
		return ids.isEmpty() ? Optional.empty() : Optional.of(new Condition(target.get(), ids));
	}

	/** {@code anyOf} is a list of ids; a single id is accepted as a list of one. */
	private List<Node> anyOf(YamlMap showIf) {
		Optional<Node> value = showIf.required("anyOf");
		if (value.isEmpty()) {
			return List.of();
		}
		if (value.get() instanceof ScalarNode) {
			return List.of(value.get());
		}
		List<Node> nodes = showIf.list("anyOf", true).orElse(List.of());
		if (nodes.isEmpty() && value.get() instanceof SequenceNode) {
			showIf.report("anyOf", "'anyOf' is empty; name at least one option or level");
		}
		return nodes;
	}

	private static int indexOf(List<Draft> drafts, String id) {
		for (int index = 0; index < drafts.size(); index++) {
			if (drafts.get(index).id().equals(id)) {
				return index;
			}
		}
		return -1;
	}

	private static Question withCondition(Question q, Condition condition) {
		return new Question(q.id(), q.type(), q.text(), q.help(), q.required(), condition, q.multiline(), q.maxLength(),
				q.options(), q.minChoices(), q.maxChoices(), q.scale(), q.rows(), q.periods(), q.rowComments(),
				q.comment());
	}

}
