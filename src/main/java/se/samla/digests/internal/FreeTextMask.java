package se.samla.digests.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.sv.SwedishAnalyzer;

import se.samla.directory.Organisation;
import se.samla.directory.Person;
import se.samla.surveys.AnswerValue;

/**
 * Masks what identifies a person in free text, for the views that promise answers by
 * organisation without names: names of people in the directory become {@value #NAME},
 * email addresses {@value #EMAIL} and phone numbers {@value #PHONE}.
 *
 * <p>
 * <b>Names.</b> Text and directory are compared word by word, case-insensitively and
 * without diacritics ({@code Öberg}, {@code oberg}, {@code ÖBERG}; {@code Åsa},
 * {@code Asa}), a hyphenated name as a whole or part by part ({@code Anna-Karin},
 * {@code Berg-Nilsson}), and a word that is a name followed by {@code s} as that name's
 * possessive ({@code Öbergs}, {@code Karins}). A person's last word is their surname, the
 * words before it their given names (lower-case particles such as {@code van}, {@code af}
 * are neither). What is masked:
 * <ol>
 * <li>a given name next to a surname, in either order, with any names around it
 * ({@code Mats Mats Öberg}, {@code mats öberg}, {@code Öberg Mats}): when neither is also
 * an ordinary word, or it is written capitalised, or the two are one person's;
 * <li>a surname on its own ({@code Lindqvist}, {@code lindqvists}); one that is also an
 * ordinary word ({@code Ström}, {@code Strand}, {@code Ek}: see {@link #ORDINARY}) only
 * when written capitalised and not at the start of a sentence ("som Ström sa", not "mer
 * ström" nor "Ström till ..."), and one that is also part of an organisation's name
 * ({@code Nora}) never on its own;
 * <li>a given name on its own only as a signature or greeting: after {@code Hälsningar},
 * {@code Mvh}, {@code Hej}, {@code Tack} and the like, after a {@code /}, alone on its
 * line or as the text's last word ("Hälsningar Karin", "/Karin", "Hej Karin,", "Tack för
 * svaret, Karin!"); a first name alone in a sentence ("Karin ringde") says too little to
 * be worth the ordinary words it would hit ({@code Per}, {@code Bo}, {@code Dag});
 * <li>a given name, capitalised, followed by a capitalised word that looks like a surname
 * (no ordinary word, place, role or acronym; or an initial with a full stop), even when
 * that surname is not in the directory: {@code Karin Svensson}, {@code Karin L.}.
 * </ol>
 * A run of names is masked as one {@value #NAME}; a word is never masked inside a longer
 * word ({@code Matsalen}).
 *
 * <p>
 * <b>Email addresses:</b> any address (letters, digits and {@code ._%+-'} before the
 * {@code @}, a domain with a dot and a top-level part of two letters or more).
 *
 * <p>
 * <b>Phone numbers:</b> a number that starts as one does: with {@code 0} and an area code
 * ({@code 070-123 45 67}, {@code 0701234567}, {@code 019-12 34 56},
 * {@code 08-123 456 78}, {@code (08) 123 456}), 8 to 10 digits; or with {@code +} or
 * {@code 00} and a country code ({@code +46 70 123 45 67}, {@code +46(0)70-1234567},
 * {@code 0046 70 ...}), 8 to 15 digits; digits grouped by single spaces or a dash. Years,
 * dates ({@code 2026-12-04}, {@code 04-12-2026}), percentages, counts and occupational
 * codes do not start with a 0 followed by an area code, or are too short, and are kept.
 *
 * <p>
 * Built once per digest from the directory; immutable and safe to share between threads.
 * A text is scanned once, character by character; each word is looked up by walking one
 * {@link CharTrie} of the directory's name words (folded), which costs the same for ten
 * people as for ten thousand; a text without anything to mask is returned as it is.
 */
final class FreeTextMask {

	static final String NAME = "[namn]";

	static final String EMAIL = "[e-post]";

	static final String PHONE = "[telefon]";

	/** Masks nothing: the views with persons. */
	static final FreeTextMask NONE = new FreeTextMask(null, new int[0], Set.of());

