package se.samla.directory.internal;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders ids as people number them: A2 before A10. */
final class NaturalOrder implements Comparator<String> {

	static final NaturalOrder INSTANCE = new NaturalOrder();

	private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

	@Override
	public int compare(String left, String right) {
		Matcher a = CHUNK.matcher(left);
		Matcher b = CHUNK.matcher(right);
		while (a.find() && b.find()) {
			String x = a.group();
			String y = b.group();
			int result = (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) ? Comparator
				.comparing((String s) -> s.replaceFirst("^0+(?=.)", ""),
						Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
				.compare(x, y) : x.compareToIgnoreCase(y);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.length(), right.length());
	}

}
