package se.samla.email.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFacts;
import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

import static se.samla.shared.SqlTime.instant;

/**
 * What the email channel knows about why people have not answered: their out-of-office
 * replies (with the return day, when the reply states one), the requests to clarify sent
 * to them, replies held for review, and replies that were kept but recorded nothing (or
 * could not be read at all: those wait in review too).
 */
@Component
class EmailRecipientFacts implements RecipientFacts {

	/**
	 * How an auto-reply's detail names the return day it states, for the operator log.
	 */
	static final String BACK_ON = "; back on ";

	private final JdbcClient jdbc;

	EmailRecipientFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<PersonId, List<RecipientFact>> facts(SendOutId sendOut) {
		Map<PersonId, List<RecipientFact>> facts = new HashMap<>();
		Map<PersonId, RecipientFact.AskedToClarify> clarified = new HashMap<>();
		this.jdbc.sql("""
				SELECT t.person_id, COUNT(*) AS times, MAX(s.sent_at) AS last_at
				FROM email_sent s JOIN email_token t ON t.token = s.token
				WHERE t.send_out_id = ? AND s.kind = 'CLARIFY'
				GROUP BY t.person_id
				""").param(sendOut.value()).query((rs, n) -> {
			clarified.put(new PersonId(rs.getObject("person_id", UUID.class)),
					new RecipientFact.AskedToClarify(instant(rs, "last_at"), rs.getInt("times")));
			return null;
		}).list();
		clarified.forEach((person, fact) -> add(facts, person, fact));
		this.jdbc.sql("""
				SELECT person_id, status, detail, received_at, not_understood, back_on FROM email_inbound
				WHERE send_out_id = ? AND person_id IS NOT NULL
				  AND status IN ('AUTO_REPLY', 'REVIEW', 'AMBIGUOUS', 'RECORDED')
				ORDER BY received_at
				""").param(sendOut.value()).query((rs, n) -> {
			PersonId person = new PersonId(rs.getObject("person_id", UUID.class));
			Instant at = instant(rs, "received_at");
			String detail = rs.getString("detail");
			switch (InboundStatus.valueOf(rs.getString("status"))) {
				case AUTO_REPLY ->
					add(facts, person, new RecipientFact.OutOfOffice(at, rs.getObject("back_on", LocalDate.class)));
				case REVIEW -> add(facts, person, rs.getBoolean("not_understood")
						? new RecipientFact.RepliedNotUnderstood(at) : new RecipientFact.HeldForReview(at));
				case AMBIGUOUS -> {
					if (!clarified.containsKey(person)) {
						// the once-a-day rule held the request back: still a reply
						add(facts, person, new RecipientFact.RepliedNotUnderstood(at));
					}
				}
				default -> {
					if (rs.getBoolean("not_understood")) {
						add(facts, person, new RecipientFact.RepliedNotUnderstood(at));
					}
				}
			}
			return null;
		}).list();
		return facts;
	}

	private static void add(Map<PersonId, List<RecipientFact>> facts, PersonId person, RecipientFact fact) {
		facts.computeIfAbsent(person, p -> new ArrayList<>()).add(fact);
	}

	/**
	 * The day each person's latest absence notice with a return day says they are back:
	 * the dispatcher holds their reminders until after it.
	 */
	@Override
	public Map<PersonId, LocalDate> awayUntil(SendOutId sendOut) {
		Map<PersonId, LocalDate> away = new HashMap<>();
		this.jdbc.sql("""
				SELECT person_id, back_on FROM email_inbound
				WHERE send_out_id = ? AND person_id IS NOT NULL AND status = 'AUTO_REPLY' AND back_on IS NOT NULL
				ORDER BY received_at
				""").param(sendOut.value()).query((rs, n) -> {
			away.put(new PersonId(rs.getObject("person_id", UUID.class)), rs.getObject("back_on", LocalDate.class));
			return null;
		}).list();
		return away;
	}

}
