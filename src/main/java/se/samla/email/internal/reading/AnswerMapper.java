package se.samla.email.internal.reading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import se.samla.surveys.Problem;

/**
 * Pairs the text of a reply with the questions the email asked, by the numbers people
 * write, by the quoted question they wrote under, or, when just one question is open, as
 * that question's answer. It never guesses: when the pairing is not certain it records
 * nothing and says why, so the person can be asked to clarify. Turning each answer's text
 * into a typed value is {@code se.samla.surveys.AnswerReader}'s job.
 * <p>
 * Notes explain the outcome for logs and the clarification email; they never contain what
 * the person wrote.
 */
public final class AnswerMapper {

	/** Short replies that point elsewhere: the answers are in the quote or a file. */
	private static final Pattern POINTER = Pattern.compile("\\b(?:svar(?:en|et)? (?:nedan|under|i texten|i mejlet|"
			+ "i mailet|direkt i)|svarat (?:nedan|i)|se nedan|bifogad|bifogat|bifogar|bilaga|see below|see attached|"
			+ "answers below|attached)\\b"
			+ "|\\b(?:answers?|answered|replies|comments?|see)(?: \\p{L}+){0,2} (?:inline|in line|below|"
			+ "under (?:each|the|your) questions?)\\b"
			+ "|\\b(?:svar(?:en|et)?|svarat|kommentar(?:er|erna)?)(?: \\p{L}+){0,3} (?:nedan|inline|"
			+ "under (?:frågorna|respektive fråga|varje fråga|era frågor))\\b");

	/** Replies that only acknowledge. */
	private static final Pattern ACKNOWLEDGEMENT = Pattern
		.compile("^(?:hej )?(?:ok|okej|okay|tack|tack så mycket|tackar|thanks|thank you|japp|toppen|bra)$");

	/** Longest reply that can be a mere pointer; longer text is read as an answer. */
	private static final int POINTER_LENGTH = 80;

	/** An embedded "2. " in a line, for "1. Ja 2. Nej 3. Vet ej". */
	private static final Pattern EMBEDDED_NUMBER = Pattern.compile("(?<=\\s)(\\d{1,2}[a-z]?)[.):](?=\\s)");

	private static final Pattern QUOTE_MARKS = Pattern.compile("^\\s*(?:>\\s?)+");

	/** How much of a question's text must appear in the quote to recognise it. */
	private static final int QUESTION_PREFIX = 60;

	/** How much of a question a line wrapped by the client must hold to be recognised. */
	private static final int WRAPPED_PREFIX = 20;

