package se.samla.campaigns.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.campaigns.Audience;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Escalation;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SummerPause;
import se.samla.campaigns.internal.SendOutDefinition.Recurrence;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.shared.DefinitionProblem;
import se.samla.shared.yaml.YamlFile;
import se.samla.shared.yaml.YamlMap;
import se.samla.shared.yaml.YamlProblems;

/**
 * Walks the YAML of one send-out file ({@code scheduler/*.yml}) key by key into a
 * {@link SendOutDefinition}; {@link SendOutAssembly} then applies the send-out rules.
 * Keys written twice, unknown keys and values of the wrong type are reported with their
 * line, in the words every definition file uses (see {@link YamlMap}).
 */
final class SendOutFile {

	private static final List<String> KEYS = List.of("id", "title", "questionnaire", "audience", "opens", "deadline",
			"recurrence", "reminders", "quietHours", "summerPause", "escalation", "digests", "enabled");

	private static final List<String> REMINDER_KEYS = List.of("firstAfterWorkingDays", "thenEveryWorkingDays", "max",
			"lastWorkingDayBeforeDeadline");

	private static final List<String> QUIET_HOURS_KEYS = List.of("from", "to");

	private static final List<String> SUMMER_PAUSE_KEYS = List.of("fromWeek", "toWeek");

	private static final List<String> ESCALATION_KEYS = List.of("afterWorkingDays", "to");

	private static final List<String> DIGEST_KEYS = List.of("weeklyOn", "afterDeadline", "to", "withPersons");

	private static final List<String> AUDIENCE_KEYS = List.of("networks", "organisations", "roles", "activityOwners");

	/** About a year of working days: more is surely a typo. */
	static final int MAX_WORKING_DAYS = 250;

	/** The send-outs of a file, or the problems that keep any of them from being used. */
	record Result(List<SendOut> sendOuts, List<DefinitionProblem> problems) {
	}

	private final ZoneId zone;

	private final YamlProblems problems;

	private final ScheduleValues values;

	private SendOutFile(ZoneId zone, YamlProblems problems) {
		this.zone = zone;
		this.problems = problems;
		this.values = new ScheduleValues(zone, problems);
	}

	/**
	 * @param source the file as named in messages and kept as the send-out's source
	 * @param content the file's bytes
	 * @param zone the zone of dates and times without one
	 */
	static Result read(String source, byte[] content, ZoneId zone) {
		YamlProblems problems = new YamlProblems(source);
		List<SendOut> sendOuts = YamlFile
			.readMapping(content, "a mapping with id, title, questionnaire, audience, opens and deadline", problems)
			.map((top) -> new SendOutFile(zone, problems).definition(top))
			.map((definition) -> new SendOutAssembly(zone, problems).sendOuts(definition, source))
			.orElse(List.of());
		return problems.isEmpty() ? new Result(sendOuts, List.of()) : new Result(List.of(), problems.inFileOrder());
	}

