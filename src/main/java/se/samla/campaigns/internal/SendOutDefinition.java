package se.samla.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.campaigns.Audience;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Escalation;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.SummerPause;
import se.samla.campaigns.WorkingCalendar;

/**
 * What one send-out file says, key by key, before the send-out rules are checked: a value
 * is null where its key is missing or wrong (the wrong ones are already reported). The
 * nodes are kept so that a rule broken by several keys can name a line.
 *
 * @param root the file's top-level mapping
 * @param written the top-level keys written in the file
 * @param opensNode the key {@code opens}, or {@code deadline} if there is no
 * {@code opens}: where a fixed time in a recurring send-out is reported
 * @param reminders the rules, or null where a section is wrong or (summer pause,
 * recurrence) absent
 */
record SendOutDefinition(Node root, Set<String> written, String id, Node idNode, String title, Node titleNode,
		String questionnaire, Audience audience, Instant opens, Instant deadline, Node opensNode,
		ReminderRule reminders, QuietHours quietHours, SummerPause summerPause, Escalation escalation,
		DigestSchedule digests, Recurrence recurrence, boolean enabled) {

	boolean recurring() {
		return this.written.contains("recurrence");
	}

	/**
	 * A yearly send-out: one round per year from {@code fromYear} to {@code toYear}, each
	 * opening in {@code month} on {@code day} or on its first working day.
	 */
	record Recurrence(int fromYear, int toYear, int month, Integer day, LocalTime time, int deadlineAfterWorkingDays,
			Node opensNode) {

		/**
		 * The round's opening day, or {@code null} if the day does not exist that year.
		 */
		LocalDate openingDay(int year, WorkingCalendar calendar) {
			if (this.day == null) {
				return calendar.firstWorkingDayOnOrAfter(LocalDate.of(year, this.month, 1));
			}
			YearMonth month = YearMonth.of(year, this.month);
			return month.isValidDay(this.day) ? month.atDay(this.day) : null;
		}

	}

}
