package se.samla.campaigns;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a send-out's rules into the moments its messages go out. A pure function of the
 * send-out and the {@link WorkingCalendar}: the dispatcher can re-plan at any time (after
 * a restart, an extended deadline or a changed file) and get the same answer, so nothing
 * about the plan has to be stored.
 * <p>
 * The rules, all counted in Swedish working days and placed at the start of the day's
 * sending window (the sending hours' {@code from}):
 * <ul>
 * <li>the <b>invitation</b> at the first sending moment at or after opening;</li>
 * <li><b>regular reminders</b>: the first {@code firstAfterWorkingDays} working days
 * after the invitation's day, then every {@code thenEveryWorkingDays}, at most
 * {@code maxReminders};</li>
 * <li>the <b>last-day reminder</b> on the last working day before the deadline's date,
 * unless a regular reminder already falls on that day;</li>
 * <li>no reminder at or after the deadline, nor before the invitation; reminders are
 * numbered in time order;</li>
 * <li>the <b>escalation</b> {@code afterWorkingDays} after the last reminder, but no
 * later than the first working day after the deadline's date (the project leads want the
 * list of who is missing while it is still useful; a send-out without reminders escalates
 * on that day). It may fall after the deadline, since it goes to the project leads, not
 * to the respondents;</li>
 * <li><b>digests</b> weekly on the given day while the send-out is open (moved to the
 * next working day if that day is not one), and one on the first working day after the
 * deadline's date.</li>
 * </ul>
 * A planner serves send-outs that share its calendar's sending hours and summer pause;
 * {@link #forSendOut(SendOut)} makes the matching one.
 */
public final class SendOutPlanner {

	private static final Comparator<PlannedMessage> CHRONOLOGICAL = Comparator.comparing(PlannedMessage::at)
		.thenComparing(PlannedMessage::kind)
		.thenComparingInt(PlannedMessage::number);

	private final WorkingCalendar calendar;

	public SendOutPlanner(WorkingCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	/** A planner whose calendar follows the send-out's sending hours and summer pause. */
	public static SendOutPlanner forSendOut(SendOut sendOut) {
		return new SendOutPlanner(new WorkingCalendar(sendOut.rules()));
	}

	public WorkingCalendar calendar() {
		return this.calendar;
	}

	/**
	 * Every message of the send-out, in time order.
	 * @throws IllegalArgumentException if the send-out's sending hours or summer pause
	 * differ from this planner's calendar
	 */
	public List<PlannedMessage> plan(SendOut sendOut) {
		SendOutRules rules = sendOut.rules();
		if (!rules.quietHours().equals(this.calendar.quietHours())
				|| !Objects.equals(rules.summerPause(), this.calendar.summerPause())) {
			throw new IllegalArgumentException("send-out " + sendOut.id()
					+ " has other sending hours or summer pause than this planner; use SendOutPlanner.forSendOut");
		}
		List<PlannedMessage> plan = new ArrayList<>();
		Instant invitation = this.calendar.nextSendingTime(sendOut.opensAt());
		plan.add(new PlannedMessage(MessageKind.INVITATION, 0, invitation));
		List<LocalDate> reminderDays = reminderDays(rules.reminders(), invitation, sendOut.deadline());
		for (int i = 0; i < reminderDays.size(); i++) {
			plan.add(new PlannedMessage(MessageKind.REMINDER, i + 1, this.calendar.sendingStart(reminderDays.get(i))));
		}
		if (rules.escalation() != null) {
			plan.add(escalation(rules.escalation(), reminderDays, sendOut.deadline()));
		}
		plan.addAll(digests(rules.digests(), invitation, sendOut.deadline()));
		plan.sort(CHRONOLOGICAL);
		return List.copyOf(plan);
	}

	private List<LocalDate> reminderDays(ReminderRule rule, Instant invitation, Instant deadline) {
		TreeSet<LocalDate> days = new TreeSet<>();
		LocalDate invitationDay = this.calendar.dateOf(invitation);
		if (rule.maxReminders() > 0) {
			LocalDate day = this.calendar.plusWorkingDays(invitationDay, rule.firstAfterWorkingDays());
			for (int i = 0; i < rule.maxReminders() && isReminderTime(day, invitation, deadline); i++) {
				days.add(day);
				day = this.calendar.plusWorkingDays(day, rule.thenEveryWorkingDays());
			}
		}
		if (rule.lastWorkingDayBeforeDeadline()) {
			LocalDate lastDay = this.calendar.lastWorkingDayBefore(this.calendar.dateOf(deadline));
			if (isReminderTime(lastDay, invitation, deadline)) {
				days.add(lastDay);
			}
		}
		return List.copyOf(days);
	}

	private boolean isReminderTime(LocalDate day, Instant invitation, Instant deadline) {
		Instant at = this.calendar.sendingStart(day);
		return at.isAfter(invitation) && at.isBefore(deadline);
	}

	private PlannedMessage escalation(Escalation escalation, List<LocalDate> reminderDays, Instant deadline) {
		LocalDate latest = firstWorkingDayAfter(deadline);
		LocalDate day = reminderDays.isEmpty() ? latest : this.calendar
			.plusWorkingDays(reminderDays.get(reminderDays.size() - 1), escalation.afterWorkingDays());
		if (day.isAfter(latest)) {
			day = latest;
		}
		return new PlannedMessage(MessageKind.ESCALATION, 0, this.calendar.sendingStart(day));
	}

	private List<PlannedMessage> digests(DigestSchedule schedule, Instant invitation, Instant deadline) {
		TreeSet<Instant> moments = new TreeSet<>();
		DayOfWeek weekday = schedule.weeklyOn();
		if (weekday != null) {
			LocalDate last = this.calendar.dateOf(deadline);
			for (LocalDate day = this.calendar.dateOf(invitation).with(TemporalAdjusters.next(weekday)); !day
				.isAfter(last); day = day.plusWeeks(1)) {
				Instant at = this.calendar.sendingStart(this.calendar.firstWorkingDayOnOrAfter(day));
				if (at.isAfter(invitation) && at.isBefore(deadline)) {
					moments.add(at);
				}
			}
		}
		if (schedule.afterDeadline()) {
			moments.add(this.calendar.sendingStart(firstWorkingDayAfter(deadline)));
		}
		List<PlannedMessage> digests = new ArrayList<>();
		for (Instant at : moments) {
			digests.add(new PlannedMessage(MessageKind.DIGEST, digests.size() + 1, at));
		}
		return digests;
	}

	private LocalDate firstWorkingDayAfter(Instant deadline) {
		return this.calendar.firstWorkingDayOnOrAfter(this.calendar.dateOf(deadline).plusDays(1));
	}

	/**
	 * The misfire rule: which reminder, if any, a person should get now. Only the latest
	 * reminder that has fallen due counts, so someone who missed several while Samla was
	 * down gets one message, never a burst of stale ones; and nothing is sent outside
	 * sending time, so a missed reminder waits for the next sending moment. Whether the
	 * send-out is still open (not closed, paused or past its deadline) is the caller's
	 * concern.
	 * @param plan the send-out's plan from {@link #plan(SendOut)}
	 * @param remindersAlreadySent the numbers of the reminders the person already got
	 * @param now the current time
	 * @return the latest due reminder, unless it or a later one was already sent
	 */
	public Optional<PlannedMessage> reminderToSend(List<PlannedMessage> plan, Set<Integer> remindersAlreadySent,
			Instant now) {
		if (!this.calendar.isSendingTime(now)) {
			return Optional.empty();
		}
		return latestDue(plan, MessageKind.REMINDER, now)
			.filter(reminder -> remindersAlreadySent.stream().noneMatch(sent -> sent >= reminder.number()));
	}

	/**
	 * The spacing rule per person: how many working days must pass after a person's
	 * previous message before {@code reminder} may go to them. That is the rule's spacing
	 * ({@code firstAfterWorkingDays} after the invitation, {@code thenEveryWorkingDays}
	 * after a reminder), unless the plan itself puts the two messages closer (the
	 * last-day reminder of a short send-out): someone invited late, or reminded late
	 * after a stop, then gets their next reminder at the same distance as everyone else,
	 * never hours after the previous message.
	 * @param plan the send-out's plan from {@link #plan(SendOut)}
	 * @param rule the send-out's reminder rule
	 * @param previousKind {@link MessageKind#INVITATION} or {@link MessageKind#REMINDER}
	 * @param previousNumber the previous reminder's number, 0 for the invitation
	 * @param reminder the reminder that is due
	 */
	public int spacingBefore(List<PlannedMessage> plan, ReminderRule rule, MessageKind previousKind, int previousNumber,
			PlannedMessage reminder) {
		int spacing = (previousKind == MessageKind.INVITATION) ? rule.firstAfterWorkingDays()
				: rule.thenEveryWorkingDays();
		for (PlannedMessage message : plan) {
			if (message.kind() == previousKind && message.number() == previousNumber) {
				int planned = this.calendar.workingDaysBetween(this.calendar.dateOf(message.at()),
						this.calendar.dateOf(reminder.at()));
				return Math.min(spacing, planned);
			}
		}
		return spacing;
	}

	/**
	 * The latest message of the kind that is due at {@code now} (planned at or before).
	 */
	public static Optional<PlannedMessage> latestDue(List<PlannedMessage> plan, MessageKind kind, Instant now) {
		PlannedMessage latest = null;
		for (PlannedMessage message : plan) {
			if (message.kind() == kind && !message.at().isAfter(now)
					&& (latest == null || message.at().isAfter(latest.at()))) {
				latest = message;
			}
		}
		return Optional.ofNullable(latest);
	}

}
