package se.samla.campaigns.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import se.samla.campaigns.Audience;
import se.samla.campaigns.DeadlineParser;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Escalation;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.ScheduleDefinitionException;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SummerPause;
import se.samla.campaigns.WorkingCalendar;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/**
 * Reads send-out definitions from the YAML files of {@code scheduler/}. Every problem is
 * reported with its file and line; one bad file stops start-up rather than leaving a
 * send-out silently unscheduled.
 */
public final class ScheduleLoader {

	private static final Logger log = LoggerFactory.getLogger(ScheduleLoader.class);

	private static final List<String> KEYS = List.of("id", "title", "questionnaire", "audience", "opens", "deadline",
			"recurrence", "reminders", "quietHours", "summerPause", "escalation", "digests", "enabled");

	private static final List<String> REMINDER_KEYS = List.of("firstAfterWorkingDays", "thenEveryWorkingDays", "max",
			"lastWorkingDayBeforeDeadline");

	private static final List<String> QUIET_HOURS_KEYS = List.of("from", "to");

	private static final List<String> SUMMER_PAUSE_KEYS = List.of("fromWeek", "toWeek");

	private static final List<String> ESCALATION_KEYS = List.of("afterWorkingDays", "to");

	private static final List<String> DIGEST_KEYS = List.of("weeklyOn", "afterDeadline", "to", "withPersons");

	private static final List<String> RECURRENCE_KEYS = List.of("yearly", "opens", "deadlineAfterWorkingDays");

	private static final List<String> YEARLY_KEYS = List.of("from", "to");

	private static final List<String> RECURRENCE_OPENS_KEYS = List.of("month", "day", "firstWorkingDay", "time");

	/** In a recurring send-out's title, replaced by the round's year. */
	private static final String YEAR = "{year}";

	/** About a year of working days: more is surely a typo. */
	private static final int MAX_WORKING_DAYS = 250;

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	private static final Set<String> AUDIENCE_KEYS = Set.of("networks", "organisations", "roles", "activityOwners");

	private final ZoneId zone;

