package se.samla.surveys;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.samla.shared.Language;

/**
 * Understands what a person typed, in a chat turn or an email, as an answer to one
 * question, so that every channel reads answers the same way. Choices may be given by
 * their number as listed, their id, their label or an alias from the questionnaire
 * (ignoring case and accents: "sarbart" is "Sårbart"). A single choice may also be the
 * first words of a longer answer ("Pågående – vi har genomfört två av fyra"): the rest is
 * the choice's comment when the question takes one. The accepted forms are described in
 * {@code conversations/README.md}.
 * <p>
 * The answer is also checked with {@link Question#validate(AnswerValue)}, so an
 * {@link Understood} result can be stored as it is. Whether an optional question may be
 * skipped is the caller's decision: an empty reply is reported as {@code answer.empty}.
 */
public final class AnswerReader {

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\n]");

	private static final Pattern AND = Pattern.compile("\\s+(?:och|and)\\s+", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEVEL_SEPARATOR = Pattern.compile("[,;]");

	private static final Pattern COMMENT_SEPARATOR = Pattern.compile("\\s+[–—-]\\s+");

	private static final Pattern NUMBER = Pattern.compile("\\(?(\\d{1,3})[.)]?");

	/**
	 * A choice's number at the start of a longer answer: "2. …", "2) …", "(2) …", "2 –
	 * …"; the separator is optional only when a label follows ("2 Pågående").
	 */
	private static final Pattern LEADING_NUMBER = Pattern
		.compile("^\\(?(\\d{1,3})(?:\\s*[.):,;]|\\s+[–—-](?=\\s)|(?=\\s))\\s*(.*)$", Pattern.DOTALL);

	/** What may stand between a choice and the explanation after it. */
	private static final Pattern EXPLANATION_START = Pattern.compile("^[\\s.,;:!?)\\]–—-]+");

	/** Labels and aliases are short: longer first words are not looked at. */
	private static final int LEADING_WORDS = 8;

	/** Longest part of a reply quoted back in an error. */
	private static final int QUOTED_LENGTH = 60;

	/** What the person meant, or why it could not be understood. */
	public sealed interface Result permits Understood, NotUnderstood {

	}

	/**
	 * The answer, valid for the question.
	 *
	 * @param value the answer
	 * @param unkept text written after a choice that the answer does not keep, because
	 * the question takes no comment (for the channel to say so), or {@code null}
	 */
	public record Understood(AnswerValue value, String unkept) implements Result {

		public Understood(AnswerValue value) {
			this(value, null);
		}

	}

	/**
	 * A problem to tell the person, as a message code from the {@code messages} bundle.
	 */
	public record NotUnderstood(Problem problem) implements Result {

	}

	/**
	 * @param question the question being answered
	 * @param input what the person wrote
	 * @param language the person's language; labels are recognised in either language
	 * @return the answer, or the first problem with it
	 */
	public Result read(Question question, String input, Language language) {
		String text = (input != null) ? input.strip() : "";
		if (text.isEmpty()) {
			return new NotUnderstood(Problem.of("answer.empty"));
		}
		Result interpreted = switch (question.type()) {
			case TEXT -> new Understood(new AnswerValue.TextAnswer(text));
			case SINGLE_CHOICE -> single(question, choices(question.options()), text, language);
			case SCALE -> single(question, levels(question.scale()), text, language);
			case MULTIPLE_CHOICE -> multiple(question, choices(question.options()), text, language);
			case MATRIX -> matrix(question, text, language);
		};
		if (interpreted instanceof Understood understood) {
			List<Problem> problems = question.validate(understood.value());
			if (!problems.isEmpty()) {
				return new NotUnderstood(problems.get(0));
			}
		}
		return interpreted;
	}

	/**
	 * The whole text as a choice; else a choice followed by an explanation, the choice
	 * given by its label (or alias or id), or by its number and a separator. A number
	 * followed by a label means the label: the number may be the question's.
	 */
	private Result single(Question question, List<Choice> choices, String text, Language language) {
		Optional<String> whole = match(choices, text);
		if (whole.isPresent()) {
			return new Understood(new AnswerValue.ChoiceAnswer(whole.get()));
		}
		Optional<Led> led = labelLed(choices, text);
		Matcher number = LEADING_NUMBER.matcher(text);
		if (led.isEmpty() && number.matches()) {
			String rest = EXPLANATION_START.matcher(number.group(2)).replaceFirst("").strip();
			Optional<String> labelAfter = match(choices, rest)
				.filter((id) -> !NUMBER.matcher(normalise(rest)).matches());
			if (labelAfter.isPresent()) {
				return new Understood(new AnswerValue.ChoiceAnswer(labelAfter.get()));
			}
			led = labelLed(choices, rest);
			int index = Integer.parseInt(number.group(1)) - 1;
			boolean separated = !text.substring(number.end(1), number.start(2)).isBlank();
			if (led.isEmpty() && separated && index >= 0 && index < choices.size()) {
				led = Optional.of(new Led(choices.get(index).id(), rest));
			}
		}
		if (led.isEmpty()) {
			return notAnOption(question, text, language);
		}
		if (question.comment()) {
			return new Understood(new AnswerValue.ChoiceAnswer(led.get().id(), led.get().explanation()));
		}
		return new Understood(new AnswerValue.ChoiceAnswer(led.get().id()), led.get().explanation());
	}

	/** A choice and the explanation written after it. */
	private record Led(String id, String explanation) {
	}

	/**
	 * The longest run of first words that is a choice's label, alias or id, when more
	 * text follows it.
	 */
	private static Optional<Led> labelLed(List<Choice> choices, String text) {
		List<Integer> wordEnds = new ArrayList<>();
		for (int index = 1; index <= text.length() && wordEnds.size() < LEADING_WORDS; index++) {
			boolean endOfWord = Character.isLetterOrDigit(text.charAt(index - 1))
					&& (index == text.length() || !Character.isLetterOrDigit(text.charAt(index)));
			if (endOfWord) {
				wordEnds.add(index);
			}
		}
		for (int i = wordEnds.size() - 1; i >= 0; i--) {
			String prefix = text.substring(0, wordEnds.get(i));
			String explanation = EXPLANATION_START.matcher(text.substring(wordEnds.get(i))).replaceFirst("").strip();
			if (explanation.isEmpty() || NUMBER.matcher(normalise(prefix)).matches()) {
				continue;
			}
			Optional<String> id = match(choices, prefix);
			if (id.isPresent()) {
				return Optional.of(new Led(id.get(), explanation));
			}
		}
		return Optional.empty();
	}

	/**
	 * The choices a question offers, numbered as people may answer them: "(1) Genomfört,
	 * (2) Pågående, …". Emails list them so; errors repeat them.
	 * @param question a single choice, multiple choice or scale question
	 * @param language the reader's language
	 * @return the numbered labels, or an empty text for other questions
	 */
	public static String numberedChoices(Question question, Language language) {
		List<Text> labels = switch (question.type()) {
			case SINGLE_CHOICE, MULTIPLE_CHOICE -> question.options().stream().map(Option::label).toList();
			case SCALE -> question.scale().levels().stream().map(Level::label).toList();
			default -> List.of();
		};
		List<String> numbered = new ArrayList<>();
		for (int index = 0; index < labels.size(); index++) {
			numbered.add("(" + (index + 1) + ") " + labels.get(index).in(language));
		}
		return String.join(", ", numbered);
	}

	private static Result notAnOption(Question question, String text, Language language) {
		String shown = text.strip().replaceAll("\\s+", " ");
		if (shown.length() > QUOTED_LENGTH) {
			shown = shown.substring(0, QUOTED_LENGTH - 1).strip() + "…";
		}
		return new NotUnderstood(Problem.of("answer.not-an-option", shown, numberedChoices(question, language)));
	}

	/**
	 * Parts separated by commas, semicolons or lines; a part that is not a whole label is
	 * split once more at "och"/"and", so that labels containing "och" still match.
	 */
	private Result multiple(Question question, List<Choice> choices, String text, Language language) {
		Set<String> ids = new LinkedHashSet<>();
		for (String part : LIST_SEPARATOR.split(text)) {
			if (part.isBlank()) {
				continue;
			}
			Optional<String> whole = match(choices, part);
			if (whole.isPresent()) {
				ids.add(whole.get());
				continue;
			}
			for (String piece : AND.split(part.strip())) {
				Optional<String> id = match(choices, piece);
				if (id.isEmpty()) {
					return notAnOption(question, piece, language);
				}
				ids.add(id.get());
			}
		}
		return new Understood(new AnswerValue.ChoicesAnswer(List.copyOf(ids)));
	}

	/**
	 * One line per row: {@code row: level, level, ... [– comment]}. The row is its label
	 * or number; one level per period in order, or a single level for all periods. The
	 * comment follows a dash with spaces around it, or a second colon.
	 */
	private Result matrix(Question question, String text, Language language) {
		List<Choice> rows = choices(question.rows());
		List<Choice> levels = levels(question.scale());
		Map<String, Map<String, String>> ratings = new LinkedHashMap<>();
		Map<String, String> comments = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				return new NotUnderstood(Problem.of("answer.matrix-line-not-understood", line.strip()));
			}
			String rowText = line.substring(0, colon);
			Optional<String> row = match(rows, rowText);
			if (row.isEmpty()) {
				return notUnderstood(rowText.strip());
			}
			String[] ratingAndComment = splitComment(line.substring(colon + 1));
			List<String> rated = new ArrayList<>();
			for (String token : levelTokens(levels, ratingAndComment[0])) {
				Optional<String> level = match(levels, token);
				if (level.isEmpty()) {
					return notUnderstood(token);
				}
				rated.add(level.get());
			}
			List<Option> periods = question.periods();
			if (rated.size() != 1 && rated.size() != periods.size()) {
				return new NotUnderstood(Problem.of("answer.matrix-wrong-count",
						label(question.rows(), row.get(), language), periods.size(), rated.size()));
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int index = 0; index < periods.size(); index++) {
				cells.put(periods.get(index).id(), rated.get((rated.size() == 1) ? 0 : index));
			}
			ratings.put(row.get(), cells);
			if (ratingAndComment[1] != null && !ratingAndComment[1].isBlank()) {
				comments.put(row.get(), ratingAndComment[1]);
			}
		}
		return new Understood(new AnswerValue.MatrixAnswer(ratings, comments));
	}

	/** Splits "brist, sårbart – svårt att rekrytera" into ratings and comment. */
	private static String[] splitComment(String rest) {
		Matcher dash = COMMENT_SEPARATOR.matcher(rest);
		if (dash.find()) {
			return new String[] { rest.substring(0, dash.start()), rest.substring(dash.end()).strip() };
		}
		int colon = rest.indexOf(':');
		if (colon >= 0) {
			return new String[] { rest.substring(0, colon), rest.substring(colon + 1).strip() };
		}
		return new String[] { rest, null };
	}

	/**
	 * Levels separated by commas or semicolons; without those, by spaces, unless the
	 * whole text is one level whose label has a space.
	 */
	private static List<String> levelTokens(List<Choice> levels, String ratings) {
		List<String> tokens = new ArrayList<>();
		for (String token : LEVEL_SEPARATOR.split(ratings)) {
			if (!token.isBlank()) {
				tokens.add(token.strip());
			}
		}
		if (tokens.size() == 1 && match(levels, tokens.get(0)).isEmpty()) {
			return List.of(tokens.get(0).split("\\s+"));
		}
		return tokens;
	}

	private static String label(List<Option> options, String id, Language language) {
		return options.stream()
			.filter((option) -> option.id().equals(id))
			.findFirst()
			.map((option) -> option.label().in(language))
			.orElse(id);
	}

	private static Result notUnderstood(String text) {
		return new NotUnderstood(Problem.of("answer.not-understood", text.strip()));
	}

	/** Something that can be chosen: an option, a row or a level. */
	private record Choice(String id, Text label, List<String> aliases) {

		boolean isCalled(String wanted) {
			return this.id.equals(wanted) || normalise(this.label.sv()).equals(wanted)
					|| (this.label.en() != null && normalise(this.label.en()).equals(wanted))
					|| this.aliases.stream().anyMatch((alias) -> normalise(alias).equals(wanted));
		}

	}

	private static List<Choice> choices(List<Option> options) {
		return options.stream().map((option) -> new Choice(option.id(), option.label(), option.aliases())).toList();
	}

	private static List<Choice> levels(Scale scale) {
		return scale.levels().stream().map((level) -> new Choice(level.id(), level.label(), level.aliases())).toList();
	}

	/** By number as listed (1-based), by id, or by label in either language, or alias. */
	private static Optional<String> match(List<Choice> choices, String text) {
		String wanted = normalise(text);
		Matcher number = NUMBER.matcher(wanted);
		if (number.matches()) {
			int index = Integer.parseInt(number.group(1)) - 1;
			return (index >= 0 && index < choices.size()) ? Optional.of(choices.get(index).id()) : Optional.empty();
		}
		return choices.stream().filter((choice) -> choice.isCalled(wanted)).map(Choice::id).findFirst();
	}

	/**
	 * How typed answers are compared with labels and aliases: lower case, without
	 * accents, single spaces, no closing full stop or exclamation.
	 */
	public static String normalise(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip().replaceAll("[.!]+$", "").strip();
	}

}
