package se.samla.directory;

import java.util.Locale;

/** Whether an organisation is a municipality ("kommun") or a region. */
public enum OrganisationKind {

	KOMMUN("Kommun"), REGION("Region");

	private final String displayName;

	OrganisationKind(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

	/** Reads "kommun", "municipality", "region" in any case. */
	public static OrganisationKind parse(String value) {
		String key = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		return switch (key) {
			case "kommun", "municipality" -> KOMMUN;
			case "region" -> REGION;
			default -> throw new IllegalArgumentException(
					"unknown organisation type '" + value + "' (expected Kommun or Region)");
		};
	}

}
