package se.samla.directory.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.samla.directory.ActivityId;
import se.samla.directory.ImportReport;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;
import se.samla.directory.internal.CsvSheet.Row;

/**
 * Imports
 * {@code Id;Aktivitet;Utvecklingsområde;Förväntad effekt;Ansvariga;Tidplan;Uppföljning}.
 * The owners are e-mail addresses of people already in the directory, separated by commas
 * (or by semicolons or line breaks inside the quoted cell).
 */
class ActivityImport {

	static final Column ID = Column.required("Id", "nr", "nummer", "aktivitets-id");

	static final Column TITLE = Column.required("Aktivitet", "activity", "titel", "vad");

	static final Column AREA = Column.required("Utvecklingsområde", "development area", "område");

	static final Column EFFECT = Column.optional("Förväntad effekt", "expected effect", "önskad effekt", "effekt");

	static final Column OWNERS = Column.required("Ansvariga", "ansvarig", "owners", "vem");

	static final Column TIMELINE = Column.optional("Tidplan", "tidsplan", "timeline", "när");

	static final Column FOLLOW_UP = Column.optional("Uppföljning", "follow-up");

	private static final List<Column> COLUMNS = List.of(ID, TITLE, AREA, EFFECT, OWNERS, TIMELINE, FOLLOW_UP);

	private final StoredActivities activities;

	private final StoredPeople people;

	ActivityImport(StoredActivities activities, StoredPeople people) {
		this.activities = activities;
		this.people = people;
	}

	ImportReport run(String source, InputStream csv, boolean dryRun) {
		CsvSheet sheet = CsvSheet.read(csv, COLUMNS);
		ImportPlan<StoredActivity> plan = new ImportPlan<>(sheet.problems());
		Map<String, StoredActivity> existing = this.activities.findAll()
			.stream()
			.collect(Collectors.toMap(StoredActivity::id, Function.identity()));
		Map<String, StoredPerson> peopleByEmail = this.people.findAll()
			.stream()
			.collect(Collectors.toMap(StoredPerson::email, Function.identity()));
		Map<String, Integer> idLines = new HashMap<>();
		for (Row row : sheet.rows()) {
			List<String> problems = new ArrayList<>();
			ActivityId id = row.get(ID).isEmpty() ? missing(problems, "missing id")
					: ImportPlan.attempt(problems, () -> new ActivityId(row.get(ID)));
			if (id != null) {
				Integer first = idLines.putIfAbsent(id.value(), row.line());
				if (first != null) {
					problems.add("activity id '" + id + "' appears more than once (first on line " + first + ")");
				}
			}
			String title = row.get(TITLE);
			if (title.isEmpty()) {
				problems.add("missing activity (Aktivitet)");
			}
			String area = areaOf(row, problems);
			List<PersonId> owners = ownersOf(row, peopleByEmail, problems);
			if (!problems.isEmpty()) {
				plan.reject(row.line(), problems);
				continue;
			}
			PlanActivity activity = new PlanActivity(id, title, area, row.get(EFFECT), row.get(TIMELINE),
					row.get(FOLLOW_UP), owners);
			StoredActivity stored = existing.get(id.value());
			if (stored == null) {
				plan.create(StoredActivity.of(activity));
			}
			else if (stored.toActivity().equals(activity)) {
				plan.unchanged();
			}
			else {
				plan.update(stored.with(activity));
			}
		}
		return plan.complete(source, dryRun, this.activities::saveAll);
	}

	private static String areaOf(Row row, List<String> problems) {
		String typed = row.get(AREA);
		if (typed.isEmpty()) {
			problems.add("missing development area (Utvecklingsområde)");
			return null;
		}
		return DevelopmentAreas.canonical(typed).orElseGet(() -> {
			problems.add("unknown development area '" + typed + "' (expected one of: "
					+ String.join(", ", DevelopmentAreas.ALL) + ")");
			return null;
		});
	}

	private static List<PersonId> ownersOf(Row row, Map<String, StoredPerson> peopleByEmail, List<String> problems) {
		Set<PersonId> owners = new LinkedHashSet<>();
		for (String typed : row.get(OWNERS).split("[,;\\s]+")) {
			if (typed.isBlank()) {
				continue;
			}
			if (!EmailAddresses.isValid(typed)) {
				problems.add("invalid owner e-mail address '" + typed + "'");
				continue;
			}
			StoredPerson owner = peopleByEmail.get(EmailAddresses.normalise(typed));
			if (owner == null) {
				problems.add("unknown owner e-mail '" + typed + "' (import the person in people.csv first)");
			}
			else {
				owners.add(new PersonId(owner.id()));
			}
		}
		if (owners.isEmpty() && problems.stream().noneMatch(problem -> problem.contains("owner"))) {
			problems.add("missing owner (Ansvariga: at least one e-mail address)");
		}
		return List.copyOf(owners);
	}

	private static <V> V missing(List<String> problems, String problem) {
		problems.add(problem);
		return null;
	}

}
