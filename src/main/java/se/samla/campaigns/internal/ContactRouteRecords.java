package se.samla.campaigns.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samla.campaigns.ContactRoutes;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;

import static se.samla.shared.SqlTime.toSql;

/** Stores what channels have learnt about reaching people. */
@Repository
class ContactRouteRecords implements ContactRoutes {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactRouteRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void markUnreachable(PersonId person, Channel channel, String reason) {
		save(person, channel, false, reason);
	}

	@Override
	public void markReachable(PersonId person, Channel channel) {
		save(person, channel, true, null);
	}

	@Override
	public boolean isReachable(PersonId person, Channel channel) {
		return this.jdbc.sql("SELECT reachable FROM contact_route WHERE person_id = ? AND channel = ?")
			.params(person.value(), channel.name())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	@Override
	public Map<PersonId, Set<Channel>> unreachableRoutes() {
		Map<PersonId, Set<Channel>> routes = new HashMap<>();
		this.jdbc.sql("SELECT person_id, channel FROM contact_route WHERE reachable = FALSE")
			.query((rs, n) -> routes
				.computeIfAbsent(new PersonId(rs.getObject(1, UUID.class)), person -> EnumSet.noneOf(Channel.class))
				.add(Channel.valueOf(rs.getString(2))))
			.list();
		return routes;
	}

	String reason(PersonId person, Channel channel) {
		return this.jdbc
			.sql("SELECT reason FROM contact_route WHERE person_id = ? AND channel = ? AND reachable = FALSE")
			.params(person.value(), channel.name())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void save(PersonId person, Channel channel, boolean reachable, String reason) {
		int updated = this.jdbc.sql(
				"UPDATE contact_route SET reachable = ?, reason = ?, updated_at = ? WHERE person_id = ? AND channel = ?")
			.params(reachable, reason, toSql(this.clock.instant()), person.value(), channel.name())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO contact_route (person_id, channel, reachable, reason, updated_at)
					VALUES (?, ?, ?, ?, ?)
					""")
				.params(person.value(), channel.name(), reachable, reason, toSql(this.clock.instant()))
				.update();
		}
	}

}