	/** Lines of our own email that stand under a question: the answer given so far. */
	private static final Pattern OURS = Pattern.compile("^\\s*(?:ditt svar hittills|your answer so far)\\s*:",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * An answer that only points at another answer or a document ("Se vår analys från
	 * steg 1", "Som ovan"): a person must read it.
	 */
	private static final Pattern REFERS_ELSEWHERE = Pattern.compile("^(?:svar )?(?:se|see|som|same as|enligt|as)\\s"
			+ "(?:vår|vårt|våra|min|mitt|mina|ovan|nedan|tidigare|bifogad\\p{L}*|svar\\p{L}*|fråga \\d+|our|my|"
			+ "above|below|attached|previous|answer \\d+)\\b(?:\\s+\\S+){0,6}$");

	/**
	 * A question as listed in the email.
	 *
	 * @param number its place in the email, from 1: the key of its answer
	 * @param text its text as shown, to recognise it when quoted
	 * @param answered whether it had been answered before this reply
	 * @param required whether the questionnaire requires an answer to it
	 * @param label what the email numbers it and replies write before its answer: the
	 * number, or for a follow-up the number and a letter ({@code 1a})
	 */
	public record AskedQuestion(int number, String text, boolean answered, boolean required, String label) {

		public AskedQuestion

		{
			label = (label != null) ? label.toLowerCase(Locale.ROOT) : Integer.toString(number);
		}

		/** A question labelled by its place. */
		public AskedQuestion(int number, String text, boolean answered, boolean required) {
			this(number, text, answered, required, null);
		}

		/** A required question labelled by its place. */
		public AskedQuestion(int number, String text, boolean answered) {
			this(number, text, answered, true);
		}

	}

	/** What the reply amounts to. */
	public enum Outcome {

		/** Every asked question not already answered got an answer. */
		COMPLETE,

		/** Some of the open questions got an answer. */
		PARTIAL,

		/** Record nothing; ask the person to clarify. */
		AMBIGUOUS,

		/** Nothing that looks like an answer. */
		EMPTY

	}

	/**
	 * @param outcome what the reply amounts to
	 * @param answers the answers by question number, trimmed, line breaks kept; empty
	 * unless the outcome is complete or partial
	 * @param notes why, for logs and the clarification email, without answer text
	 * @param reason for an ambiguous or empty reply, why in words for the person: a
	 * message code ({@code email.reason.*}) and its arguments; {@code null} otherwise
	 */
	public record Mapping(Outcome outcome, Map<Integer, String> answers, List<String> notes, Problem reason) {

		public Mapping

		{
			answers = Map.copyOf(answers);
			notes = List.copyOf(notes);
			if (reason == null && (outcome == Outcome.AMBIGUOUS || outcome == Outcome.EMPTY)) {
				reason = Problem.of((outcome == Outcome.EMPTY) ? "email.reason.no-text" : "email.reason.unsure");
			}
		}

		public Mapping(Outcome outcome, Map<Integer, String> answers, List<String> notes) {
			this(outcome, answers, notes, null);
		}

		static Mapping ambiguous(List<String> notes, String why) {
			return ambiguous(notes, why, null);
		}

		static Mapping ambiguous(List<String> notes, String why, Problem reason) {
			List<String> all = new ArrayList<>(notes);
			all.add(why);
			return new Mapping(Outcome.AMBIGUOUS, Map.of(), all, reason);
		}

	}

	private AnswerMapper() {
	}

	/**
	 * @param stripped the reply without quoted history and signature
	 * @param asked the questions in the email, in the order listed
	 * @return the answers and the outcome
	 */
	public static Mapping map(QuoteStripper.Stripped stripped, List<AskedQuestion> asked) {
		List<String> notes = new ArrayList<>();
		String reply = stripped.reply().strip();
		Map<Integer, AskedQuestion> byNumber = new LinkedHashMap<>();
		asked.forEach((question) -> byNumber.put(question.number(), question));
		if (reply.isEmpty()) {
			return underUnmarkedQuestions(stripped.quoted(), byNumber, reply)
				.orElseGet(() -> new Mapping(Outcome.EMPTY, Map.of(), List.of("no reply text")));
		}
		Result result = stripped.inlineAnswers() ? inline(reply, asked, byNumber, notes)
				: topPosted(reply, asked, notes);
		if (result.ambiguity() != null) {
			return underUnmarkedQuestions(stripped.quoted(), byNumber, reply)
				.orElseGet(() -> Mapping.ambiguous(notes, result.ambiguity(), result.reason()));
		}
		return judge(result.answers(), byNumber, notes);
	}

	/** Either answers in the order written, or why they cannot be trusted. */
	private record Result(List<Numbered> answers, String ambiguity, Problem reason) {

		Result(List<Numbered> answers, String ambiguity) {
			this(answers, ambiguity, null);
		}

		static Result ambiguous(String why) {
			return new Result(List.of(), why);
		}

		static Result ambiguous(String why, Problem reason) {
			return new Result(List.of(), why, reason);
		}

	}

	/**
	 * An answer and the place of its question in the email ({@link #UNKNOWN} when its
	 * label is not one of the email's), with the label as written.
	 */
	private record Numbered(int number, String text, String written) {

		Numbered(int number, String text) {
			this(number, text, Integer.toString(number));
		}

	}

	private static final int UNKNOWN = -1;

	/** The place in the email of the question a numbered line names by its label. */
	private static int place(NumberedLine line, List<AskedQuestion> asked) {
		return asked.stream()
			.filter((question) -> question.label().equals(line.label()))
			.mapToInt(AskedQuestion::number)
			.findFirst()
			.orElse(UNKNOWN);
	}

	private static Result topPosted(String reply, List<AskedQuestion> asked, List<String> notes) {
		String comparable = comparable(reply);
		if (ACKNOWLEDGEMENT.matcher(comparable).matches() || (comparable.length() <= POINTER_LENGTH
				&& POINTER.matcher(comparable).find() && reply.lines().noneMatch(NumberedLine::isNumbered))) {
			return Result.ambiguous("reply points elsewhere or only acknowledges (" + reply.length() + " chars)",
					Problem.of("email.reason.points-elsewhere"));
		}
		List<Numbered> answers = new ArrayList<>();
		StringBuilder preamble = new StringBuilder();
		StringBuilder current = null;
		int number = 0;
		String written = null;
		for (String line : reply.split("\n")) {
			Optional<NumberedLine> numbered = NumberedLine.parse(line);
			if (numbered.isPresent()) {
				if (current != null) {
					answers.add(new Numbered(number, current.toString(), written));
				}
				number = place(numbered.get(), asked);
				written = numbered.get().label();
				current = new StringBuilder(numbered.get().rest());
			}
			else if (current != null) {
				current.append('\n').append(line);
			}
			else {
				preamble.append(line).append('\n');
			}
		}
		if (current == null) {
			return unnumbered(reply, asked);
		}
		answers.add(new Numbered(number, current.toString(), written));
		if (!preamble.toString().isBlank()) {
			notes.add("text above the first numbered answer ignored");
		}
		return new Result(splitRunningNumbers(answers, asked, notes), null);
	}

	/** Unnumbered text answers the one open question, and nothing else. */
	private static Result unnumbered(String reply, List<AskedQuestion> asked) {
		List<AskedQuestion> open = asked.stream().filter((question) -> !question.answered()).toList();
		if (open.size() != 1) {
			return Result.ambiguous("unnumbered text with " + open.size() + " open questions",
					open.isEmpty() ? Problem.of("email.reason.unnumbered-nothing-open")
							: Problem.of("email.reason.unnumbered", open.size()));
		}
		return new Result(List.of(new Numbered(open.get(0).number(), reply)), null);
	}

	/**
	 * Splits "1. Ja 2. Nej 3. Vet ej" written on one line, only where the embedded
	 * numbers continue the sequence (skipping follow-ups, as "1. Ja 2. Nej" does past a
	 * listed 1a); "1. Vi har 3. linjens chefer" stays whole.
	 */
	private static List<Numbered> splitRunningNumbers(List<Numbered> answers, List<AskedQuestion> asked,
			List<String> notes) {
		List<Numbered> result = new ArrayList<>();
		for (Numbered answer : answers) {
			int newLine = answer.text().indexOf('\n');
			String first = (newLine < 0) ? answer.text() : answer.text().substring(0, newLine);
			String rest = (newLine < 0) ? "" : answer.text().substring(newLine);
			int number = answer.number();
			String written = answer.written();
			int start = 0;
			Matcher matcher = EMBEDDED_NUMBER.matcher(first);
			List<Numbered> pieces = new ArrayList<>();
			while (number != UNKNOWN && matcher.find()) {
				int next = continues(number, matcher.group(1).toLowerCase(Locale.ROOT), asked);
				if (next != UNKNOWN) {
					pieces.add(new Numbered(number, first.substring(start, matcher.start()), written));
					number = next;
					written = matcher.group(1).toLowerCase(Locale.ROOT);
					start = matcher.end();
				}
			}
			if (!pieces.isEmpty()) {
				notes.add("several numbered answers on one line");
			}
			pieces.add(new Numbered(number, first.substring(start) + rest, written));
			result.addAll(pieces);
		}
		return result;
	}

	/**
	 * The place of the question labelled {@code label} when it comes right after the one
	 * at {@code place}, follow-ups in between aside; else {@link #UNKNOWN}.
	 */
	private static int continues(int place, String label, List<AskedQuestion> asked) {
		for (AskedQuestion question : asked) {
			if (question.number() <= place) {
				continue;
			}
			if (question.label().equals(label)) {
				return question.number();
			}
			if (question.label().chars().allMatch(Character::isDigit)) {
				return UNKNOWN;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Pairs each unquoted block with the question quoted above it, recognised by its
	 * number or its text. Text above the first quote is a greeting or a pointer ("svar
	 * nedan") and is ignored, unless it holds numbered answers, which would compete.
	 */
	private static Result inline(String reply, List<AskedQuestion> asked, Map<Integer, AskedQuestion> byNumber,
			List<String> notes) {
		List<String> lines = List.of(reply.split("\n"));
		List<String> quotedLines = lines.stream()
			.filter((line) -> line.stripLeading().startsWith(">"))
			.map((line) -> QUOTE_MARKS.matcher(line).replaceFirst(""))
			.toList();
		if (questionQuoted(quotedLines, asked, byNumber).isEmpty()) {
			// Nothing of ours is quoted: the person quoted something inside their own
			// text.
			notes.add("quoted lines inside the reply kept");
			return topPosted(reply, asked, notes);
		}
		if (!textBetweenQuotes(lines)) {
			// Our questions quoted above or below the reply, not answered one by one.
			String own = String.join("\n",
					lines.stream().filter((line) -> !line.stripLeading().startsWith(">")).toList());
			return topPosted(own.strip(), asked, notes);
		}
		notes.add("answered inline under quoted questions");
		List<String> quotedBlock = new ArrayList<>();
		List<String> answerBlock = new ArrayList<>();
		List<Numbered> answers = new ArrayList<>();
		boolean seenQuote = false;
		Integer question = null;
		for (String line : (reply + "\n>").split("\n")) {
			boolean quoted = line.stripLeading().startsWith(">");
			if (!quoted) {
				answerBlock.add(line);
				continue;
			}
			String answer = String.join("\n", answerBlock).strip();
			if (!answer.isEmpty()) {
				if (!seenQuote) {
					if (answer.lines().anyMatch(NumberedLine::isNumbered)) {
						return Result.ambiguous("numbered answers above inline answers");
					}
					notes.add("text above the quoted questions ignored");
				}
				else {
					Result paired = pair(question, answer, asked);
					if (paired.ambiguity() != null) {
						return paired;
					}
					answers.addAll(paired.answers());
				}
			}
			answerBlock.clear();
			if (!answer.isEmpty()) {
				quotedBlock.clear();
			}
			seenQuote = true;
			quotedBlock.add(QUOTE_MARKS.matcher(line).replaceFirst(""));
			question = questionQuoted(quotedBlock, asked, byNumber).orElse(null);
		}
		return new Result(answers, null);
	}

	private static boolean textBetweenQuotes(List<String> lines) {
		int first = -1;
		int last = -1;
		for (int index = 0; index < lines.size(); index++) {
			if (lines.get(index).stripLeading().startsWith(">")) {
				first = (first < 0) ? index : first;
				last = index;
			}
		}
		for (int index = first + 1; first >= 0 && index < last; index++) {
			String line = lines.get(index);
			if (!line.isBlank() && !line.stripLeading().startsWith(">")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads answers typed under our questions in a quote the client did not mark with
	 * {@code >} (Outlook, and HTML clients whose quote was cut from the markup): each
	 * question is recognised by its number and text; the lines under it, up to the next
	 * question, are its answer, and under the last question the paragraph right below it,
	 * since our own text follows.
	 * @return the mapping, or empty when the quote holds no answer under a question
	 */
	private static Optional<Mapping> underUnmarkedQuestions(String quoted, Map<Integer, AskedQuestion> byNumber,
			String reply) {
		if (quoted.isBlank()) {
			return Optional.empty();
		}
		List<String> lines = List.of(quoted.split("\n"));
		List<int[]> found = new ArrayList<>();
		List<String> sameLine = new ArrayList<>();
		for (int index = 0; index < lines.size(); index++) {
			String line = lines.get(index);
			Optional<NumberedLine> numbered = line.stripLeading().startsWith(">") ? Optional.empty()
					: NumberedLine.parse(line);
			// The email lists a question by its label, which is not its place once a
			// follow-up ("1a") stands before it.
			int number = numbered.isEmpty() ? UNKNOWN : place(numbered.get(), List.copyOf(byNumber.values()));
			if (number == UNKNOWN) {
				continue;
			}
			if (!found.isEmpty() && number <= found.get(found.size() - 1)[1]) {
				break;
			}
			Optional<String> after = afterQuestion(numbered.get().rest(), byNumber.get(number).text());
			if (after.isPresent()) {
				found.add(new int[] { index, number });
				sameLine.add(after.get());
			}
		}
		List<Numbered> answers = new ArrayList<>();
		int gapped = 0;
		int direct = 0;
		for (int at = 0; at < found.size(); at++) {
			boolean last = at == found.size() - 1;
			int to = last ? lines.size() : found.get(at + 1)[0];
			int from = belowQuestion(lines, found.get(at)[0], to, byNumber.get(found.get(at)[1]).text());
			if (!last && sameLine.get(at).isEmpty()) {
				int first = from;
				while (first < to && lines.get(first).isBlank()) {
					first++;
				}
				gapped += (first > from && first < to) ? 1 : 0;
				direct += (first == from && first < to) ? 1 : 0;
			}
			else if (last && sameLine.get(at).isEmpty()) {
				// Under the last question our own text follows, so its answer is the
				// paragraph right below it; a blank line may stand between them when the
				// answers above stood so too, or when our text resumes right after it.
				int first = from;
				while (first < to && (lines.get(first).isBlank() || OURS.matcher(lines.get(first)).find())) {
					first++;
				}
				if ((gapped > 0 && direct == 0) || ourTextAfterParagraph(lines, first, to)) {
					from = first;
				}
			}
			List<String> answer = new ArrayList<>();
			if (!sameLine.get(at).isEmpty()) {
				answer.add(sameLine.get(at));
			}
			for (int index = from; index < to; index++) {
				String line = lines.get(index);
				if (last && (line.isBlank() || OurText.isOurs(line))) {
					break;
				}
				if (!line.stripLeading().startsWith(">") && !OURS.matcher(line).find()) {
					answer.add(line);
				}
			}
			String text = withoutNamePrefix(String.join("\n", answer).strip().replaceAll("\n{3,}", "\n\n"));
			if (!text.isEmpty()) {
				answers.add(new Numbered(found.get(at)[1], text));
			}
		}
		if (answers.isEmpty()) {
			return Optional.empty();
		}
		List<String> notes = new ArrayList<>();
		notes.add("answered under the questions in an unmarked quote");
		if (!reply.isBlank()) {
			notes.add("text above the quote ignored");
		}
		if (answers.stream().anyMatch((answer) -> REFERS_ELSEWHERE.matcher(comparable(answer.text())).find())) {
			return Optional.of(Mapping.ambiguous(notes, "an answer only refers elsewhere"));
		}
		return Optional.of(judge(answers, byNumber, notes));
	}

	/** Whether our own text resumes after the paragraph that starts at {@code from}. */
	private static boolean ourTextAfterParagraph(List<String> lines, int from, int to) {
		int index = from;
		while (index < to && !lines.get(index).isBlank() && !OurText.isOurs(lines.get(index))) {
			index++;
		}
		while (index < to && lines.get(index).isBlank()) {
			index++;
		}
		return index > from && index < to && OurText.isOurs(lines.get(index));
	}

	/**
	 * The first line under a question quoted at {@code at}: past the rest of its text
	 * when the client wrapped it, and past the rest of a hint in parentheses that the
	 * wrap carried onto the next lines.
	 */
	private static int belowQuestion(List<String> lines, int at, int to, String question) {
		String comparableQuestion = comparable(question);
		int open = openParentheses(lines.get(at));
		int from = at + 1;
		while (from < to && !lines.get(from).isBlank()) {
			String line = lines.get(from);
			if (open > 0) {
				open += openParentheses(line);
				from++;
				continue;
			}
			String text = comparable(HINT.matcher(line).replaceFirst(""));
			if (text.isEmpty() ? !HINT.matcher(line).find()
					: !(" " + comparableQuestion + " ").contains(" " + text + " ")) {
				break;
			}
			open += openParentheses(line);
			from++;
		}
		return from;
	}

	private static int openParentheses(String line) {
		return (int) (line.chars().filter((c) -> c == '(').count() - line.chars().filter((c) -> c == ')').count());
	}

	/**
	 * Drops the "[Name]" or "[Initials]" Outlook writes before comments typed into a
	 * quote ("Mark my comments with"), so the answer is only what the person wrote.
	 */
	static String withoutNamePrefix(String answer) {
		return NAME_PREFIX.matcher(answer).replaceFirst("").strip();
	}

	/**
	 * The questionnaire's hint as our email shows it after a question, in parentheses,
	 * possibly opened on the line above.
	 */
	private static final Pattern HINT = Pattern.compile("\\([^)]*\\)?\\s*$");

	/** A bracketed name or initials of up to four words, before the answer. */
	private static final Pattern NAME_PREFIX = Pattern
		.compile("^\\[\\p{Lu}[\\p{L}.'’-]*(?:\\s[\\p{L}.'’-]+){0,3}\\]:?\\s+(?=\\S)");

	/**
	 * The text after a question quoted on one line, if the line is that question: empty
	 * when the answer is on the lines below, or what was typed after the question mark.
	 */
	private static Optional<String> afterQuestion(String line, String question) {
		String comparableLine = comparable(line);
		String comparableQuestion = comparable(question);
		if (comparableQuestion.isEmpty()) {
			return Optional.empty();
		}
		String prefix = comparableQuestion.substring(0, Math.min(QUESTION_PREFIX, comparableQuestion.length()));
		boolean wrapped = comparableLine.length() >= Math.min(WRAPPED_PREFIX, comparableQuestion.length())
				&& comparableQuestion.startsWith(comparableLine);
		if (!comparableLine.startsWith(prefix) && !wrapped) {
			return Optional.empty();
		}
		StringBuilder words = new StringBuilder("^[^\\p{L}\\p{N}]*");
		String[] parts = comparableQuestion.split(" ");
		for (int index = 0; index < parts.length; index++) {
			words.append((index > 0) ? "[^\\p{L}\\p{N}]+" : "").append(Pattern.quote(parts[index]));
		}
		words.append("[?.:!]*(?:\\s*\\([^)]*\\))?");
		Matcher matcher = Pattern.compile(words.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
			.matcher(Normalizer.normalize(line, Normalizer.Form.NFC));
		return Optional.of(matcher.find() ? matcher.replaceFirst("").strip() : "");
	}

	private static Result pair(Integer question, String written, List<AskedQuestion> asked) {
		String answer = withoutNamePrefix(written);
		int newLine = answer.indexOf('\n');
		String first = (newLine < 0) ? answer : answer.substring(0, newLine);
		Optional<NumberedLine> numbered = NumberedLine.parse(first);
		if (numbered.isPresent()) {
			int place = place(numbered.get(), asked);
			if (question != null && place != question) {
				return Result.ambiguous("inline answer numbered differently from the question above it");
			}
			String following = (newLine < 0) ? "" : answer.substring(newLine);
			return new Result(List.of(new Numbered(place, numbered.get().rest() + following, numbered.get().label())),
					null);
		}
		if (question == null) {
			return Result.ambiguous("inline text under a quote that is not a question");
		}
		return new Result(List.of(new Numbered(question, answer)), null);
	}

	/**
	 * The question quoted last in the block: by a numbered line whose number was asked,
	 * or by the start of its text.
	 */
	private static Optional<Integer> questionQuoted(List<String> block, List<AskedQuestion> asked,
			Map<Integer, AskedQuestion> byNumber) {
		StringBuilder joined = new StringBuilder();
		int bestPosition = -1;
		Integer best = null;
		for (String line : block) {
			Optional<NumberedLine> numbered = NumberedLine.parse(line);
			if (numbered.isPresent() && place(numbered.get(), asked) != UNKNOWN) {
				bestPosition = joined.length();
				best = place(numbered.get(), asked);
			}
			joined.append(' ').append(comparable(line));
		}
		String text = joined.toString();
		for (AskedQuestion question : asked) {
			String needle = comparable(question.text());
			needle = needle.substring(0, Math.min(QUESTION_PREFIX, needle.length()));
			int position = needle.isEmpty() ? -1 : text.lastIndexOf(needle);
			if (position > bestPosition) {
				bestPosition = position;
				best = question.number();
			}
		}
		return Optional.ofNullable(best);
	}

	/** Checks the numbers against the email and decides the outcome. */
	private static Mapping judge(List<Numbered> written, Map<Integer, AskedQuestion> byNumber, List<String> notes) {
		Map<Integer, String> answers = new LinkedHashMap<>();
		int previous = 0;
		Set<Integer> empty = new TreeSet<>();
		for (Numbered answer : written) {
			int number = answer.number();
			if (!byNumber.containsKey(number)) {
				return Mapping.ambiguous(notes, "number " + answer.written() + " is not a question in the email",
						Problem.of("email.reason.unknown-number", answer.written()));
			}
			if (answers.containsKey(number) || empty.contains(number)) {
				return Mapping.ambiguous(notes, "number " + answer.written() + " answered twice",
						Problem.of("email.reason.answered-twice", answer.written()));
			}
			if (number < previous) {
				return Mapping.ambiguous(notes,
						"numbers out of order: " + answer.written() + " after " + byNumber.get(previous).label(),
						Problem.of("email.reason.out-of-order", answer.written(), byNumber.get(previous).label()));
			}
			previous = number;
			String text = answer.text().strip();
			if (text.isEmpty()) {
				empty.add(number);
			}
			else {
				answers.put(number, text);
			}
		}
		if (!empty.isEmpty()) {
			notes.add("numbered without an answer: " + empty);
		}
		if (answers.isEmpty()) {
			return new Mapping(Outcome.EMPTY, Map.of(), notes,
					empty.isEmpty() ? null : Problem.of("email.reason.numbers-without-answers"));
		}
		List<Integer> open = byNumber.values()
			.stream()
			.filter((question) -> !question.answered())
			.map(AskedQuestion::number)
			.toList();
		List<Integer> changed = answers.keySet().stream().filter((number) -> !open.contains(number)).toList();
		// Numbers that only hit answered questions while a required one is still open may
		// belong to another email's list; with only optional questions open (or none),
		// the person is changing what they said.
		boolean requiredOpen = byNumber.values()
			.stream()
			.anyMatch((question) -> !question.answered() && question.required());
		if (!changed.isEmpty() && changed.size() == answers.size() && requiredOpen) {
			String labels = changed.stream()
				.map((number) -> byNumber.get(number).label())
				.collect(Collectors.joining(", "));
			return Mapping.ambiguous(notes, "numbers only point at questions answered before: " + changed,
					Problem.of("email.reason.only-answered-before", labels));
		}
		if (!changed.isEmpty()) {
			notes.add("changes answers given before: " + changed);
		}
		List<Integer> missing = open.stream().filter((number) -> !answers.containsKey(number)).toList();
		if (!missing.isEmpty()) {
			notes.add("still open: " + missing);
		}
		return new Mapping(missing.isEmpty() ? Outcome.COMPLETE : Outcome.PARTIAL, answers, notes);
	}

	/**
	 * Lower case words separated by single spaces, without punctuation, so that a quote
	 * wrapped or re-punctuated by a client still compares equal.
	 */
	static String comparable(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		return composed.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

}