	/**
	 * Names that are also ordinary Swedish words (folded: {@code ström} is
	 * {@code strom}), which a text uses as words far more often than as someone's name;
	 * Lucene's Swedish stopwords ({@code hans}, {@code man}, ...) count as such words
	 * too. Surnames and given names alike: a short list of the common ones, not a
	 * dictionary.
	 */
	static final Set<String> ORDINARY = Set.of(
			// surnames that are words: nature, places, weather, colours, qualities
			"berg", "lund", "holm", "holme", "ek", "lind", "strand", "strom", "bjork", "falk", "rask", "sjo", "nord",
			"soder", "norr", "ost", "vast", "oster", "vaster", "sand", "sten", "stig", "fors", "vik", "back", "backe",
			"kvist", "gran", "ask", "alm", "asp", "lonn", "ros", "rosen", "lilja", "hall", "hammar", "storm", "frost",
			"vinter", "sommar", "host", "var", "dal", "vall", "hed", "mo", "hage", "skog", "ang", "aker", "flod", "bro",
			"nas", "blad", "lov", "hjort", "svan", "orn", "lax", "hagg", "ring", "mark", "post", "glad", "stark",
			"lang", "kort", "svart", "vit", "gron", "brun", "frisk", "modig", "kung", "lugn", "bra", "snabb", "stolt",
			"fager", "hog", "berger", "falt", "hard",
			// given names that are words
			"per", "hans", "bo", "dag", "max", "tim", "karl", "bjorn", "tor", "vera", "vilja", "fred", "maj", "juni",
			"love", "sol", "rut", "lo", "ella", "siv", "gun", "ante", "mans");

	/** Lower-case words between given names and surname: {@code van der Berg}. */
	private static final Set<String> PARTICLES = Set.of("af", "av", "von", "van", "der", "den", "de", "la", "le", "du",
			"da", "di", "del", "dos", "al", "el", "bin", "ter", "ten");

	/** Words a greeting or signature puts before a name. */
	private static final Set<String> GREETINGS = Set.of("halsningar", "halsning", "halsn", "mvh", "vh", "hej", "hejsan",
			"hallo", "halla", "tjena", "tack", "kram", "vanligen", "regards", "cheers", "thanks", "hi", "hello", "dear",
			"best");

	/** Words of organisations' names besides the directory's own. */
	private static final Set<String> PLACE_WORDS = Set.of("kommun", "kommunen", "region", "regionen", "lan", "lans",
			"landsting", "stad", "staden");

	private static final int FIRST = 1;

	private static final int SURNAME = 2;

	private static final int NAME_WORD = FIRST | SURNAME;

	private static final int ORDINARY_WORD = 4;

	private static final int PLACE = 8;

	private static final int ROLE = 16;

	private static final int GREETING = 32;

	private static final int PARTICLE = 64;

	/** The characters {@link #fold(char)} looks up rather than works out. */
	private static final char[] FOLDED = new char[0x250];

	static {
		for (char c = 0; c < FOLDED.length; c++) {
			String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
			String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
			FOLDED[c] = (lower.length() == 1 && bare.length() == 1) ? bare.charAt(0) : c;
		}
		FOLDED['ø'] = 'o';
		FOLDED['Ø'] = 'o';
		FOLDED['æ'] = 'a';
		FOLDED['Æ'] = 'a';
		FOLDED['ð'] = 'd';
	}

	/** The directory's words and the other words the rules know, folded. */
	private final CharTrie words;

	/** Per word of {@link #words}: what it is, as bits. */
	private final int[] kinds;

	/**
	 * A given name's and a surname's word ids, {@code given << 32 | surname}, per person.
	 */
	private final Set<Long> persons;

	private FreeTextMask(CharTrie words, int[] kinds, Set<Long> persons) {
		this.words = words;
		this.kinds = kinds;
		this.persons = persons;
	}

