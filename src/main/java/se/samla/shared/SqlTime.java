package se.samla.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moves instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns the same way on
 * H2 and PostgreSQL (JDBC 4.2 {@link OffsetDateTime}, always UTC).
 */
public final class SqlTime {

	private SqlTime() {
	}

	public static OffsetDateTime toSql(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
