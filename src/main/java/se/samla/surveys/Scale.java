package se.samla.surveys;

import java.util.List;
import java.util.Optional;

/**
 * A named, ordered set of levels, e.g. the four colours of step 1 (Övertalighet,
 * Hållbart, Sårbart, Brist) or Region Skåne's Balans / Obalans / Brist.
 */
public record Scale(String id, List<Level> levels) {

	public Scale {
		levels = List.copyOf(levels);
	}

	public Optional<Level> level(String levelId) {
		return this.levels.stream().filter(level -> level.id().equals(levelId)).findFirst();
	}

}