	/**
	 * The mask for a directory.
	 * @param people the people whose names to mask
	 * @param organisations the organisations, whose names are never masked on their own
	 * @return the mask
	 */
	static FreeTextMask of(Collection<Person> people, Collection<Organisation> organisations) {
		Builder builder = new Builder();
		for (Person person : people) {
			builder.name(person.name());
			if (person.role() != null) {
				builder.words(person.role(), ROLE);
			}
		}
		organisations.forEach(organisation -> builder.words(organisation.name(), PLACE));
		return builder.build();
	}

	/**
	 * The mask for names given as text, for tests.
	 * @param names people's full names
	 * @param places organisations' names
	 * @param roles job titles
	 * @return the mask
	 */
	static FreeTextMask of(List<String> names, List<String> places, List<String> roles) {
		Builder builder = new Builder();
		names.forEach(builder::name);
		places.forEach(place -> builder.words(place, PLACE));
		roles.forEach(role -> builder.words(role, ROLE));
		return builder.build();
	}

	/**
	 * An answer with what its author wrote masked (a text, a choice's comment, a matrix's
	 * comments); option and level ids are kept.
	 * @return the answer, the same instance when nothing is masked
	 */
	AnswerValue mask(AnswerValue answer) {
		if (this.words == null || answer == null) {
			return answer;
		}
		if (answer instanceof AnswerValue.TextAnswer text) {
			String masked = mask(text.text());
			return (masked == text.text()) ? answer : new AnswerValue.TextAnswer(masked);
		}
		if (answer instanceof AnswerValue.ChoiceAnswer choice && choice.comment() != null) {
			String masked = mask(choice.comment());
			return (masked == choice.comment()) ? answer : new AnswerValue.ChoiceAnswer(choice.id(), masked);
		}
		if (answer instanceof AnswerValue.MatrixAnswer matrix && !matrix.comments().isEmpty()) {
			Map<String, String> comments = new LinkedHashMap<>();
			boolean changed = false;
			for (Map.Entry<String, String> comment : matrix.comments().entrySet()) {
				String masked = mask(comment.getValue());
				changed |= masked != comment.getValue();
				comments.put(comment.getKey(), masked);
			}
			return changed ? new AnswerValue.MatrixAnswer(matrix.ratings(), comments) : answer;
		}
		return answer;
	}

	/**
	 * A text with names, email addresses and phone numbers masked.
	 * @param text the text, may be {@code null}
	 * @return the text masked; the same instance when there is nothing to mask
	 */
	String mask(String text) {
		if (this.words == null || text == null || text.isEmpty()) {
			return text;
		}
		Scan scan = new Scan(text);
		scan.run();
		return scan.result();
	}

	static char fold(char c) {
		if (c < FOLDED.length) {
			return FOLDED[c];
		}
		if (c == '\u2010' || c == '\u2011') {
			return '-';
		}
		return Character.toLowerCase(c);
	}

	/** One text's scan: its words, and the places to mask, in order. */
	private final class Scan {

		private final String text;

		private final int n;

		/** Email addresses, found first: start, end, start, end, ... */
		private int[] emails = new int[0];

		private int emailCount;

		/** What to mask, in order: start, end, kind (0 name, 1 email, 2 phone). */
		private int[] spans = new int[12];

		private int spanCount;

		// the words, in order
		private int[] start;

		private int[] end;

		private int[] kind;

		private int[] form;

		/** Whether the word is joined to the one before by spaces only. */
		private boolean[] joined;

		private int count;

		private boolean anyName;

		/** Whether a word was left out since the last one kept. */
		private boolean gap;

		Scan(String text) {
			this.text = text;
			this.n = text.length();
		}