	private SendOutDefinition definition(YamlMap top) {
		top.allowOnly(ScheduleValues.sorted(KEYS));
		String id = null;
		String title = null;
		String questionnaire = null;
		Audience audience = null;
		Instant opens = null;
		Instant deadline = null;
		Node idNode = top.node();
		Node titleNode = top.node();
		Node opensNode = null;
		Node recurrenceNode = null;
		Node remindersNode = null;
		Node quietHoursNode = null;
		Node summerPauseNode = null;
		Node escalationNode = null;
		Node digestsNode = null;
		Boolean enabled = true;
		for (String key : ScheduleValues.known(top, KEYS)) {
			Node value = top.raw(key).orElseThrow();
			switch (key) {
				case "id" -> {
					id = this.values.scalar(value, key);
					idNode = value;
				}
				case "title" -> {
					title = this.values.scalar(value, key);
					titleNode = value;
				}
				case "questionnaire" -> questionnaire = this.values.scalar(value, key);
				case "audience" -> audience = audience(value);
				case "opens" -> {
					opens = this.values.time(value, key, LocalTime.of(8, 0));
					opensNode = top.keyNode(key);
				}
				case "deadline" -> {
					deadline = this.values.time(value, key, LocalTime.of(23, 59, 59));
					opensNode = (opensNode != null) ? opensNode : top.keyNode(key);
				}
				case "recurrence" -> recurrenceNode = value;
				case "reminders" -> remindersNode = value;
				case "quietHours" -> quietHoursNode = value;
				case "summerPause" -> summerPauseNode = value;
				case "escalation" -> escalationNode = value;
				case "digests" -> digestsNode = value;
				case "enabled" -> enabled = this.values.bool(value, key);
				default -> throw new IllegalStateException(key);
			}
		}
		SendOutRules defaults = SendOutRules.defaults(this.zone);
		ReminderRule reminders = (remindersNode != null) ? reminders(remindersNode) : defaults.reminders();
		QuietHours quietHours = (quietHoursNode != null) ? quietHours(quietHoursNode) : defaults.quietHours();
		SummerPause summerPause = (summerPauseNode != null) ? summerPause(summerPauseNode) : null;
		Escalation escalation = (escalationNode != null) ? escalation(escalationNode) : defaults.escalation();
		DigestSchedule digests = (digestsNode != null) ? digests(digestsNode) : defaults.digests();
		Recurrence recurrence = (recurrenceNode != null) ? new RecurrenceSection(this.values).read(recurrenceNode)
				: null;
		return new SendOutDefinition(top.node(), Set.copyOf(top.keys()), id, idNode, title, titleNode, questionnaire,
				audience, opens, deadline, opensNode, reminders, quietHours, summerPause, escalation, digests,
				recurrence, !Boolean.FALSE.equals(enabled));
	}

