package se.samla.directory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import se.samla.directory.ImportReport;
import se.samla.directory.RejectedRow;

/**
 * What an import will do, collected while every row is validated: the aggregates to
 * create or update, and the rejected rows. Nothing is written until all rows have been
 * seen, and then only if none was rejected.
 */
final class ImportPlan<T> {

	private final List<RejectedRow> rejected;

	private final List<T> toWrite = new ArrayList<>();

	private int created;

	private int updated;

	private int unchanged;

	ImportPlan(List<RejectedRow> fileProblems) {
		this.rejected = new ArrayList<>(fileProblems);
	}

	void reject(int line, List<String> reasons) {
		this.rejected.add(new RejectedRow(line, String.join("; ", reasons)));
	}

	void create(T aggregate) {
		this.toWrite.add(aggregate);
		this.created++;
	}

	void update(T aggregate) {
		this.toWrite.add(aggregate);
		this.updated++;
	}

	void unchanged() {
		this.unchanged++;
	}

	/** Writes (unless a dry run or any row was rejected) and reports. */
	ImportReport complete(String source, boolean dryRun, Consumer<List<T>> writer) {
		if (!this.rejected.isEmpty()) {
			List<RejectedRow> sorted = this.rejected.stream()
				.sorted(Comparator.comparingInt(RejectedRow::line))
				.toList();
			return new ImportReport(source, dryRun, false, 0, 0, 0, sorted);
		}
		if (!dryRun && !this.toWrite.isEmpty()) {
			writer.accept(this.toWrite);
		}
		return new ImportReport(source, dryRun, !dryRun, this.created, this.updated, this.unchanged, List.of());
	}

	/**
	 * Runs a constructor or parser that validates by throwing
	 * {@link IllegalArgumentException}, noting its message as a problem.
	 * @return the value, or {@code null} if it was rejected
	 */
	static <V> V attempt(List<String> problems, Supplier<V> supplier) {
		try {
			return supplier.get();
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
			return null;
		}
	}

}
