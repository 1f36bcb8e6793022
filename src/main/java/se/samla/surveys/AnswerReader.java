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
 * their number as listed, their id or their label (ignoring case and accents: "sarbart"
 * is "Sårbart"); the accepted forms are described in {@code conversations/README.md}.
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

	private static final Pattern NUMBER = Pattern.compile("(\\d{1,3})[.)]?");

	/** What the person meant, or why it could not be understood. */
	public sealed interface Result permits Understood, NotUnderstood {

	}

	/** The answer, valid for the question. */
	public record Understood(AnswerValue value) implements Result {

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
			case SINGLE_CHOICE -> single(choices(question.options()), text);
			case SCALE -> single(levels(question.scale()), text);
			case MULTIPLE_CHOICE -> multiple(choices(question.options()), text);
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

	private Result single(List<Choice> choices, String text) {
		return match(choices, text).<Result>map((id) -> new Understood(new AnswerValue.ChoiceAnswer(id)))
			.orElseGet(() -> notUnderstood(text));
	}

	/**
	 * Parts separated by commas, semicolons or lines; a part that is not a whole label is
	 * split once more at "och"/"and", so that labels containing "och" still match.
	 */
	private Result multiple(List<Choice> choices, String text) {
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
					return notUnderstood(piece);
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
	private record Choice(String id, Text label) {
	}

	private static List<Choice> choices(List<Option> options) {
		return options.stream().map((option) -> new Choice(option.id(), option.label())).toList();
	}

	private static List<Choice> levels(Scale scale) {
		return scale.levels().stream().map((level) -> new Choice(level.id(), level.label())).toList();
	}

	/** By number as listed (1-based), by id, or by label in either language. */
	private static Optional<String> match(List<Choice> choices, String text) {
		String wanted = normalise(text);
		Matcher number = NUMBER.matcher(wanted);
		if (number.matches()) {
			int index = Integer.parseInt(number.group(1)) - 1;
			return (index >= 0 && index < choices.size()) ? Optional.of(choices.get(index).id()) : Optional.empty();
		}
		return choices.stream()
			.filter((choice) -> choice.id().equals(wanted) || normalise(choice.label().sv()).equals(wanted)
					|| (choice.label().en() != null && normalise(choice.label().en()).equals(wanted)))
			.map(Choice::id)
			.findFirst();
	}

	/**
	 * Lower case, without accents, single spaces, no closing full stop or exclamation.
	 */
	static String normalise(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip().replaceAll("[.!]+$", "").strip();
	}

}