	private ReminderRule reminders(Node node) {
		if (ScheduleValues.isNone(node)) {
			return ReminderRule.NONE;
		}
		ReminderRule defaults = ReminderRule.DEFAULT;
		Integer first = defaults.firstAfterWorkingDays();
		Integer every = defaults.thenEveryWorkingDays();
		Integer max = defaults.maxReminders();
		Boolean lastDay = defaults.lastWorkingDayBeforeDeadline();
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "reminders", REMINDER_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, REMINDER_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			String name = section.get().name(key);
			switch (key) {
				case "firstAfterWorkingDays" -> first = this.values.integer(value, name, 1, MAX_WORKING_DAYS);
				case "thenEveryWorkingDays" -> every = this.values.integer(value, name, 1, MAX_WORKING_DAYS);
				case "max" -> max = this.values.integer(value, name, 0, 20);
				case "lastWorkingDayBeforeDeadline" -> lastDay = this.values.bool(value, name);
				default -> throw new IllegalStateException(key);
			}
		}
		return (this.problems.count() > before) ? null : new ReminderRule(first, every, max, lastDay);
	}

	private QuietHours quietHours(Node node) {
		QuietHours defaults = QuietHours.defaults(this.zone);
		LocalTime from = defaults.from();
		LocalTime to = defaults.to();
		Node fromNode = node;
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "quietHours", QUIET_HOURS_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, QUIET_HOURS_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			switch (key) {
				case "from" -> {
					from = this.values.clock(value, "quietHours.from");
					fromNode = value;
				}
				case "to" -> to = this.values.clock(value, "quietHours.to");
				default -> throw new IllegalStateException(key);
			}
		}
		if (this.problems.count() > before) {
			return null;
		}
		if (!from.isBefore(to)) {
			this.problems.add(fromNode, "quietHours: from " + from + " must come before to " + to);
			return null;
		}
		return new QuietHours(from, to, this.zone);
	}

	private SummerPause summerPause(Node node) {
		Integer from = null;
		Integer to = null;
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "summerPause", SUMMER_PAUSE_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, SUMMER_PAUSE_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			switch (key) {
				case "fromWeek" -> from = this.values.integer(value, "summerPause.fromWeek", 1, 53);
				case "toWeek" -> to = this.values.integer(value, "summerPause.toWeek", 1, 53);
				default -> throw new IllegalStateException(key);
			}
		}
		if (this.problems.count() > before) {
			return null;
		}
		if (from == null || to == null) {
			this.problems.add(node, "summerPause needs both fromWeek and toWeek");
			return null;
		}
		if (from > to) {
			this.problems.add(node, "summerPause: fromWeek " + from + " must not come after toWeek " + to);
			return null;
		}
		return new SummerPause(from, to);
	}

	private Escalation escalation(Node node) {
		if (ScheduleValues.isNone(node)) {
			return null;
		}
		Escalation defaults = Escalation.toProjectLeads();
		Integer after = defaults.afterWorkingDays();
		Set<Network> to = defaults.to();
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "escalation", ESCALATION_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, ESCALATION_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			switch (key) {
				case "afterWorkingDays" ->
					after = this.values.integer(value, "escalation.afterWorkingDays", 1, MAX_WORKING_DAYS);
				case "to" -> to = this.values.networks(value, "escalation.to");
				default -> throw new IllegalStateException(key);
			}
		}
		return (this.problems.count() > before) ? null : new Escalation(after, to);
	}

	private DigestSchedule digests(Node node) {
		if (ScheduleValues.isNone(node)) {
			return DigestSchedule.NONE;
		}
		DayOfWeek weeklyOn = null;
		Boolean afterDeadline = false;
		Set<Network> to = Set.of();
		Set<Network> withPersons = Set.of();
		int before = this.problems.count();
		Optional<YamlMap> section = this.values.section(node, "digests", DIGEST_KEYS);
		for (String key : section.map((map) -> ScheduleValues.known(map, DIGEST_KEYS)).orElse(List.of())) {
			Node value = section.get().raw(key).orElseThrow();
			switch (key) {
				case "weeklyOn" -> weeklyOn = this.values.weekday(value, "digests.weeklyOn");
				case "afterDeadline" -> afterDeadline = this.values.bool(value, "digests.afterDeadline");
				case "to" -> to = this.values.networks(value, "digests.to");
				case "withPersons" -> withPersons = this.values.networks(value, "digests.withPersons");
				default -> throw new IllegalStateException(key);
			}
		}
		if (this.problems.count() > before) {
			return null;
		}
		if (to.isEmpty() && (weeklyOn != null || afterDeadline)) {
			this.problems.add(node, "digests need 'to': the networks that receive them");
			return null;
		}
		if (!to.containsAll(withPersons)) {
			this.problems.add(node, "digests.withPersons may only name networks in 'to'");
			return null;
		}
		return new DigestSchedule(weeklyOn, afterDeadline, to, withPersons);
	}

	private Audience audience(Node node) {
		Optional<YamlMap> section = this.values.section(node, "audience", AUDIENCE_KEYS);
		if (section.isEmpty()) {
			return null;
		}
		Set<Network> networks = new LinkedHashSet<>();
		Set<OrganisationId> organisations = new LinkedHashSet<>();
		List<String> roles = new ArrayList<>();
		boolean owners = false;
		for (String key : ScheduleValues.known(section.get(), AUDIENCE_KEYS)) {
			Node value = section.get().raw(key).orElseThrow();
			switch (key) {
				case "networks" -> this.values.list(value, key)
					.forEach((item) -> this.values.network(item, "").ifPresent(networks::add));
				case "organisations" -> this.values.list(value, key)
					.forEach((item) -> organisations.add(new OrganisationId(item.getValue())));
				case "roles" -> this.values.list(value, key).forEach((item) -> roles.add(item.getValue()));
				case "activityOwners" -> {
					String flag = this.values.scalar(value, key);
					owners = "true".equals(flag);
					if (!"true".equals(flag) && !"false".equals(flag)) {
						this.problems.add(value, "activityOwners must be true or false");
					}
				}
				default -> throw new IllegalStateException(key);
			}
		}
		return new Audience(networks, organisations, roles, owners);
	}

}
