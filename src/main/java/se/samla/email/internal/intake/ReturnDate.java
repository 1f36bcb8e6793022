package se.samla.email.internal.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day an out-of-office reply says its writer is back, from its subject or text in
 * Swedish or English: "åter den 7 januari", "till och med den 4 januari", "back on 12
 * January", "until January 7th", "tillbaka 2027-01-07", "åter 7/1". Only a date that
 * follows such a phrase counts, so the date the reply was written, or a phone number,
 * does not. Without a year, the first such day on or after the reply's own day.
 */
public final class ReturnDate {

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
			Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("maj", 5), Map.entry("may", 5), Map.entry("jun", 6),
			Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("oct", 10),
			Map.entry("nov", 11), Map.entry("dec", 12));

	private static final String MONTH = "(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\\.?";

	/** The phrases after which a return day is written. */
	private static final Pattern PHRASE = Pattern.compile("\\b(?:till och med|t\\.?o\\.?m\\.?|åter|tillbaka|"
			+ "igen|until|till|through|back|return(?:ing)?|in the office)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

	private static final Pattern DAY_MONTH = Pattern
		.compile("^(\\d{1,2})(?:st|nd|rd|th|e|a|:e|:a)?\\.?\\s+" + MONTH + "(?:\\s+(\\d{4}))?");

	private static final Pattern MONTH_DAY = Pattern
		.compile("^" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?");

	private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})/(\\d{1,2})(?:[/-](\\d{4}))?(?![\\d/])");

	/** Words that may stand between the phrase and the date. */
	private static final Pattern FILLER = Pattern
		.compile("^(?:\\s|,|:|on|the|den|på|from|från|office|kontoret|[a-zåäö]+dag(?:en)?|monday|tuesday|"
				+ "wednesday|thursday|friday|saturday|sunday)+", Pattern.CASE_INSENSITIVE);

	private ReturnDate() {
	}

	/**
	 * @param text the reply's subject and text
	 * @param received the day the reply arrived
	 * @return the return day it states, if any
	 */
	public static Optional<LocalDate> find(String text, LocalDate received) {
		if (text == null) {
			return Optional.empty();
		}
		String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		Matcher phrase = PHRASE.matcher(lower);
		while (phrase.find()) {
			String rest = lower.substring(phrase.end());
			Matcher filler = FILLER.matcher(rest);
			if (filler.find()) {
				rest = rest.substring(filler.end());
			}
			Optional<LocalDate> date = date(rest, received);
			if (date.isPresent()) {
				return date;
			}
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> date(String text, LocalDate received) {
		Matcher m = ISO.matcher(text);
		if (m.find()) {
			return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
					received);
		}
		m = DAY_MONTH.matcher(text);
		if (m.find()) {
			return of(year(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), received);
		}
		m = MONTH_DAY.matcher(text);
		if (m.find()) {
			return of(year(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), received);
		}
		m = NUMERIC.matcher(text);
		if (m.find()) {
			// day/month, as Swedes (and most Europeans) write it
			return of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), received);
		}
		return Optional.empty();
	}

	private static int year(String group) {
		return (group != null) ? Integer.parseInt(group) : 0;
	}

	private static Optional<LocalDate> of(int year, int month, int day, LocalDate received) {
		try {
			if (year > 0) {
				return Optional.of(LocalDate.of(year, month, day));
			}
			LocalDate date = LocalDate.of(received.getYear(), month, day);
			return Optional.of(date.isBefore(received) ? date.plusYears(1) : date);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
