package se.samla.directory;

import java.util.List;

/**
 * What an import did, or in a dry run would have done. When any row is rejected nothing
 * is written and the counts are zero.
 *
 * @param source the name of the imported file, for messages
 * @param dryRun whether the import only validated
 * @param applied whether anything was written (no rows rejected and not a dry run)
 * @param created rows that (would) create a new entry
 * @param updated rows that (would) change an existing entry
 * @param unchanged rows equal to an existing entry
 * @param rejected the rejected rows with their line numbers, in file order
 */
public record ImportReport(String source, boolean dryRun, boolean applied, int created, int updated, int unchanged,
		List<RejectedRow> rejected) {

	public ImportReport {
		rejected = List.copyOf(rejected);
	}

	/** Whether every row was accepted. */
	public boolean valid() {
		return this.rejected.isEmpty();
	}

	/** A one-line summary without personal data, fit for a log. */
	public String summary() {
		if (!valid()) {
			return "%s: %d row(s) rejected, nothing imported".formatted(this.source, this.rejected.size());
		}
		return "%s: %d created, %d updated, %d unchanged%s".formatted(this.source, this.created, this.updated,
				this.unchanged, this.dryRun ? " (dry run, nothing written)" : "");
	}

}
