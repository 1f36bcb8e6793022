package se.samla.campaigns.internal;

import java.time.LocalTime;
import java.time.Month;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.campaigns.internal.SendOutDefinition.Recurrence;
import se.samla.shared.yaml.YamlMap;
import se.samla.shared.yaml.YamlProblems;

/**
 * Reads the {@code recurrence} section of a send-out file: the years, the opening day and
 * the deadline of a yearly send-out's rounds.
 */
final class RecurrenceSection {

	private static final List<String> RECURRENCE_KEYS = List.of("yearly", "opens", "deadlineAfterWorkingDays");

	private static final List<String> YEARLY_KEYS = List.of("from", "to");

	private static final List<String> RECURRENCE_OPENS_KEYS = List.of("month", "day", "firstWorkingDay", "time");

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	private final ScheduleValues values;

	private final YamlProblems problems;

	RecurrenceSection(ScheduleValues values) {
		this.values = values;
		this.problems = values.problems();
	}

	Recurrence read(Node node) {
		Integer fromYear = null;
		Integer toYear = null;
		Integer month = null;
		Integer day = null;
		Boolean firstWorkingDay = false;
		LocalTime time = null;
		Integer deadlineAfter = null;
		Node yearlyNode = node;
		Node opensNode = node;
		Set<String> given = new HashSet<>();
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "recurrence", RECURRENCE_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, RECURRENCE_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			given.add(key);
			switch (key) {
				case "yearly" -> {
					yearlyNode = value;
					Optional<YamlMap> yearly = this.values.section(value, "recurrence.yearly", YEARLY_KEYS);
					for (String year : yearly.map((map) -> ScheduleValues.known(map, YEARLY_KEYS)).orElse(List.of())) {
						given.add(year);
						Integer number = this.values.integer(yearly.get().raw(year).orElseThrow(),
								yearly.get().name(year), MIN_YEAR, MAX_YEAR);
						if ("from".equals(year)) {
							fromYear = number;
						}
						else {
							toYear = number;
						}
					}
				}
				case "opens" -> {
					opensNode = value;
					Optional<YamlMap> opens = this.values.section(value, "recurrence.opens", RECURRENCE_OPENS_KEYS);
					for (String opensKey : opens.map((map) -> ScheduleValues.known(map, RECURRENCE_OPENS_KEYS))
						.orElse(List.of())) {
						given.add(opensKey);
						Node opensValue = opens.get().raw(opensKey).orElseThrow();
						String name = opens.get().name(opensKey);
						switch (opensKey) {
							case "month" -> month = this.values.integer(opensValue, name, 1, 12);
							case "day" -> day = this.values.integer(opensValue, name, 1, 31);
							case "firstWorkingDay" -> firstWorkingDay = this.values.bool(opensValue, name);
							case "time" -> time = this.values.clock(opensValue, name);
							default -> throw new IllegalStateException(name);
						}
					}
				}
				case "deadlineAfterWorkingDays" -> deadlineAfter = this.values.integer(value,
						"recurrence.deadlineAfterWorkingDays", 1, SendOutFile.MAX_WORKING_DAYS);
				default -> throw new IllegalStateException(key);
			}
		}
		// each check needs only the values it looks at, so that every mistake is
		// reported
		if (!given.contains("from") || !given.contains("to")) {
			this.problems.add(yearlyNode, "recurrence needs yearly: { from: <year>, to: <year> }");
		}
		else if (fromYear != null && toYear != null && fromYear > toYear) {
			this.problems.add(yearlyNode, "recurrence.yearly: from " + fromYear + " must not come after to " + toYear);
		}
		if (!given.contains("month")) {
			this.problems.add(opensNode,
					"recurrence needs opens: { month: <1-12>, firstWorkingDay: true or day: <1-31> }");
		}
		if (given.contains("day") == Boolean.TRUE.equals(firstWorkingDay)) {
			this.problems.add(opensNode, "recurrence.opens needs either day or firstWorkingDay: true, not both");
		}
		else if (month != null && day != null && day > Month.of(month).maxLength()) {
			this.problems.add(opensNode, "recurrence.opens: month " + month + " has no day " + day);
		}
		if (!given.contains("deadlineAfterWorkingDays")) {
			this.problems.add(node, "recurrence needs deadlineAfterWorkingDays");
		}
		return (this.problems.count() > before) ? null
				: new Recurrence(fromYear, toYear, month, day, time, deadlineAfter, opensNode);
	}

}