		void run() {
			if (this.text.indexOf('@') >= 0) {
				this.emails = ContactDetails.emails(this.text);
				this.emailCount = this.emails.length / 2;
			}
			int email = 0;
			int previousEnd = 0;
			boolean broken = false;
			int i = 0;
			while (i < this.n) {
				if (email < this.emailCount && i >= this.emails[2 * email]) {
					i = this.emails[2 * email + 1];
					email++;
					broken = true;
					continue;
				}
				char c = this.text.charAt(i);
				if (Character.isLetter(c)) {
					int wordEnd = wordEnd(i);
					addWord(i, wordEnd, !broken && spacesOnly(previousEnd, i));
					previousEnd = wordEnd;
					broken = false;
					i = wordEnd;
				}
				else if (ContactDetails.isDigit(c) || c == '+' || c == '(') {
					int phoneEnd = ContactDetails.phoneEnd(this.text, i);
					if (phoneEnd > 0) {
						addSpan(i, phoneEnd, 2);
						broken = true;
						i = phoneEnd;
					}
					else {
						i++;
						while (i < this.n && ContactDetails.isDigit(this.text.charAt(i))) {
							i++;
						}
						broken |= ContactDetails.isDigit(c);
					}
				}
				else {
					i++;
				}
			}
			if (this.anyName) {
				names();
			}
		}

		String result() {
			if (this.spanCount == 0 && this.emailCount == 0) {
				return this.text;
			}
			for (int e = 0; e < this.emailCount; e++) {
				addSpan(this.emails[2 * e], this.emails[2 * e + 1], 1);
			}
			long[] order = new long[this.spanCount];
			for (int s = 0; s < this.spanCount; s++) {
				order[s] = ((long) this.spans[3 * s] << 32) | s;
			}
			Arrays.sort(order);
			StringBuilder masked = new StringBuilder(this.n);
			int at = 0;
			for (long entry : order) {
				int s = (int) entry;
				int from = this.spans[3 * s];
				if (from < at) {
					continue;
				}
				masked.append(this.text, at, from);
				masked.append(switch (this.spans[3 * s + 2]) {
					case 0 -> NAME;
					case 1 -> EMAIL;
					default -> PHONE;
				});
				at = this.spans[3 * s + 1];
			}
			masked.append(this.text, at, this.n);
			return masked.toString();
		}

		private void addSpan(int from, int to, int what) {
			if (3 * this.spanCount + 3 > this.spans.length) {
				this.spans = Arrays.copyOf(this.spans, 2 * this.spans.length);
			}
			this.spans[3 * this.spanCount] = from;
			this.spans[3 * this.spanCount + 1] = to;
			this.spans[3 * this.spanCount + 2] = what;
			this.spanCount++;
		}

		// --- names

		/** Where a word ends: letters, joined by single hyphens. */
		private int wordEnd(int i) {
			int j = i;
			while (j < this.n) {
				char c = this.text.charAt(j);
				if (Character.isLetter(c)) {
					j++;
				}
				else if (isHyphen(c) && j + 1 < this.n && Character.isLetter(this.text.charAt(j + 1))) {
					j++;
				}
				else {
					break;
				}
			}
			return j;
		}

		/**
		 * Looks a word up and keeps it if the rules need it: a name, a greeting or a
		 * particle, or any word right after a name (which may be a surname not in the
		 * directory). A word left out breaks a run of names all the same.
		 */
		private void addWord(int from, int to, boolean joinedToPrevious) {
			CharTrie trie = FreeTextMask.this.words;
			int node = trie.root();
			int stemNode = -1;
			for (int i = from; i < to && node >= 0; i++) {
				if (i == to - 1) {
					stemNode = node;
				}
				node = trie.next(node, fold(this.text.charAt(i)));
			}
			int id = (node >= 0) ? trie.formAt(node) : -1;
			int bits = (id >= 0) ? FreeTextMask.this.kinds[id] : 0;
			if ((bits & (NAME_WORD | ORDINARY_WORD)) == 0 && stemNode >= 0 && to - from >= 3
					&& fold(this.text.charAt(to - 1)) == 's') {
				// a possessive: Öbergs, Karins
				int stem = trie.formAt(stemNode);
				if (stem >= 0 && (FreeTextMask.this.kinds[stem] & NAME_WORD) != 0) {
					id = stem;
					bits = FreeTextMask.this.kinds[stem];
				}
			}
			if ((bits & NAME_WORD) == 0 && hasHyphen(from, to)) {
				int parts = hyphenated(from, to);
				if (parts != 0) {
					bits = parts;
					id = -1;
				}
			}
			boolean afterName = joinedToPrevious && !this.gap && this.count > 0 && isName(this.count - 1);
			if ((bits & (NAME_WORD | GREETING | PARTICLE)) == 0 && !afterName) {
				this.gap = true;
				return;
			}
			if (this.start == null) {
				// most texts have no name, greeting or particle: nothing to keep
				this.start = new int[8];
				this.end = new int[8];
				this.kind = new int[8];
				this.form = new int[8];
				this.joined = new boolean[8];
			}
			else if (this.count == this.start.length) {
				int size = 2 * this.count;
				this.start = Arrays.copyOf(this.start, size);
				this.end = Arrays.copyOf(this.end, size);
				this.kind = Arrays.copyOf(this.kind, size);
				this.form = Arrays.copyOf(this.form, size);
				this.joined = Arrays.copyOf(this.joined, size);
			}
			int w = this.count++;
			this.start[w] = from;
			this.end[w] = to;
			this.joined[w] = joinedToPrevious && !this.gap && w > 0;
			this.gap = false;
			this.kind[w] = bits;
			this.form[w] = ((bits & NAME_WORD) != 0) ? id : -1;
			this.anyName |= (bits & NAME_WORD) != 0;
		}

