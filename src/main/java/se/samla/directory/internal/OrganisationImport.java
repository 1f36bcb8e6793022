package se.samla.directory.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.samla.directory.ImportReport;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.OrganisationKind;
import se.samla.directory.internal.CsvSheet.Row;

/**
 * Imports {@code Id;Namn;Typ}. A blank id is made from the name ("Laxå" gives "laxa").
 */
class OrganisationImport {

	static final Column ID = Column.optional("Id", "organisations-id", "org-id", "slug");

	static final Column NAME = Column.required("Namn", "name", "organisation");

	static final Column KIND = Column.required("Typ", "type", "kind", "organisationstyp");

	private final StoredOrganisations organisations;

	OrganisationImport(StoredOrganisations organisations) {
		this.organisations = organisations;
	}

	ImportReport run(String source, InputStream csv, boolean dryRun) {
		CsvSheet sheet = CsvSheet.read(csv, List.of(ID, NAME, KIND));
		ImportPlan<StoredOrganisation> plan = new ImportPlan<>(sheet.problems());
		Map<String, StoredOrganisation> existing = this.organisations.findAll()
			.stream()
			.collect(Collectors.toMap(StoredOrganisation::id, Function.identity()));
		Map<String, Integer> idLines = new HashMap<>();
		Map<String, Integer> nameLines = new HashMap<>();
		for (Row row : sheet.rows()) {
			List<String> problems = new ArrayList<>();
			String name = row.get(NAME);
			if (name.isEmpty()) {
				problems.add("missing name");
			}
			String typedId = row.get(ID).isEmpty() ? Keys.slug(name) : row.get(ID);
			OrganisationId id = name.isEmpty() && row.get(ID).isEmpty() ? null
					: ImportPlan.attempt(problems, () -> new OrganisationId(typedId));
			OrganisationKind kind = row.get(KIND).isEmpty() ? missing(problems, "missing type (Kommun or Region)")
					: ImportPlan.attempt(problems, () -> OrganisationKind.parse(row.get(KIND)));
			if (id != null) {
				Integer first = idLines.putIfAbsent(id.value(), row.line());
				if (first != null) {
					problems.add("organisation id '" + id + "' appears more than once (first on line " + first + ")");
				}
			}
			if (!name.isEmpty()) {
				Integer first = nameLines.putIfAbsent(Keys.slug(name), row.line());
				if (first != null) {
					problems.add("name '" + name + "' appears more than once (first on line " + first + ")");
				}
				existing.values()
					.stream()
					.filter(other -> Keys.slug(other.name()).equals(Keys.slug(name)))
					.filter(other -> id != null && !other.id().equals(id.value()))
					.findFirst()
					.ifPresent(other -> problems
						.add("name '" + name + "' already belongs to organisation '" + other.id() + "'"));
			}
			if (!problems.isEmpty()) {
				plan.reject(row.line(), problems);
				continue;
			}
			Organisation organisation = new Organisation(id, name, kind);
			StoredOrganisation stored = existing.get(id.value());
			if (stored == null) {
				plan.create(StoredOrganisation.of(organisation));
			}
			else if (stored.toOrganisation().equals(organisation)) {
				plan.unchanged();
			}
			else {
				plan.update(stored.with(organisation));
			}
		}
		return plan.complete(source, dryRun, this.organisations::saveAll);
	}

	private static <V> V missing(List<String> problems, String problem) {
		problems.add(problem);
		return null;
	}

}
