package se.samla.directory;

import java.util.List;
import java.util.Objects;

/**
 * One row of the county-wide plan ("länsgemensam kompetensförsörjningsplan"): what is
 * done, why, by whom and when it is followed up. Its owners are asked about it once a
 * year.
 *
 * @param id the plan's number for the activity, e.g. {@code A1}
 * @param title what is done ("Aktivitet")
 * @param developmentArea the canonical name of one of the eight development areas
 * ("utvecklingsområden")
 * @param expectedEffect what the activity should lead to, or {@code null}
 * @param timeline when it is done ("Tidplan"), or {@code null}
 * @param followUp when it is followed up ("Uppföljning"), e.g. "December", or
 * {@code null}
 * @param owners the people responsible, at least one, in the plan's order
 */
public record PlanActivity(ActivityId id, String title, String developmentArea, String expectedEffect, String timeline,
		String followUp, List<PersonId> owners) {

	public PlanActivity {
		Objects.requireNonNull(id, "id");
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("missing activity title");
		}
		if (developmentArea == null || developmentArea.isBlank()) {
			throw new IllegalArgumentException("missing development area");
		}
		title = title.strip();
		expectedEffect = blankToNull(expectedEffect);
		timeline = blankToNull(timeline);
		followUp = blankToNull(followUp);
		owners = List.copyOf(owners);
	}

	public boolean isOwnedBy(PersonId person) {
		return this.owners.contains(person);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
