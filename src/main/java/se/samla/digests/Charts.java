package se.samla.digests;

import java.util.List;
import java.util.Optional;

import se.samla.digests.internal.DigestCharts;

/**
 * The digests' charts for other pages: a response-rate chart drawn as the digest draws
 * its own (the project leads' page shows one per organisation and per network).
 */
public final class Charts {

	/** The width charts are shown at, in CSS pixels. */
	public static final int WIDTH = DigestCharts.WIDTH;

	private Charts() {
	}

	/** A bar: its label and its percent. */
	public record Bar(String label, int percent) {
	}

	/**
	 * Response rates as horizontal bars, each labelled with its percent; empty when the
	 * chart cannot be drawn (no fonts), with a warning in the log.
	 */
	public static Optional<Chart> responseRates(String id, String title, List<Bar> bars) {
		return DigestCharts.rates(id, title, bars(bars));
	}

	/** The alt text of {@link #responseRates}, without drawing: the figures in words. */
	public static String responseRatesAltText(String title, List<Bar> bars) {
		return DigestCharts.ratesAltText(title, bars(bars));
	}

	/** The height {@link #responseRates} is shown at, in CSS pixels. */
	public static int responseRatesHeight(List<Bar> bars) {
		return DigestCharts.barsHeight(bars.size());
	}

	private static List<DigestCharts.Bar> bars(List<Bar> bars) {
		return bars.stream().map(bar -> new DigestCharts.Bar(bar.label(), bar.percent())).toList();
	}

}