		/** A hyphenated word whose every part is a name is a name: Anna-Karin. */
		private int hyphenated(int from, int to) {
			int names = 0;
			int ordinary = ORDINARY_WORD;
			int part = from;
			for (int i = from; i <= to; i++) {
				if (i == to || isHyphen(this.text.charAt(i))) {
					int id = lookup(part, i);
					int bits = (id >= 0) ? FreeTextMask.this.kinds[id] : 0;
					if ((bits & NAME_WORD) == 0 && i - part >= 3 && fold(this.text.charAt(i - 1)) == 's') {
						id = lookup(part, i - 1);
						bits = (id >= 0) ? FreeTextMask.this.kinds[id] : 0;
					}
					if ((bits & NAME_WORD) == 0) {
						return 0;
					}
					names |= bits & NAME_WORD;
					ordinary &= bits;
					part = i + 1;
				}
			}
			return names | ordinary;
		}

		private int lookup(int from, int to) {
			CharTrie trie = FreeTextMask.this.words;
			int node = trie.root();
			for (int i = from; i < to && node >= 0; i++) {
				node = trie.next(node, fold(this.text.charAt(i)));
			}
			return (node >= 0) ? trie.formAt(node) : -1;
		}

		/**
		 * Applies the rules to every run of names joined by spaces (and particles), where
		 * each name is written as a name or belongs to one person with the one before.
		 */
		private void names() {
			int w = 0;
			while (w < this.count) {
				if (!isName(w)) {
					w++;
					continue;
				}
				int first = w;
				int last = w;
				while (true) {
					int next = last + 1;
					while (next < this.count && this.joined[next] && has(next, PARTICLE) && !isName(next)) {
						next++;
					}
					if (next < this.count && this.joined[next] && isName(next)
							&& ((strong(last) && strong(next)) || samePerson(last, next))) {
						last = next;
					}
					else {
						break;
					}
				}
				run(first, last);
				w = last + 1;
			}
		}

		private void run(int first, int last) {
			int previous = -1;
			for (int w = first; w <= last; w++) {
				if (!isName(w)) {
					continue;
				}
				if (previous >= 0
						&& ((has(previous, FIRST) && has(w, SURNAME)) || (has(previous, SURNAME) && has(w, FIRST)))) {
					addSpan(this.start[first], this.end[last], 0);
					return;
				}
				previous = w;
			}
			if (signature(first, last)) {
				addSpan(this.start[first], this.end[last], 0);
				return;
			}
			int next = last + 1;
			if (has(last, FIRST) && capitalised(last) && next < this.count && this.joined[next] && surnameLike(next)) {
				addSpan(this.start[first], this.end[next], 0);
				return;
			}
			for (int w = first; w <= last; w++) {
				if (!has(w, SURNAME) || has(w, PLACE)) {
					continue;
				}
				if (!has(w, ORDINARY_WORD) || (capitalised(w) && !sentenceStart(w))) {
					addSpan(this.start[w], this.end[w], 0);
				}
			}
		}

