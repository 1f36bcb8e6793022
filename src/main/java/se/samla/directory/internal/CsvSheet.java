package se.samla.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.samla.directory.RejectedRow;
import se.samla.directory.internal.CsvParser.CsvRecord;

/**
 * A CSV file read against the columns an import expects: the first non-blank record is
 * the header, every other non-blank record a row. Problems with the file as a whole
 * (encoding, an unclosed quote, unknown or missing columns) and rows with more values
 * than the header are collected rather than thrown, so that one report can list them all.
 */
final class CsvSheet {

	private final List<RejectedRow> problems = new ArrayList<>();

	private final List<Row> rows = new ArrayList<>();

	private CsvSheet() {
	}

	static CsvSheet read(InputStream input, List<Column> columns) {
		try {
			return read(input.readAllBytes(), columns);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static CsvSheet read(byte[] bytes, List<Column> columns) {
		CsvSheet sheet = new CsvSheet();
		List<CsvRecord> records;
		try {
			records = CsvParser.parse(CsvParser.decode(bytes));
		}
		catch (CsvFormatException ex) {
			sheet.problems.add(new RejectedRow(ex.line(), ex.getMessage()));
			return sheet;
		}
		records = new ArrayList<>(records.stream().filter(record -> !record.isBlank()).toList());
		if (!records.isEmpty() && isSeparatorHint(records.get(0))) {
			records.remove(0);
		}
		if (records.isEmpty()) {
			sheet.problems.add(new RejectedRow(1, "the file is empty (a header row is expected)"));
			return sheet;
		}
		CsvRecord header = records.get(0);
		Map<Integer, Column> columnAt = sheet.readHeader(header, columns);
		if (!sheet.problems.isEmpty()) {
			return sheet;
		}
		for (CsvRecord record : records.subList(1, records.size())) {
			sheet.readRow(record, columnAt);
		}
		return sheet;
	}

	// Excel writes "sep=;" as the first line when asked to, and reads it back.
	private static boolean isSeparatorHint(CsvRecord record) {
		return record.fields().size() <= 2 && record.fields().get(0).strip().equalsIgnoreCase("sep=");
	}

	private Map<Integer, Column> readHeader(CsvRecord header, List<Column> columns) {
		Map<Integer, Column> columnAt = new LinkedHashMap<>();
		List<String> fields = header.fields();
		for (int index = 0; index < fields.size(); index++) {
			String name = fields.get(index).strip();
			if (name.isEmpty()) {
				continue;
			}
			Column column = columns.stream().filter(candidate -> candidate.matches(name)).findFirst().orElse(null);
			if (column == null) {
				this.problems.add(new RejectedRow(header.line(),
						"unknown column '" + name + "' (expected " + describe(columns) + ")"));
			}
			else if (columnAt.containsValue(column)) {
				this.problems.add(new RejectedRow(header.line(), "column '" + column.header() + "' appears twice"));
			}
			else {
				columnAt.put(index, column);
			}
		}
		for (Column column : columns) {
			if (column.required() && !columnAt.containsValue(column)) {
				this.problems.add(new RejectedRow(header.line(), "missing column '" + column.header() + "'"));
			}
		}
		return columnAt;
	}

	private void readRow(CsvRecord record, Map<Integer, Column> columnAt) {
		Map<Column, String> values = new LinkedHashMap<>();
		boolean surplus = false;
		List<String> fields = record.fields();
		for (int index = 0; index < fields.size(); index++) {
			Column column = columnAt.get(index);
			String value = fields.get(index).strip();
			if (column != null) {
				values.put(column, value);
			}
			else if (!value.isEmpty()) {
				surplus = true;
			}
		}
		if (surplus) {
			this.problems.add(new RejectedRow(record.line(),
					"value in a column without a header (is a ';' missing its quotes?)"));
		}
		else {
			this.rows.add(new Row(record.line(), values));
		}
	}

	private static String describe(List<Column> columns) {
		return String.join(";", columns.stream().map(Column::header).toList());
	}

	/** Problems with the file or with single rows that were not read. */
	List<RejectedRow> problems() {
		return this.problems;
	}

	List<Row> rows() {
		return this.rows;
	}

	/**
	 * One row: trimmed values by column.
	 *
	 * @param line the physical line where the row starts
	 * @param values the values of the columns present in the file
	 */
	record Row(int line, Map<Column, String> values) {

		/** The trimmed value, empty if the column is absent or the cell is empty. */
		String get(Column column) {
			return this.values.getOrDefault(column, "");
		}

	}

}
