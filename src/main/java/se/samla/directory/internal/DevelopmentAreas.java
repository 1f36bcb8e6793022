package se.samla.directory.internal;

import java.util.List;
import java.util.Optional;

/**
 * The eight development areas ("utvecklingsområden") of the county-wide plan. Activities
 * are tagged with one of them, stored by its canonical name.
 */
final class DevelopmentAreas {

	static final List<String> ALL = List.of("Språk- och kulturkompetens", "Attrahera till yrken i branschen",
			"Dialog och samverkan med utbildningsaktörer", "Nyttja tekniken", "Utveckla chefer", "Utveckla medarbetare",
			"Rätt använd kompetens", "Samverkan mellan organisationer");

	private DevelopmentAreas() {
	}

	/**
	 * The canonical name for what was typed: case, accents, dashes and spaces do not
	 * matter, and an unambiguous beginning (at least five letters) is enough.
	 */
	static Optional<String> canonical(String typed) {
		String key = Keys.compact(typed);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		for (String area : ALL) {
			if (Keys.compact(area).equals(key)) {
				return Optional.of(area);
			}
		}
		if (key.length() < 5) {
			return Optional.empty();
		}
		List<String> candidates = ALL.stream().filter(area -> Keys.compact(area).startsWith(key)).toList();
		return (candidates.size() == 1) ? Optional.of(candidates.get(0)) : Optional.empty();
	}

}
