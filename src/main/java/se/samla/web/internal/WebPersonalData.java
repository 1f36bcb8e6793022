package se.samla.web.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.shared.PersonalDataHolder;

/**
 * The personal links held for a person: exported as the send-outs they open (never the
 * token), removed on erasure.
 */
@Component
class WebPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final JdbcAnswerLinks links;

	WebPersonalData(JdbcClient jdbc, JdbcAnswerLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	@Override
	public String section() {
		return "webLinks";
	}

	@Override
	public Object export(DataSubject subject) {
		List<Map<String, Object>> rows = this.jdbc
			.sql("SELECT send_out_id, generation, created_at FROM web_link WHERE person_id = ? ORDER BY send_out_id")
			.param(subject.id())
			.query((rs, n) -> Map.<String, Object>of("sendOut", rs.getString(1), "revocations", rs.getInt(2), "created",
					rs.getTimestamp(3).toInstant().toString()))
			.list();
		return rows;
	}

	@Override
	public Map<String, Integer> erase(DataSubject subject) {
		return Map.of("webLinks", this.links.removeAll(subject.id()));
	}

}