		/**
		 * Whether a run of names is a signature or greeting: after a greeting word or a
		 * slash, or alone on its line, written capitalised or after a greeting.
		 */
		private boolean signature(int first, int last) {
			int before = first - 1;
			if (before >= 0 && has(before, GREETING) && strong(first)
					&& onlyPunctuation(this.end[before], this.start[first])) {
				return true;
			}
			if (!strong(first)) {
				return false;
			}
			int i = this.start[first] - 1;
			while (i >= 0 && ContactDetails.isSpace(this.text.charAt(i))) {
				i--;
			}
			if (i >= 0 && this.text.charAt(i) == '/') {
				return true;
			}
			return (aloneOnLine(this.start[first], this.end[last]) || endsText(this.end[last]))
					&& (has(first, FIRST) || !has(first, ORDINARY_WORD));
		}

		private boolean surnameLike(int w) {
			int from = this.start[w];
			int to = this.end[w];
			if ((this.kind[w] & (ORDINARY_WORD | PLACE | ROLE | GREETING | NAME_WORD)) != 0 || !capitalised(w)) {
				return false;
			}
			if (to - from == 1) {
				// an initial: Karin L.
				return to < this.n && this.text.charAt(to) == '.';
			}
			return Character.isLowerCase(this.text.charAt(from + 1));
		}

		private boolean samePerson(int a, int b) {
			int x = this.form[a];
			int y = this.form[b];
			if (x < 0 || y < 0) {
				return false;
			}
			Set<Long> persons = FreeTextMask.this.persons;
			return persons.contains(((long) x << 32) | y) || persons.contains(((long) y << 32) | x);
		}

		private boolean isName(int w) {
			return (this.kind[w] & NAME_WORD) != 0;
		}

		private boolean has(int w, int bits) {
			return (this.kind[w] & bits) != 0;
		}

		/**
		 * Whether a word is a name as written: no ordinary word or place, or capitalised.
		 */
		private boolean strong(int w) {
			return (this.kind[w] & (ORDINARY_WORD | PLACE)) == 0 || capitalised(w);
		}

		private boolean capitalised(int w) {
			return Character.isUpperCase(this.text.charAt(this.start[w]));
		}

		private boolean sentenceStart(int w) {
			int i = this.start[w] - 1;
			while (i >= 0) {
				char c = this.text.charAt(i);
				if (c == '.' || c == '!' || c == '?' || c == '\n') {
					return true;
				}
				if (!ContactDetails.isSpace(c) && "\"'”“«»(–-—".indexOf(c) < 0) {
					return false;
				}
				i--;
			}
			return true;
		}

		private boolean aloneOnLine(int from, int to) {
			for (int i = from - 1; i >= 0 && this.text.charAt(i) != '\n'; i--) {
				if (Character.isLetterOrDigit(this.text.charAt(i))) {
					return false;
				}
			}
			for (int i = to; i < this.n && this.text.charAt(i) != '\n'; i++) {
				if (Character.isLetterOrDigit(this.text.charAt(i))) {
					return false;
				}
			}
			return true;
		}

		private boolean endsText(int from) {
			for (int i = from; i < this.n; i++) {
				if (Character.isLetterOrDigit(this.text.charAt(i))) {
					return false;
				}
			}
			return true;
		}

		private boolean onlyPunctuation(int from, int to) {
			if (to - from > 8) {
				return false;
			}
			for (int i = from; i < to; i++) {
				if (Character.isLetterOrDigit(this.text.charAt(i))) {
					return false;
				}
			}
			return true;
		}

		private boolean spacesOnly(int from, int to) {
			for (int i = from; i < to; i++) {
				char c = this.text.charAt(i);
				if (c != ' ' && c != '\t' && c != '\u00a0' && c != '\u202f') {
					return false;
				}
			}
			return true;
		}

		private boolean hasHyphen(int from, int to) {
			for (int i = from; i < to; i++) {
				if (isHyphen(this.text.charAt(i))) {
					return true;
				}
			}
			return false;
		}

	}

