package se.samla.email.internal.intake;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import se.samla.email.internal.reading.ReplyBody;
import se.samla.email.internal.reading.ReplyText;

/**
 * The day an absence notice says its writer is back (or the last day away), from its
 * subject or text in Swedish or English: "åter den 7 januari", "till och med den 4
 * januari", "back on 12 January", "until January 7th", "tillbaka 2027-01-07", "åter 7/1",
 * "åter måndag", "back tomorrow", "åter v. 32", "semester 20 december–6 januari", "from
 * Friday 10 July through 31 July". Only a day that follows such a phrase, or ends a
 * period, counts, so the date the reply was written, or a phone number, does not. Days
 * without a year, weekdays and week numbers are read relative to the day the notice was
 * written: the first such day on or after it (a weekday: after it).
 */
public final class ReturnDate {

	private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
			Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("maj", 5), Map.entry("may", 5), Map.entry("jun", 6),
			Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("oct", 10),
			Map.entry("nov", 11), Map.entry("dec", 12));

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("måndag", DayOfWeek.MONDAY),
			Map.entry("tisdag", DayOfWeek.TUESDAY), Map.entry("onsdag", DayOfWeek.WEDNESDAY),
			Map.entry("torsdag", DayOfWeek.THURSDAY), Map.entry("fredag", DayOfWeek.FRIDAY),
			Map.entry("lördag", DayOfWeek.SATURDAY), Map.entry("söndag", DayOfWeek.SUNDAY),
			Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
			Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
			Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
			Map.entry("sunday", DayOfWeek.SUNDAY));

	private static final String MONTH = "(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\\.?";

	private static final String WEEKDAY = "(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|"
			+ "wednesday|thursday|friday|saturday|sunday)(?:en|s)?";

	/** The phrases after which a return day, or the last day away, is written. */
	private static final Pattern PHRASE = Pattern.compile("(?<![\\p{L}])(?:till och med|t\\.?\\s?o\\.?\\s?m\\.?|"
			+ "åter|tillbaka|igen|until|till|tills|through|thru|to|back|return(?:ing|s)?|in the office|och|and)"
			+ "(?![\\p{L}])|[-–—]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Phrases that name the day someone is back rather than the last day away. */
	private static final Pattern RETURN_PHRASE = Pattern.compile("åter|tillbaka|back|return|in the office");

	private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

	private static final Pattern DAY_MONTH = Pattern
		.compile("^(\\d{1,2})(?:st|nd|rd|th|e|a|:e|:a)?\\.?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?");

	private static final Pattern MONTH_DAY = Pattern
		.compile("^" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4}))?");

	private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})/(\\d{1,2})(?:[/-](\\d{2,4}))?(?![\\d/])");

	private static final Pattern DOTTED = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");

	private static final Pattern WEEK = Pattern.compile("^(?:v\\.?|vecka|veckan|week|w\\.?)\\s?(\\d{1,2})(?!\\d)");

	private static final Pattern DAY_NAME = Pattern.compile("^" + WEEKDAY + "(?![\\p{L}])");

	private static final Pattern TOMORROW = Pattern.compile("^(?:i\\s?morgon|tomorrow)");

	/** A day range's first day, whose month follows its second: "1–9 augusti". */
	private static final Pattern DAY_RANGE = Pattern
		.compile("(?<![\\d/.])(\\d{1,2})\\.?\\s*[-–—]\\s*(?=\\d{1,2}\\.?\\s+" + MONTH + ")");

	/** A range of weeks: "v. 28–32", "vecka 28-32", "weeks 28-32". */
	private static final Pattern WEEK_RANGE = Pattern
		.compile("(?:v\\.?|veckorna|vecka|weeks?)\\s?\\d{1,2}\\s*[-–—]\\s*(\\d{1,2})(?!\\d)");

	/**
	 * Words that may stand between the phrase and the day ("åter i tjänst den", "back in
	 * the office on Monday,"): a few short words without digits.
	 */
	private static final Pattern FILLER = Pattern.compile(
			"^(?:[\\s,:]+|(?:den|på|on|the|in|at|from|från|office|kontoret|jobbet|tjänst|arbete|work|igen|"
					+ "again|after|efter|me|mig|will|be|och|and|till|to|with|med|i(?! ?morgon))(?![\\p{L}]))*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** A Date header further back than this is a wrong clock, not when it was written. */
	private static final int PLAUSIBLE_DAYS = 31;

	private ReturnDate() {
	}

	/**
	 * @param text the notice's subject and text
	 * @param written the day the notice was written (or, without a date, arrived)
	 * @return the return day it states, if any
	 */
	public static Optional<LocalDate> find(String text, LocalDate written) {
		if (text == null) {
			return Optional.empty();
		}
		String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		lower = DAY_RANGE.matcher(lower).replaceAll("till ");
		lower = WEEK_RANGE.matcher(lower).replaceAll("t.o.m. v. $1");
		Optional<LocalDate> periodEnd = Optional.empty();
		Matcher phrase = PHRASE.matcher(lower);
		while (phrase.find()) {
			String rest = lower.substring(phrase.end());
			Matcher filler = FILLER.matcher(rest);
			if (filler.find()) {
				rest = rest.substring(filler.end());
			}
			boolean back = RETURN_PHRASE.matcher(phrase.group()).find();
			Optional<LocalDate> date = date(rest, written, back);
			if (date.isPresent() && back) {
				// the day someone says they are back says more than where a period ends
				return date;
			}
			if (periodEnd.isEmpty()) {
				periodEnd = date;
			}
		}
		return periodEnd;
	}

	/**
	 * The return day an absence notice states in its subject or new text (cut from any
	 * quoted invitation, whose own dates are not the writer's), read relative to the day
	 * it was written.
	 * @param message the notice
	 * @param zone the zone days are counted in
	 * @param received the day it arrived, used when its Date is missing or implausible
	 * @return the day, if it states one
	 */
	public static Optional<LocalDate> stated(MimeMessage message, ZoneId zone, LocalDate received) {
		LocalDate written = received;
		try {
			Date sent = message.getSentDate();
			if (sent != null) {
				LocalDate day = LocalDate.ofInstant(sent.toInstant(), zone);
				if (!day.isAfter(received) && !day.isBefore(received.minusDays(PLAUSIBLE_DAYS))) {
					written = day;
				}
			}
			ReplyText body = ReplyBody.extract(message);
			String text = body.stripped().reply();
			return find(Objects.toString(MailParts.subject(message), "") + "\n" + (text.isBlank() ? body.text() : text),
					written);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> date(String text, LocalDate written, boolean back) {
		Matcher m = ISO.matcher(text);
		if (m.find()) {
			return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
					written);
		}
		m = DAY_NAME.matcher(text);
		if (m.find()) {
			String after = text.substring(m.end()).replaceFirst("^(?:,|\\s|the|den)+", "");
			Optional<LocalDate> dated = date(after, written, back);
			if (dated.isPresent()) {
				return dated;
			}
			return Optional.of(written.with(TemporalAdjusters.next(WEEKDAYS.get(m.group(1)))));
		}
		m = DAY_MONTH.matcher(text);
		if (m.find()) {
			return of(year(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), written);
		}
		m = MONTH_DAY.matcher(text);
		if (m.find()) {
			return of(year(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), written);
		}
		m = DOTTED.matcher(text);
		if (m.find()) {
			return of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)),
					written);
		}
		m = NUMERIC.matcher(text);
		if (m.find()) {
			// day/month, as Swedes (and most Europeans) write it
			return of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), written);
		}
		m = WEEK.matcher(text);
		if (m.find()) {
			return week(Integer.parseInt(m.group(1)), written, back);
		}
		m = TOMORROW.matcher(text);
		if (m.find()) {
			return Optional.of(written.plusDays(1));
		}
		return Optional.empty();
	}

	/** Back in week n: its Monday; away until week n: its Friday. */
	private static Optional<LocalDate> week(int number, LocalDate written, boolean back) {
		if (number < 1 || number > 53) {
			return Optional.empty();
		}
		LocalDate monday = written
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR,
					Math.min(number, written.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()))
			.with(DayOfWeek.MONDAY);
		if (monday.plusDays(6).isBefore(written)) {
			monday = monday.plusYears(1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
		}
		return Optional.of(back ? monday : monday.plusDays(4));
	}

	private static int year(String group) {
		if (group == null) {
			return 0;
		}
		int year = Integer.parseInt(group);
		return (year < 100) ? 2000 + year : year;
	}

	private static Optional<LocalDate> of(int year, int month, int day, LocalDate written) {
		try {
			if (year > 0) {
				return Optional.of(LocalDate.of(year, month, day));
			}
			LocalDate date = LocalDate.of(written.getYear(), month, day);
			return Optional.of(date.isBefore(written) ? date.plusYears(1) : date);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
