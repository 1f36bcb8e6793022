package se.samla.digests;

/**
 * A chart of a digest as a PNG image, with the text that says what it shows: every figure
 * in it, for those who do not see the picture (and for mail clients that block images).
 *
 * @param id the chart's id, unique within a digest, e.g. {@code rates-organisations}
 * @param title its title (also drawn in the picture)
 * @param altText the figures in words, e.g. "Svarsfrekvens per organisation: Degerfors 80
 * %, …"
 * @param png the picture, drawn at twice its size for sharp screens
 * @param width the width to show it at, in CSS pixels
 * @param height the height to show it at, in CSS pixels
 */
public record Chart(String id, String title, String altText, byte[] png, int width, int height) {

	/** The Content-ID of the picture as an inline part of an email, without brackets. */
	public String contentId() {
		return this.id + "@samla";
	}

	/** The picture's file name, e.g. {@code rates-organisations.png}. */
	public String fileName() {
		return this.id + ".png";
	}

}
