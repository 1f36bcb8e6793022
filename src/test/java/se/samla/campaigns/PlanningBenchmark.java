package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.samla.directory.Network;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long it takes to decide one day's messages for a send-out with 10,000 people: the
 * dispatcher ticks every 15 minutes through the day, re-plans the send-out and, for
 * everyone who has not submitted, asks for the invitation or the misfire-safe reminder. A
 * benchmark, not a timed test: it prints its figures and asserts only that the work was
 * done. Run with {@code ./mvnw -q -o test -Pbenchmark}; see {@code BENCHMARKS.md}.
 */
@EnabledIfSystemProperty(named = "samla.benchmark", matches = "true")
class PlanningBenchmark {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final int PEOPLE = 10_000;

	static final int WARM_UP_RUNS = 10;

	static final int MEASURED_RUNS = 30;

	/** Thursday 3 December 2026: reminder 2 of the sample send-out falls due. */
	static final LocalDate DAY = LocalDate.of(2026, 12, 3);

	static final SendOut SEND_OUT = new SendOut(new SendOutId("steg2-2026"), "Kartläggning steg 2",
			new QuestionnaireId("steg2"),
			new Audience(Set.of(Network.SOCIALCHEFSNATVERKET, Network.HR_CHEFSNATVERKET), Set.of(), List.of(), false),
			LocalDateTime.of(2026, 11, 23, 8, 0).atZone(STOCKHOLM).toInstant(),
			LocalDateTime.of(2026, 12, 18, 23, 59, 59).atZone(STOCKHOLM).toInstant(), null, null, "steg2-2026.yml",
			SendOutRules.defaults(STOCKHOLM), null);

	@Test
	void planOneDayForTenThousandPeople() {
		List<Instant> ticks = ticks();
		for (int run = 0; run < WARM_UP_RUNS; run++) {
			runDay(people(), ticks);
		}
		long[] nanos = new long[MEASURED_RUNS];
		Outcome outcome = null;
		for (int run = 0; run < MEASURED_RUNS; run++) {
			List<Person> people = people();
			long start = System.nanoTime();
			outcome = runDay(people, ticks);
			nanos[run] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(
				"PLANNING BENCHMARK: %d people, %d ticks, median %.1f ms, p95 %.1f ms, max %.1f ms "
						+ "(%d invitations, %d reminders sent; %d cores)%n",
				PEOPLE, ticks.size(), millis(nanos[MEASURED_RUNS / 2]),
				millis(nanos[(int) Math.ceil(MEASURED_RUNS * 0.95) - 1]), millis(nanos[MEASURED_RUNS - 1]),
				outcome.invitations(), outcome.reminders(), Runtime.getRuntime().availableProcessors());
		assertThat(outcome.invitations() + outcome.reminders()).isPositive();
	}

	private static Outcome runDay(List<Person> people, List<Instant> ticks) {
		int invitations = 0;
		int reminders = 0;
		for (Instant now : ticks) {
			// the dispatcher re-plans on every tick: a changed file or deadline takes
			// effect
			SendOutPlanner planner = SendOutPlanner.forSendOut(SEND_OUT);
			List<PlannedMessage> plan = planner.plan(SEND_OUT);
			boolean sendingTime = planner.calendar().isSendingTime(now);
			Optional<PlannedMessage> invitation = SendOutPlanner.latestDue(plan, MessageKind.INVITATION, now);
			for (Person person : people) {
				if (person.submitted) {
					continue;
				}
				if (!person.invited) {
					if (sendingTime && invitation.isPresent()) {
						person.invited = true;
						person.invitedAt = now;
						invitations++;
					}
					continue;
				}
				Optional<PlannedMessage> reminder = planner.reminderToSend(plan, person.remindersSent, now);
				// someone invited late is not reminded of a reminder that fell due before
				if (reminder.isPresent()
						&& (person.invitedAt == null || reminder.get().at().isAfter(person.invitedAt))) {
					person.remindersSent.add(reminder.get().number());
					reminders++;
				}
			}
		}
		return new Outcome(invitations, reminders);
	}

	/**
	 * Everyone in a different state: some submitted, some never invited, 0-2 reminders.
	 */
	private static List<Person> people() {
		List<Person> people = new ArrayList<>(PEOPLE);
		for (int i = 0; i < PEOPLE; i++) {
			Set<Integer> sent = new HashSet<>();
			for (int number = 1; number <= i % 3; number++) {
				sent.add(number);
			}
			people.add(new Person(i % 10 == 0, i % 7 != 0, sent));
		}
		return people;
	}

	/** Every 15 minutes of the day, local time. */
	private static List<Instant> ticks() {
		List<Instant> ticks = new ArrayList<>();
		for (LocalTime time = LocalTime.MIDNIGHT;; time = time.plusMinutes(15)) {
			ticks.add(ZonedDateTime.of(DAY, time, STOCKHOLM).toInstant());
			if (time.equals(LocalTime.of(23, 45))) {
				return ticks;
			}
		}
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static final class Person {

		final boolean submitted;

		boolean invited;

		Instant invitedAt;

		final Set<Integer> remindersSent;

		Person(boolean submitted, boolean invited, Set<Integer> remindersSent) {
			this.submitted = submitted;
			this.invited = invited;
			this.remindersSent = remindersSent;
		}

	}

	private record Outcome(int invitations, int reminders) {
	}

}
