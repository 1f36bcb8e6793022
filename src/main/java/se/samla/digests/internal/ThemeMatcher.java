package se.samla.digests.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags free-text answers with the development areas (utvecklingsområden) by Swedish
 * keywords kept as data ({@code conversations/themes.yml}), counts the matches and picks
 * representative quotes for the digest.
 *
 * <p>
 * Keywords and answers go through the same {@link SwedishWords analysis} (words, lower
 * case, stopwords out, Lucene's light Swedish stemmer). A keyword word matches an answer
 * word when the answer word's stem
 * <ul>
 * <li>equals the keyword word's stem or its written form ({@code chefer},
 * {@code chefernas} and {@code chef} all stem to {@code chef}), or
 * <li>starts or ends with it, if that is at least {@value #MIN_COMPOUND} letters long:
 * Swedish writes compounds as one word, and a compound's last part is what it is
 * ({@code välfärdstekniken} is {@code teknik}, {@code andraspråk} is {@code språk}), its
 * first part what it is about ({@code språkombud}, {@code karriärvägar}). Shorter stems
 * match whole words only, which keeps {@code chef} from tagging {@code enhetschef} (an
 * occupation that answers name when they speak of recruiting, not of developing chiefs)
 * and {@code app} from tagging {@code rapport}.
 * </ul>
 * A phrase matches when its words match answer words in a row; stopwords are left out on
 * both sides ({@code samverkan kommun region} matches "samverkan mellan kommunerna och
 * regionen"). An answer word that contains one of the file's exceptions as written
 * matches nothing ({@code anspråk}: {@code löneanspråken} is not about {@code språk}).
 * The count for an area is the number of places in the answer where one of its keywords
 * matches; overlapping matches of the same area count once.
 *
 * <p>
 * Immutable and safe to share between threads. Matching walks two character tries per
 * answer word without creating strings, and looks up stopwords only after a word that
 * matched: 2–3 µs for an answer of 200 characters (see {@code ThemeMatcherBenchmark}).
 */
public final class ThemeMatcher {

	/** Shortest stem that also matches as part of a compound. */
	static final int MIN_COMPOUND = 5;

	/** Longest quote, "…" included. */
	static final int MAX_QUOTE = 300;

	/** The length of answer that reads best as a quote. */
	static final int IDEAL_QUOTE = 200;

	private static final String ELLIPSIS = "…";

	private final List<String> areas;

	/** Keyword words' forms (stems and written forms), by id. */
	private final CharTrie prefixes;

	/** The forms of at least {@link #MIN_COMPOUND} letters, reversed. */
	private final CharTrie suffixes;

	/** Letter sequences that keep a word from matching, lower case. */
	private final char[][] exceptions;

	/** Per form id: the keywords whose first word has this form. */
	private final Keyword[][] keywordsByFirstForm;

	private ThemeMatcher(ThemeFile.Content content) {
		List<String> names = new ArrayList<>();
		List<String> forms = new ArrayList<>();
		Map<String, Integer> formIds = new HashMap<>();
		List<Keyword> keywords = new ArrayList<>();
		for (ThemeFile.Area area : content.areas()) {
			int areaIndex = names.size();
			names.add(area.name());
			for (ThemeFile.Entry entry : area.keywords()) {
				List<SwedishWords.Word> words = SwedishWords.words(entry.text());
				int[][] wordForms = new int[words.size()][];
				for (int i = 0; i < words.size(); i++) {
					wordForms[i] = formIds(words.get(i), forms, formIds);
				}
				keywords.add(new Keyword(areaIndex, wordForms));
			}
		}
		this.areas = List.copyOf(names);
		this.prefixes = CharTrie.of(forms, false);
		this.suffixes = CharTrie.of(forms.stream().map((form) -> (form.length() >= MIN_COMPOUND) ? form : "").toList(),
				true);
		this.exceptions = content.exceptions()
			.stream()
			.map((entry) -> entry.text().toLowerCase(Locale.ROOT).toCharArray())
			.toArray(char[][]::new);
		List<List<Keyword>> byForm = new ArrayList<>();
		forms.forEach((form) -> byForm.add(new ArrayList<>()));
		for (Keyword keyword : keywords) {
			for (int form : keyword.words()[0]) {
				byForm.get(form).add(keyword);
			}
		}
		this.keywordsByFirstForm = byForm.stream()
			.map((list) -> list.toArray(Keyword[]::new))
			.toArray(Keyword[][]::new);
	}

	private static int[] formIds(SwedishWords.Word word, List<String> forms, Map<String, Integer> formIds) {
		int stem = formId(word.stem(), forms, formIds);
		if (word.written().equals(word.stem())) {
			return new int[] { stem };
		}
		return new int[] { stem, formId(word.written(), forms, formIds) };
	}

	private static int formId(String form, List<String> forms, Map<String, Integer> formIds) {
		return formIds.computeIfAbsent(form, (key) -> {
			forms.add(key);
			return forms.size() - 1;
		});
	}

	/**
	 * Reads the keyword file.
	 * @param file the file, e.g. {@code conversations/themes.yml}, named in messages as
	 * given
	 * @return the matcher
	 * @throws ThemeFileException (an {@link IllegalArgumentException}) when the file is
	 * malformed, listing every problem as {@code file:line: problem}
	 */
	public static ThemeMatcher load(Path file) {
		return new ThemeMatcher(ThemeFile.read(file));
	}

	/**
	 * A matcher for keywords given in code, for tests.
	 * @param keywordsByArea the keywords per area, in the order the areas should have
	 * (e.g. a {@link LinkedHashMap})
	 * @return the matcher
	 * @throws IllegalArgumentException for a blank area or keyword, or a keyword of
	 * stopwords only
	 */
	public static ThemeMatcher of(Map<String, List<String>> keywordsByArea) {
		List<ThemeFile.Area> areas = new ArrayList<>();
		keywordsByArea.forEach((area, keywords) -> {
			if (area == null || area.isBlank()) {
				throw new IllegalArgumentException("an area has no name");
			}
			List<ThemeFile.Entry> entries = new ArrayList<>();
			for (String keyword : keywords) {
				if (keyword == null || SwedishWords.words(keyword).isEmpty()) {
					throw new IllegalArgumentException("area '" + area + "': keyword '" + keyword
							+ "' is empty or has only small words (och, för, med, ...)");
				}
				entries.add(new ThemeFile.Entry(keyword.strip(), 0));
			}
			areas.add(new ThemeFile.Area(area.strip(), 0, entries));
		});
		return new ThemeMatcher(new ThemeFile.Content(areas, List.of()));
	}

	/** The development areas, in the order of the file. */
	public List<String> areas() {
		return this.areas;
	}

	/**
	 * The areas an answer is about.
	 * @param text the answer
	 * @return area → number of keyword matches in the text, only areas with at least one,
	 * in area order
	 */
	public Map<String, Integer> hits(String text) {
		int[] counts = new int[this.areas.size()];
		scan(text, counts, null, null);
		Map<String, Integer> hits = new LinkedHashMap<>();
		for (int area = 0; area < counts.length; area++) {
			if (counts[area] > 0) {
				hits.put(this.areas.get(area), counts[area]);
			}
		}
		return Collections.unmodifiableMap(hits);
	}

	/** The keys of {@link #hits(String)}: the areas an answer is about, in area order. */
	public List<String> areasOf(String text) {
		return List.copyOf(hits(text).keySet());
	}

	/**
	 * Representative quotes for one area: the answers with the most matches first, then
	 * those whose length is nearest {@value #IDEAL_QUOTE} characters; an answer given
	 * more than once is quoted once. Line breaks and runs of spaces become one space, and
	 * an answer longer than {@value #MAX_QUOTE} characters is shortened at a sentence or
	 * word boundary to at most that, "…" included, keeping the place that matched.
	 * @param area one of {@link #areas()}
	 * @param texts the answers
	 * @param max the most quotes to return
	 * @return up to {@code max} quotes, best first
	 */
	public List<String> quotes(String area, List<String> texts, int max) {
		int index = areaIndex(area);
		Candidates candidates = new Candidates();
		int[] counts = new int[this.areas.size()];
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			Arrays.fill(counts, 0);
			scan(text, counts, null, null);
			if (counts[index] > 0) {
				candidates.add(counts[index], text.length(), i);
			}
		}
		return pick(index, candidates, texts, max).stream().map(Excerpt::text).toList();
	}

	/**
	 * {@link #quotes(String, List, int)} for answers whose matches of the area are
	 * already known (from {@link #hits(String)}), without scanning them again: the same
	 * quotes in the same order, each with the index of the answer it is from.
	 * @param area one of {@link #areas()}
	 * @param texts the answers
	 * @param hits per answer (same index), its number of matches of the area
	 * @param max the most quotes to return
	 * @return up to {@code max} quotes, best first
	 */
	List<Excerpt> quotes(String area, List<String> texts, int[] hits, int max) {
		int index = areaIndex(area);
		Candidates candidates = new Candidates();
		for (int i = 0; i < texts.size(); i++) {
			if (hits[i] > 0) {
				candidates.add(hits[i], texts.get(i).length(), i);
			}
		}
		return pick(index, candidates, texts, max);
	}

	/**
	 * One answer quoted for an area as {@link #quotes(String, List, int)} quotes it:
	 * normalised and, when long, shortened around the area's first match (from its start
	 * when the area does not match).
	 * @param area one of {@link #areas()}
	 * @param text the answer
	 * @return the quote
	 */
	String quote(String area, String text) {
		int index = areaIndex(area);
		String normalised = normalise(text);
		int[] counts = new int[this.areas.size()];
		int[] starts = new int[this.areas.size()];
		int[] ends = new int[this.areas.size()];
		scan(normalised, counts, starts, ends);
		return shorten(normalised, starts[index], ends[index]);
	}

	/**
	 * Everything the digest shows about themes, in one pass over the answers.
	 * @param texts the free-text answers
	 * @param maxQuotes the most quotes per area
	 * @return one summary per area, in area order, also for areas no answer mentions
	 */
	public List<Summary> summarise(List<String> texts, int maxQuotes) {
		int[] answers = new int[this.areas.size()];
		Candidates[] candidates = new Candidates[this.areas.size()];
		Arrays.setAll(candidates, (area) -> new Candidates());
		int[] counts = new int[this.areas.size()];
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			Arrays.fill(counts, 0);
			if (!scan(text, counts, null, null)) {
				continue;
			}
			for (int area = 0; area < counts.length; area++) {
				if (counts[area] > 0) {
					answers[area]++;
					candidates[area].add(counts[area], text.length(), i);
				}
			}
		}
		List<Summary> summaries = new ArrayList<>();
		for (int area = 0; area < answers.length; area++) {
			summaries
				.add(new Summary(this.areas.get(area), answers[area], pick(area, candidates[area], texts, maxQuotes)));
		}
		return summaries;
	}

	/**
	 * One area across the answers.
	 *
	 * @param area the area
	 * @param answers how many answers mention it
	 * @param quotes representative quotes, best first (see
	 * {@link ThemeMatcher#quotes(String, List, int)})
	 */
	public record Summary(String area, int answers, List<Excerpt> quotes) {

		public Summary {
			quotes = List.copyOf(quotes);
		}

	}

	/**
	 * A quote and the answer it is from.
	 *
	 * @param index the answer's index in the list given
	 * @param text the quote, possibly shortened
	 */
	public record Excerpt(int index, String text) {
	}

	private int areaIndex(String area) {
		int index = this.areas.indexOf(area);
		if (index < 0) {
			throw new IllegalArgumentException("unknown area '" + area + "' (expected one of " + this.areas + ")");
		}
		return index;
	}

	private List<Excerpt> pick(int area, Candidates candidates, List<String> texts, int max) {
		List<Excerpt> quotes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int[] counts = new int[this.areas.size()];
		int[] starts = new int[this.areas.size()];
		int[] ends = new int[this.areas.size()];
		for (int index : candidates.best()) {
			if (quotes.size() >= max) {
				break;
			}
			String text = normalise(texts.get(index));
			if (!seen.add(text.toLowerCase(Locale.ROOT))) {
				continue;
			}
			Arrays.fill(counts, 0);
			scan(text, counts, starts, ends);
			String quote = shorten(text, starts[area], ends[area]);
			if (quote.length() == text.length() || seen.add(quote.toLowerCase(Locale.ROOT))) {
				quotes.add(new Excerpt(index, quote));
			}
		}
		return quotes;
	}

	/**
	 * Finds the keywords in a text.
	 * @param text the text, may be {@code null}
	 * @param counts per area, incremented for each match
	 * @param firstStarts per area, if not {@code null}: where its first match starts
	 * @param firstEnds per area, if not {@code null}: where its first match ends
	 * @return whether any area matched
	 */
	private boolean scan(String text, int[] counts, int[] firstStarts, int[] firstEnds) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		int n = text.length();
		int maxWords = n / 2 + 1;
		// The words that matter, in order: each word with forms, and one empty word for
		// a run of other words (not stopwords) that separates them. Word w has the forms
		// forms[formStart[w]..formStart[w + 1]).
		int[] formStart = new int[maxWords + 1];
		int[] forms = new int[4 * SwedishWords.MAX_WORD];
		int formCount = 0;
		int[] wordStart = (firstStarts != null) ? new int[maxWords] : null;
		int[] wordEnd = (firstStarts != null) ? new int[maxWords] : null;
		char[] stem = new char[SwedishWords.MAX_WORD];
		char[] written = new char[SwedishWords.MAX_WORD];
		int words = 0;
		boolean lastHadForms = false;
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (!SwedishWords.isWordChar(c)) {
				i++;
				continue;
			}
			int start = i;
			int length = 0;
			while (i < n && SwedishWords.isWordChar(c = text.charAt(i))) {
				if (length < SwedishWords.MAX_WORD) {
					char lower = Character.toLowerCase(c);
					stem[length] = lower;
					written[length] = lower;
				}
				length++;
				i++;
			}
			int before = formCount;
			if (length <= SwedishWords.MAX_WORD) {
				int stemLength = SwedishWords.stem(stem, length);
				if (forms.length < formCount + 2 * stemLength) {
					forms = Arrays.copyOf(forms, 2 * forms.length);
				}
				formCount = collectForms(stem, stemLength, forms, formCount);
			}
			if (formCount > before) {
				if (SwedishWords.isStopword(written, length)) {
					formCount = before;
					continue;
				}
				if (isException(written, length)) {
					formCount = before;
				}
			}
			boolean hasForms = formCount > before;
			// Stopwords are looked up only where they matter: after a word with forms,
			// where
			// a stopword keeps a phrase going and any other word ends it.
			if (!hasForms && (!lastHadForms
					|| (length <= SwedishWords.MAX_WORD && SwedishWords.isStopword(written, length)))) {
				continue;
			}
			formStart[words] = before;
			if (wordStart != null) {
				wordStart[words] = start;
				wordEnd[words] = i;
			}
			words++;
			lastHadForms = hasForms;
		}
		formStart[words] = formCount;
		if (formCount == 0) {
			return false;
		}
		return count(words, formStart, forms, counts, firstStarts, firstEnds, wordStart, wordEnd);
	}

	/** Whether a lower-case word contains one of the exceptions. */
	private boolean isException(char[] word, int length) {
		for (char[] exception : this.exceptions) {
			for (int at = 0; at + exception.length <= length; at++) {
				int k = 0;
				while (k < exception.length && word[at + k] == exception[k]) {
					k++;
				}
				if (k == exception.length) {
					return true;
				}
			}
		}
		return false;
	}

	/** Adds the forms a stemmed word is, starts with or ends with. */
	private int collectForms(char[] word, int length, int[] forms, int count) {
		int node = this.prefixes.root();
		for (int d = 1; d <= length; d++) {
			node = this.prefixes.next(node, word[d - 1]);
			if (node < 0) {
				break;
			}
			int form = this.prefixes.formAt(node);
			if (form >= 0 && (d == length || d >= MIN_COMPOUND)) {
				forms[count++] = form;
			}
		}
		node = this.suffixes.root();
		for (int d = 1; d < length; d++) {
			node = this.suffixes.next(node, word[length - d]);
			if (node < 0) {
				break;
			}
			int form = this.suffixes.formAt(node);
			if (form >= 0) {
				forms[count++] = form;
			}
		}
		return count;
	}

	private boolean count(int words, int[] formStart, int[] forms, int[] counts, int[] firstStarts, int[] firstEnds,
			int[] wordStart, int[] wordEnd) {
		int areaCount = counts.length;
		int[] longest = new int[areaCount];
		int[] freeFrom = new int[areaCount];
		boolean any = false;
		for (int w = 0; w < words; w++) {
			boolean matched = false;
			for (int k = formStart[w]; k < formStart[w + 1]; k++) {
				for (Keyword keyword : this.keywordsByFirstForm[forms[k]]) {
					int length = keyword.words().length;
					if (length > longest[keyword.area()] && w + length <= words && rest(keyword, w, formStart, forms)) {
						longest[keyword.area()] = length;
						matched = true;
					}
				}
			}
			if (!matched) {
				continue;
			}
			for (int area = 0; area < areaCount; area++) {
				int length = longest[area];
				if (length == 0) {
					continue;
				}
				longest[area] = 0;
				if (w < freeFrom[area]) {
					continue;
				}
				if (counts[area] == 0 && firstStarts != null) {
					firstStarts[area] = wordStart[w];
					firstEnds[area] = wordEnd[w + length - 1];
				}
				counts[area]++;
				freeFrom[area] = w + length;
				any = true;
			}
		}
		return any;
	}

	/** Whether a keyword's second and later words match the words after {@code w}. */
	private static boolean rest(Keyword keyword, int w, int[] formStart, int[] forms) {
		int[][] words = keyword.words();
		for (int j = 1; j < words.length; j++) {
			if (!hasAny(words[j], forms, formStart[w + j], formStart[w + j + 1])) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasAny(int[] wanted, int[] forms, int from, int to) {
		for (int k = from; k < to; k++) {
			for (int form : wanted) {
				if (forms[k] == form) {
					return true;
				}
			}
		}
		return false;
	}

	/** Trims and turns every run of whitespace (line breaks too) into one space. */
	static String normalise(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	/**
	 * Shortens a text to at most {@value #MAX_QUOTE} characters at a sentence end, else
	 * at a space, marking what is left out with "…". If the match would be cut off, the
	 * quote starts at the sentence the match is in.
	 * @param text the text, {@linkplain #normalise(String) normalised}
	 * @param matchStart where the match starts
	 * @param matchEnd where it ends
	 * @return the text or its shortened form
	 */
	static String shorten(String text, int matchStart, int matchEnd) {
		if (text.length() <= MAX_QUOTE) {
			return text;
		}
		int from = 0;
		int end = cut(text, from, 0);
		if (end < matchEnd) {
			from = sentenceStart(text, matchStart);
			end = cut(text, from, ELLIPSIS.length() + 1);
			if (end < matchEnd) {
				from = wordStart(text, Math.max(from, matchStart - 60));
				end = cut(text, from, ELLIPSIS.length() + 1);
			}
		}
		StringBuilder quote = new StringBuilder(MAX_QUOTE);
		if (from > 0) {
			quote.append(ELLIPSIS).append(' ');
		}
		quote.append(text, from, end);
		if (end < text.length()) {
			quote.append(' ').append(ELLIPSIS);
		}
		return quote.toString();
	}

	/**
	 * Where to end a quote that starts at {@code from}: the whole rest if it fits, else
	 * after the last sentence in the second half of the room, else at the last space.
	 */
	private static int cut(String text, int from, int prefix) {
		int room = MAX_QUOTE - prefix;
		if (text.length() - from <= room) {
			return text.length();
		}
		room -= ELLIPSIS.length() + 1;
		int limit = from + room;
		for (int end = limit; end > from + room / 2; end--) {
			if (isSentenceEnd(text.charAt(end - 1)) && text.charAt(end) == ' ') {
				return end;
			}
		}
		for (int end = limit; end > from; end--) {
			if (text.charAt(end) == ' ') {
				while (end > from && ",;:-–—".indexOf(text.charAt(end - 1)) >= 0) {
					end--;
				}
				return (end > from) ? end : limit;
			}
		}
		return limit;
	}

	private static int sentenceStart(String text, int at) {
		for (int i = Math.min(at, text.length()) - 1; i > 0; i--) {
			if (text.charAt(i) == ' ' && isSentenceEnd(text.charAt(i - 1))) {
				return i + 1;
			}
		}
		return 0;
	}

	private static int wordStart(String text, int at) {
		for (int i = at; i > 0; i--) {
			if (text.charAt(i - 1) == ' ') {
				return i;
			}
		}
		return 0;
	}

	private static boolean isSentenceEnd(char c) {
		return c == '.' || c == '!' || c == '?';
	}

	/**
	 * A keyword: the forms of each of its words (a word's stem and, when it differs, its
	 * written form).
	 */
	private record Keyword(int area, int[][] words) {
	}

	/**
	 * The answers that mention an area, ranked by a long each: fewer matches, then a
	 * length further from the ideal, sort later; ties keep the answers' order.
	 */
	private static final class Candidates {

		private long[] keys = new long[16];

		private int size;

		void add(int hits, int length, int index) {
			long rank = ((long) (0xFFFF - Math.min(hits, 0xFFFF)) << 16)
					| Math.min(Math.abs(length - IDEAL_QUOTE), 0xFFFF);
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, 2 * this.keys.length);
			}
			this.keys[this.size++] = (rank << 32) | index;
		}

		int[] best() {
			long[] sorted = Arrays.copyOf(this.keys, this.size);
			Arrays.sort(sorted);
			int[] indexes = new int[sorted.length];
			for (int i = 0; i < sorted.length; i++) {
				indexes[i] = (int) sorted[i];
			}
			return indexes;
		}

	}

}