	private static boolean isHyphen(char c) {
		return c == '-' || c == '\u2010' || c == '\u2011';
	}

	/** Collects the words and their kinds, then builds the trie. */
	private static final class Builder {

		private static final Pattern WHITESPACE = Pattern.compile("\\s+");

		private static final Pattern NOT_IN_WORD = Pattern.compile("[^\\p{L}-]+");

		private final Map<String, Integer> ids = new HashMap<>();

		private final List<String> forms = new ArrayList<>();

		private int[] kinds = new int[256];

		private final Set<Long> persons = new HashSet<>();

		/** The names and other texts seen: a directory repeats roles and some names. */
		private final Set<String> names = new HashSet<>();

		private final Set<String> texts = new HashSet<>();

		Builder() {
			ORDINARY.forEach(word -> add(word, ORDINARY_WORD));
			for (Object word : SwedishAnalyzer.getDefaultStopSet()) {
				add(fold((word instanceof char[] chars) ? new String(chars) : word.toString()), ORDINARY_WORD);
			}
			GREETINGS.forEach(word -> add(word, GREETING));
			PLACE_WORDS.forEach(word -> add(word, PLACE));
		}

		void name(String name) {
			List<String> written = new ArrayList<>();
			if (!this.names.add(name)) {
				return;
			}
			for (String part : WHITESPACE.split(name.strip())) {
				String word = trim(part);
				if (!word.isEmpty()) {
					written.add(word);
				}
			}
			List<Integer> given = new ArrayList<>();
			List<Integer> surname = new ArrayList<>();
			int last = written.size() - 1;
			while (last > 0 && isParticle(written.get(last))) {
				last--;
			}
			for (int i = 0; i < written.size(); i++) {
				String word = written.get(i);
				if (i != last && isParticle(word)) {
					add(fold(word), PARTICLE);
					continue;
				}
				List<Integer> ids = (i == last) ? surname : given;
				int kind = (i == last) ? SURNAME : FIRST;
				String folded = fold(word);
				if (folded.length() >= 2) {
					ids.add(add(folded, kind));
				}
				if (folded.indexOf('-') > 0) {
					for (String part : folded.split("-")) {
						if (part.length() >= 2) {
							ids.add(add(part, kind));
						}
					}
				}
			}
			for (int g : given) {
				for (int s : surname) {
					this.persons.add(((long) g << 32) | s);
				}
			}
		}

		void words(String text, int kind) {
			if (!this.texts.add(kind + text)) {
				return;
			}
			for (String part : NOT_IN_WORD.split(text.strip())) {
				String folded = fold(trim(part));
				if (folded.length() >= 2) {
					add(folded, kind);
					for (String piece : folded.split("-")) {
						if (piece.length() >= 2) {
							add(piece, kind);
						}
					}
				}
			}
		}

		FreeTextMask build() {
			return new FreeTextMask(CharTrie.of(this.forms, false), Arrays.copyOf(this.kinds, this.forms.size()),
					Set.copyOf(this.persons));
		}

		private int add(String form, int kind) {
			Integer id = this.ids.get(form);
			if (id == null) {
				id = this.forms.size();
				this.forms.add(form);
				this.ids.put(form, id);
				if (id == this.kinds.length) {
					this.kinds = Arrays.copyOf(this.kinds, 2 * this.kinds.length);
				}
			}
			this.kinds[id] |= kind;
			return id;
		}

		private static boolean isParticle(String word) {
			return PARTICLES.contains(word) && word.equals(word.toLowerCase(Locale.ROOT));
		}

		/** A name's word without what is around it: {@code (Kalle)}, {@code L.}. */
		private static String trim(String part) {
			int from = 0;
			int to = part.length();
			while (from < to && !Character.isLetter(part.charAt(from))) {
				from++;
			}
			while (to > from && !Character.isLetter(part.charAt(to - 1))) {
				to--;
			}
			return part.substring(from, to);
		}

		private static String fold(String word) {
			char[] chars = new char[word.length()];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = FreeTextMask.fold(word.charAt(i));
			}
			return new String(chars);
		}

	}

}
