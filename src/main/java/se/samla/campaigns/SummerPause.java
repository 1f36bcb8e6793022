package se.samla.campaigns;

/**
 * ISO weeks in which nothing is sent (e.g. weeks 27–32, the Swedish summer holiday). Both
 * bounds inclusive.
 */
public record SummerPause(int fromWeek, int toWeek) {

	public SummerPause {
		if (fromWeek < 1 || toWeek > 53 || fromWeek > toWeek) {
			throw new IllegalArgumentException("summer pause weeks must be 1-53, from <= to");
		}
	}

	public boolean contains(int isoWeek) {
		return isoWeek >= this.fromWeek && isoWeek <= this.toWeek;
	}

}
