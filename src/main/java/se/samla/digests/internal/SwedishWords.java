package se.samla.digests.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemmer;

/**
 * The Swedish analysis shared by keywords and answers, so that both sides are cut and
 * stemmed alike: words are runs of letters and digits (a hyphen or any punctuation
 * separates them: {@code VO-college} is {@code vo college}), lower-cased, Lucene's
 * Swedish stopwords dropped ({@code och}, {@code för}, {@code mellan}, ...) and the rest
 * stemmed with Lucene's {@link SwedishLightStemmer}. The light stemmer was chosen over
 * the Snowball one because it also strips {@code -et} ({@code språket},
 * {@code ledarskapet}); where it stems a base form shorter than its inflections
 * ({@code mentor} to {@code ment} but {@code mentorer} to {@code mentor}) the matcher
 * also tries the keyword as written. Both Lucene classes used here are stateless, so this
 * is safe from any thread.
 */
final class SwedishWords {

	/** Longest word that is stemmed and matched; longer runs are not words. */
	static final int MAX_WORD = 64;

	/** Lucene's Swedish stopwords, in a trie: faster to look up than its hashed set. */
	private static final CharTrie STOPWORDS = stopwords(SwedishAnalyzer.getDefaultStopSet());

	private static final SwedishLightStemmer STEMMER = new SwedishLightStemmer();

	private SwedishWords() {
	}

	/** A word of a keyword: its stem, and its lower-case form as written. */
	record Word(String stem, String written) {
	}

	static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c);
	}

	static boolean isStopword(char[] word, int length) {
		return STOPWORDS.contains(word, length);
	}

	private static CharTrie stopwords(CharArraySet set) {
		List<String> words = new ArrayList<>();
		for (Object word : set) {
			words.add((word instanceof char[] chars) ? new String(chars) : word.toString());
		}
		return CharTrie.of(words, false);
	}

	/**
	 * Stems a lower-case word in place.
	 * @return the stem's length
	 */
	static int stem(char[] word, int length) {
		return STEMMER.stem(word, length);
	}

	/** The words of a keyword or phrase, stopwords left out. */
	static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		char[] buffer = new char[MAX_WORD];
		int i = 0;
		int n = text.length();
		while (i < n) {
			if (!isWordChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && isWordChar(text.charAt(i))) {
				i++;
			}
			int length = i - start;
			if (length > MAX_WORD) {
				continue;
			}
			for (int k = 0; k < length; k++) {
				buffer[k] = Character.toLowerCase(text.charAt(start + k));
			}
			if (isStopword(buffer, length)) {
				continue;
			}
			String written = new String(buffer, 0, length);
			words.add(new Word(new String(buffer, 0, stem(buffer, length)), written));
		}
		return words;
	}

}
