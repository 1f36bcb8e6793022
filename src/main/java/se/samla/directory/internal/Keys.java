package se.samla.directory.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds what people type in spreadsheets into keys for lenient matching: lower-case,
 * without accents (å, ä, ö become a, a, o).
 */
final class Keys {

	private Keys() {
	}

	/**
	 * Letters and digits only: "Förväntad effekt" and "forvantad-effekt" both give
	 * "forvantadeffekt".
	 */
	static String compact(String value) {
		return withoutAccents(value).replaceAll("[^a-z0-9]", "");
	}

	/** A slug: "Region Örebro län" gives "region-orebro-lan". */
	static String slug(String value) {
		return withoutAccents(value).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
	}

	private static String withoutAccents(String value) {
		if (value == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(value.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "");
	}

}