	public ScheduleLoader(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Reads every {@code *.yml} and {@code *.yaml} file in the directory.
	 * @throws ScheduleDefinitionException listing every problem found
	 */
	public List<SendOut> load(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new ScheduleDefinitionException(List.of(directory + ": no such directory"));
		}
		List<String> problems = new ArrayList<>();
		List<SendOut> sendOuts = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(ScheduleLoader::isYaml).sorted().toList()) {
				sendOuts.addAll(new FileReading(file, problems).read());
			}
		}
		catch (IOException ex) {
			throw new ScheduleDefinitionException(List.of(directory + ": cannot be read: " + ex.getMessage()));
		}
		Set<SendOutId> seen = new LinkedHashSet<>();
		for (SendOut sendOut : sendOuts) {
			if (!seen.add(sendOut.id())) {
				problems
					.add(sendOut.source() + ":1: send-out id '" + sendOut.id() + "' is defined in another file too");
			}
		}
		if (!problems.isEmpty()) {
			throw new ScheduleDefinitionException(problems);
		}
		log.debug("Loaded {} send-out definition(s) from {}", sendOuts.size(), directory);
		return sendOuts;
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
	}

	/** A key of a mapping with its node, for the line number, and its value. */
	private record Entry(String key, Node keyNode, Node value) {
	}

	/**
	 * A yearly send-out: one round per year from {@code fromYear} to {@code toYear}, each
	 * opening in {@code month} on {@code day} or on its first working day.
	 */
	private record Recurrence(int fromYear, int toYear, int month, Integer day, LocalTime time,
			int deadlineAfterWorkingDays, Node opensNode) {

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

	private final class FileReading {

		private final Path file;

		private final List<String> problems;

		private final int before;

		FileReading(Path file, List<String> problems) {
			this.file = file;
			this.problems = problems;
			this.before = problems.size();
		}

		List<SendOut> read() {
			Node root;
			try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
				root = new Yaml(new LoaderOptions()).compose(reader);
			}
			catch (MarkedYAMLException ex) {
				int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
				problem(line, "not valid YAML: " + ex.getProblem());
				return List.of();
			}
			catch (IOException ex) {
				problem(1, "cannot be read: " + ex.getMessage());
				return List.of();
			}
			if (!(root instanceof MappingNode)) {
				problem(1, "expected a mapping with id, title, questionnaire, audience, opens and deadline");
				return List.of();
			}
			String id = null;
			String title = null;
			String questionnaire = null;
			Audience audience = null;
			Instant opens = null;
			Instant deadline = null;
			Node idNode = root;
			Node titleNode = root;
			Node opensNode = null;
			Node recurrenceNode = null;
			Node remindersNode = null;
			Node quietHoursNode = null;
			Node summerPauseNode = null;
			Node escalationNode = null;
			Node digestsNode = null;
			Boolean enabled = true;
			for (Entry entry : entries(root, null, KEYS)) {
				String key = entry.key();
				Node value = entry.value();
				switch (key) {
					case "id" -> {
						id = scalar(value, key);
						idNode = value;
					}
					case "title" -> {
						title = scalar(value, key);
						titleNode = value;
					}
					case "questionnaire" -> questionnaire = scalar(value, key);
					case "audience" -> audience = audience(value);
					case "opens" -> {
						opens = time(value, key, LocalTime.of(8, 0));
						opensNode = entry.keyNode();
					}
					case "deadline" -> {
						deadline = time(value, key, LocalTime.of(23, 59, 59));
						opensNode = (opensNode != null) ? opensNode : entry.keyNode();
					}
					case "recurrence" -> recurrenceNode = value;
					case "reminders" -> remindersNode = value;
					case "quietHours" -> quietHoursNode = value;
					case "summerPause" -> summerPauseNode = value;
					case "escalation" -> escalationNode = value;
					case "digests" -> digestsNode = value;
					case "enabled" -> enabled = bool(value, key);
					default -> throw new IllegalStateException(key);
				}
			}
			SendOutRules defaults = SendOutRules.defaults(ScheduleLoader.this.zone);
			ReminderRule reminders = (remindersNode != null) ? reminders(remindersNode) : defaults.reminders();
			QuietHours quietHours = (quietHoursNode != null) ? quietHours(quietHoursNode) : defaults.quietHours();
			SummerPause summerPause = (summerPauseNode != null) ? summerPause(summerPauseNode) : null;
			Escalation escalation = (escalationNode != null) ? escalation(escalationNode) : defaults.escalation();
			DigestSchedule digests = (digestsNode != null) ? digests(digestsNode) : defaults.digests();
			Recurrence recurrence = (recurrenceNode != null) ? recurrence(recurrenceNode) : null;
			require(root, "id", id);
			require(root, "title", title);
			require(root, "questionnaire", questionnaire);
			require(root, "audience", audience);
			if (recurrenceNode == null) {
				require(root, "opens", opens);
				require(root, "deadline", deadline);
			}
			else if (opensNode != null) {
				problem(line(opensNode),
						"a recurring send-out takes its opening and deadline from recurrence: remove opens and deadline");
			}
			else if (title != null && !title.contains(YEAR)) {
				problem(line(titleNode), "the title of a recurring send-out must contain " + YEAR
						+ " so that the rounds can be told apart");
			}
			SendOutId sendOutId = null;
			QuestionnaireId questionnaireId = null;
			try {
				sendOutId = (id != null) ? new SendOutId(id) : null;
			}
			catch (IllegalArgumentException ex) {
				problem(line(idNode), "id '" + id + "' must be lower-case letters, digits and dashes");
			}
			try {
				questionnaireId = (questionnaire != null) ? new QuestionnaireId(questionnaire) : null;
			}
			catch (IllegalArgumentException ex) {
				problem(line(root), "questionnaire '" + questionnaire + "' is not a valid questionnaire id");
			}
			if (opens != null && deadline != null && !deadline.isAfter(opens)) {
				problem(line(root), "the deadline must come after the opening time");
			}
			if (audience != null && audience.isEmpty()) {
				problem(line(root), "the audience names nobody: give networks, organisations, roles or activityOwners");
			}
			if (this.problems.size() > this.before) {
				return List.of();
			}
			SendOutRules rules = new SendOutRules(reminders, quietHours, summerPause, escalation, digests);
			String source = this.file.getFileName().toString();
			if (recurrence == null) {
				return List.of(new SendOut(sendOutId, title, questionnaireId, audience, opens, deadline, null, null,
						source, rules, null, !Boolean.FALSE.equals(enabled)));
			}
			List<SendOut> rounds = new ArrayList<>();
			WorkingCalendar calendar = new WorkingCalendar(rules);
			SendOutId previous = null;
			for (int year = recurrence.fromYear(); year <= recurrence.toYear(); year++) {
				LocalDate openingDay = recurrence.openingDay(year, calendar);
				if (openingDay == null) {
					problem(line(recurrence.opensNode()), "recurrence.opens: " + year + "-" + recurrence.month() + "-"
							+ recurrence.day() + " does not exist");
					continue;
				}
				LocalTime openingTime = (recurrence.time() != null) ? recurrence.time() : quietHours.from();
				Instant roundOpens = ZonedDateTime.of(openingDay, openingTime, ScheduleLoader.this.zone).toInstant();
				Instant roundDeadline = ZonedDateTime
					.of(calendar.plusWorkingDays(openingDay, recurrence.deadlineAfterWorkingDays()), quietHours.to(),
							ScheduleLoader.this.zone)
					.toInstant();
				SendOutId roundId = new SendOutId(id + "-" + year);
				rounds.add(new SendOut(roundId, title.replace(YEAR, String.valueOf(year)), questionnaireId, audience,
						roundOpens, roundDeadline, null, null, source, rules, previous,
						!Boolean.FALSE.equals(enabled)));
				previous = roundId;
			}
			return (this.problems.size() > this.before) ? List.of() : rounds;
		}

		private ReminderRule reminders(Node node) {
			if (isNone(node)) {
				return ReminderRule.NONE;
			}
			ReminderRule defaults = ReminderRule.DEFAULT;
			Integer first = defaults.firstAfterWorkingDays();
			Integer every = defaults.thenEveryWorkingDays();
			Integer max = defaults.maxReminders();
			Boolean lastDay = defaults.lastWorkingDayBeforeDeadline();
			int before = this.problems.size();
			for (Entry entry : entries(node, "reminders", REMINDER_KEYS)) {
				String key = "reminders." + entry.key();
				switch (entry.key()) {
					case "firstAfterWorkingDays" -> first = integer(entry.value(), key, 1, MAX_WORKING_DAYS);
					case "thenEveryWorkingDays" -> every = integer(entry.value(), key, 1, MAX_WORKING_DAYS);
					case "max" -> max = integer(entry.value(), key, 0, 20);
					case "lastWorkingDayBeforeDeadline" -> lastDay = bool(entry.value(), key);
					default -> throw new IllegalStateException(key);
				}
			}
			return (this.problems.size() > before) ? null : new ReminderRule(first, every, max, lastDay);
		}

		private QuietHours quietHours(Node node) {
			QuietHours defaults = QuietHours.defaults(ScheduleLoader.this.zone);
			LocalTime from = defaults.from();
			LocalTime to = defaults.to();
			Node fromNode = node;
			int before = this.problems.size();
			for (Entry entry : entries(node, "quietHours", QUIET_HOURS_KEYS)) {
				switch (entry.key()) {
					case "from" -> {
						from = clock(entry.value(), "quietHours.from");
						fromNode = entry.value();
					}
					case "to" -> to = clock(entry.value(), "quietHours.to");
					default -> throw new IllegalStateException(entry.key());
				}
			}
			if (this.problems.size() > before) {
				return null;
			}
			if (!from.isBefore(to)) {
				problem(line(fromNode), "quietHours: from " + from + " must come before to " + to);
				return null;
			}
			return new QuietHours(from, to, ScheduleLoader.this.zone);
		}

		private SummerPause summerPause(Node node) {
			Integer from = null;
			Integer to = null;
			int before = this.problems.size();
			for (Entry entry : entries(node, "summerPause", SUMMER_PAUSE_KEYS)) {
				switch (entry.key()) {
					case "fromWeek" -> from = integer(entry.value(), "summerPause.fromWeek", 1, 53);
					case "toWeek" -> to = integer(entry.value(), "summerPause.toWeek", 1, 53);
					default -> throw new IllegalStateException(entry.key());
				}
			}
			if (this.problems.size() > before) {
				return null;
			}
			if (from == null || to == null) {
				problem(line(node), "summerPause needs both fromWeek and toWeek");
				return null;
			}
			if (from > to) {
				problem(line(node), "summerPause: fromWeek " + from + " must not come after toWeek " + to);
				return null;
			}
			return new SummerPause(from, to);
		}

		private Escalation escalation(Node node) {
			if (isNone(node)) {
				return null;
			}
			Escalation defaults = Escalation.toProjectLeads();
			Integer after = defaults.afterWorkingDays();
			Set<Network> to = defaults.to();
			int before = this.problems.size();
			for (Entry entry : entries(node, "escalation", ESCALATION_KEYS)) {
				switch (entry.key()) {
					case "afterWorkingDays" ->
						after = integer(entry.value(), "escalation.afterWorkingDays", 1, MAX_WORKING_DAYS);
					case "to" -> to = networks(entry.value(), "escalation.to");
					default -> throw new IllegalStateException(entry.key());
				}
			}
			return (this.problems.size() > before) ? null : new Escalation(after, to);
		}

		private DigestSchedule digests(Node node) {
			if (isNone(node)) {
				return DigestSchedule.NONE;
			}
			DayOfWeek weeklyOn = null;
			Boolean afterDeadline = false;
			Set<Network> to = Set.of();
			Set<Network> withPersons = Set.of();
			int before = this.problems.size();
			for (Entry entry : entries(node, "digests", DIGEST_KEYS)) {
				switch (entry.key()) {
					case "weeklyOn" -> weeklyOn = weekday(entry.value(), "digests.weeklyOn");
					case "afterDeadline" -> afterDeadline = bool(entry.value(), "digests.afterDeadline");
					case "to" -> to = networks(entry.value(), "digests.to");
					case "withPersons" -> withPersons = networks(entry.value(), "digests.withPersons");
					default -> throw new IllegalStateException(entry.key());
				}
			}
			if (this.problems.size() > before) {
				return null;
			}
			if (to.isEmpty() && (weeklyOn != null || afterDeadline)) {
				problem(line(node), "digests need 'to': the networks that receive them");
				return null;
			}
			if (!to.containsAll(withPersons)) {
				problem(line(node), "digests.withPersons may only name networks in 'to'");
				return null;
			}
			return new DigestSchedule(weeklyOn, afterDeadline, to, withPersons);
		}

		private Recurrence recurrence(Node node) {
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
			int before = this.problems.size();
			for (Entry entry : entries(node, "recurrence", RECURRENCE_KEYS)) {
				given.add(entry.key());
				switch (entry.key()) {
					case "yearly" -> {
						yearlyNode = entry.value();
						for (Entry year : entries(entry.value(), "recurrence.yearly", YEARLY_KEYS)) {
							given.add(year.key());
							Integer value = integer(year.value(), "recurrence.yearly." + year.key(), MIN_YEAR,
									MAX_YEAR);
							if ("from".equals(year.key())) {
								fromYear = value;
							}
							else {
								toYear = value;
							}
						}
					}
					case "opens" -> {
						opensNode = entry.value();
						for (Entry opens : entries(entry.value(), "recurrence.opens", RECURRENCE_OPENS_KEYS)) {
							given.add(opens.key());
							String key = "recurrence.opens." + opens.key();
							switch (opens.key()) {
								case "month" -> month = integer(opens.value(), key, 1, 12);
								case "day" -> day = integer(opens.value(), key, 1, 31);
								case "firstWorkingDay" -> firstWorkingDay = bool(opens.value(), key);
								case "time" -> time = clock(opens.value(), key);
								default -> throw new IllegalStateException(key);
							}
						}
					}
					case "deadlineAfterWorkingDays" -> deadlineAfter = integer(entry.value(),
							"recurrence.deadlineAfterWorkingDays", 1, MAX_WORKING_DAYS);
					default -> throw new IllegalStateException(entry.key());
				}
			}
			// each check needs only the values it looks at, so that every mistake is
			// reported
			if (!given.contains("from") || !given.contains("to")) {
				problem(line(yearlyNode), "recurrence needs yearly: { from: <year>, to: <year> }");
			}
			else if (fromYear != null && toYear != null && fromYear > toYear) {
				problem(line(yearlyNode), "recurrence.yearly: from " + fromYear + " must not come after to " + toYear);
			}
			if (!given.contains("month")) {
				problem(line(opensNode),
						"recurrence needs opens: { month: <1-12>, firstWorkingDay: true or day: <1-31> }");
			}
			if (given.contains("day") == Boolean.TRUE.equals(firstWorkingDay)) {
				problem(line(opensNode), "recurrence.opens needs either day or firstWorkingDay: true, not both");
			}
			else if (month != null && day != null && day > Month.of(month).maxLength()) {
				problem(line(opensNode), "recurrence.opens: month " + month + " has no day " + day);
			}
			if (!given.contains("deadlineAfterWorkingDays")) {
				problem(line(node), "recurrence needs deadlineAfterWorkingDays");
			}
			return (this.problems.size() > before) ? null
					: new Recurrence(fromYear, toYear, month, day, time, deadlineAfter, opensNode);
		}

		/**
		 * The key-value pairs of a mapping; reports the mapping itself if it is none, and
		 * every key not among the allowed ones.
		 */
		private List<Entry> entries(Node node, String section, List<String> allowed) {
			String prefix = (section != null) ? section + "." : "";
			if (!(node instanceof MappingNode mapping)) {
				problem(line(node), section + " must be a mapping of " + String.join(", ", allowed));
				return List.of();
			}
			List<Entry> entries = new ArrayList<>();
			for (NodeTuple tuple : mapping.getValue()) {
				String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : "?";
				if (allowed.contains(key)) {
					entries.add(new Entry(key, tuple.getKeyNode(), tuple.getValueNode()));
				}
				else {
					problem(line(tuple.getKeyNode()), "unknown key '" + prefix + key + "' (expected one of "
							+ String.join(", ", allowed.stream().sorted().toList()) + ")");
				}
			}
			return entries;
		}

		private Integer integer(Node node, String key, int min, int max) {
			String text = scalar(node, key);
			if (text == null) {
				return null;
			}
			try {
				int value = Integer.parseInt(text);
				if (value >= min && value <= max) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			problem(line(node), key + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
			return null;
		}

		private Boolean bool(Node node, String key) {
			String text = scalar(node, key);
			if ("true".equals(text) || "false".equals(text)) {
				return Boolean.valueOf(text);
			}
			if (text != null) {
				problem(line(node), key + " must be true or false");
			}
			return null;
		}

		private LocalTime clock(Node node, String key) {
			String text = scalar(node, key);
			if (text == null) {
				return null;
			}
			try {
				return LocalTime.parse((text.length() == 4) ? "0" + text : text);
			}
			catch (DateTimeParseException ex) {
				problem(line(node), key + ": '" + text + "' is not a time of day such as \"08:00\"");
				return null;
			}
		}

		private DayOfWeek weekday(Node node, String key) {
			String text = scalar(node, key);
			if (text == null) {
				return null;
			}
			try {
				return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problem(line(node), key + ": '" + text + "' is not a day of the week (monday ... sunday)");
				return null;
			}
		}

		private Set<Network> networks(Node node, String key) {
			Set<Network> networks = new LinkedHashSet<>();
			List<ScalarNode> items = list(node, key);
			for (ScalarNode item : items) {
				try {
					networks.add(Network.parse(item.getValue()));
				}
				catch (IllegalArgumentException ex) {
					problem(line(item), key + ": unknown network '" + item.getValue() + "'");
				}
			}
			if (items.isEmpty() && node instanceof SequenceNode) {
				problem(line(node), key + " must name at least one network");
			}
			return networks;
		}

		private static boolean isNone(Node node) {
			return node instanceof ScalarNode scalar && "none".equals(scalar.getValue().strip());
		}

		private Audience audience(Node node) {
			if (!(node instanceof MappingNode mapping)) {
				problem(line(node), "audience must be a mapping of networks, organisations, roles, activityOwners");
				return null;
			}
			Set<Network> networks = new LinkedHashSet<>();
			Set<OrganisationId> organisations = new LinkedHashSet<>();
			List<String> roles = new ArrayList<>();
			boolean owners = false;
			for (NodeTuple tuple : mapping.getValue()) {
				String key = ((ScalarNode) tuple.getKeyNode()).getValue();
				Node value = tuple.getValueNode();
				switch (key) {
					case "networks" -> list(value, key).forEach(item -> {
						try {
							networks.add(Network.parse(item.getValue()));
						}
						catch (IllegalArgumentException ex) {
							problem(line(item), "unknown network '" + item.getValue() + "'");
						}
					});
					case "organisations" ->
						list(value, key).forEach(item -> organisations.add(new OrganisationId(item.getValue())));
					case "roles" -> list(value, key).forEach(item -> roles.add(item.getValue()));
					case "activityOwners" -> {
						String flag = scalar(value, key);
						owners = "true".equals(flag);
						if (!"true".equals(flag) && !"false".equals(flag)) {
							problem(line(value), "activityOwners must be true or false");
						}
					}
					default -> problem(line(tuple.getKeyNode()), "unknown audience key '" + key + "' (expected one of "
							+ String.join(", ", AUDIENCE_KEYS.stream().sorted().toList()) + ")");
				}
			}
			return new Audience(networks, organisations, roles, owners);
		}

		private List<ScalarNode> list(Node node, String key) {
			if (node instanceof SequenceNode sequence) {
				List<ScalarNode> items = new ArrayList<>();
				for (Node item : sequence.getValue()) {
					if (item instanceof ScalarNode scalar) {
						items.add(scalar);
					}
					else {
						problem(line(item), key + ": expected a plain value");
					}
				}
				return items;
			}
			problem(line(node), key + " must be a list");
			return List.of();
		}

		private Instant time(Node node, String key, LocalTime defaultTime) {
			String text = scalar(node, key);
			if (text == null) {
				return null;
			}
			try {
				return DeadlineParser.parse(text, ScheduleLoader.this.zone, defaultTime);
			}
			catch (IllegalArgumentException ex) {
				problem(line(node), key + ": " + ex.getMessage());
				return null;
			}
		}

		private String scalar(Node node, String key) {
			if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				return scalar.getValue().strip();
			}
			problem(line(node), key + " must be a single non-empty value");
			return null;
		}

		private void require(Node root, String key, Object value) {
			if (value == null && this.problems.stream().noneMatch(p -> p.contains(": " + key))) {
				problem(line(root), "missing '" + key + "'");
			}
		}

		private void problem(int line, String message) {
			this.problems.add(this.file.getFileName() + ":" + line + ": " + message);
		}

		private static int line(Node node) {
			return node.getStartMark().getLine() + 1;
		}

	}

}
