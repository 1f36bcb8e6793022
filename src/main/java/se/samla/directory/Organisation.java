package se.samla.directory;

import java.util.Objects;

/**
 * A municipality or region taking part, e.g. Örebro or Region Örebro län.
 *
 * @param id the organisation's slug
 * @param name the name users see
 * @param kind municipality or region
 */
public record Organisation(OrganisationId id, String name, OrganisationKind kind) {

	public Organisation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("missing name");
		}
		name = name.strip();
	}

}
