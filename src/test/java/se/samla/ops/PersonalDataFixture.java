package se.samla.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.surveys.AnswerValue.TextAnswer;

import static se.samla.shared.SqlTime.toSql;
import static se.samla.support.Stockholm.at;

/**
 * Gives Lena Bergkvist (Karlskoga, a Teams user in the sample directory) data in every
 * table that can hold some: a submitted response with free text, a kept email, an outbox
 * row whose error quotes her address, a contact route, and a Teams chat with an activity.
 */
final class PersonalDataFixture {

	static final String EMAIL = "lena.bergkvist@example.org";

	static final String NAME = "Lena Bergkvist";

	static final String ENTRA_ID = "5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f";

	private PersonalDataFixture() {
	}

	static Holdings give(String sendOutId, SendOuts sendOuts, Directory directory, ResponseManagement responses,
			JdbcClient jdbc, MutableClock clock) {
		SendOutId sendOut = Stockholm.stepTwo(sendOuts, sendOutId, "Kartläggning steg 2 (" + sendOutId + ")",
				"karlskoga");
		clock.set(at(2026, 12, 2, 10, 0));
		Person lena = directory.personByEmail(EMAIL).orElseThrow();
		ResponseState state = responses.startOrResume(sendOut, lena.id(), Channel.TEAMS);
		int n = 0;
		for (var step : state.steps()) {
			responses.answer(state.id(), step.key(),
					new TextAnswer("Lena Bergkvist skriver: svar " + (++n) + ", nå mig på " + EMAIL),
					Source.of(Channel.TEAMS, sendOutId + "-activity-" + n));
		}
		responses.submit(state.id(), Source.of(Channel.TEAMS, sendOutId + "-submit"));
		Instant now = clock.instant();
		String raw = "From: Lena Bergkvist <" + EMAIL + ">\r\nTo: enkat@samla.example.org\r\nSubject: Svar om "
				+ sendOutId + "\r\nMessage-ID: <" + sendOutId + "@karlskoga.example.org>\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n1. Brist på sjuksköterskor.\r\n/Lena Bergkvist\r\n";
		jdbc.sql(
				"""
						INSERT INTO email_inbound (id, message_key, message_id, raw, received_at, status, send_out_id, person_id)
						VALUES (?, ?, ?, ?, ?, 'RECORDED', ?, ?)
						""")
			.params(UUID.randomUUID(), "<" + sendOutId + "@karlskoga.example.org>",
					"<" + sendOutId + "@karlskoga.example.org>", raw.getBytes(StandardCharsets.UTF_8), toSql(now),
					sendOut.value(), lena.id().value())
			.update();
		jdbc.sql("""
				INSERT INTO outbox (id, message_key, send_out_id, person_id, kind, number, status, channel, attempts,
				    planned_at, created_at, finished_at, last_error)
				VALUES (?, ?, ?, ?, 'INVITATION', 0, 'FAILED', 'EMAIL', 1, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), sendOut.value() + "/" + lena.id().value() + "/invitation", sendOut.value(),
					lena.id().value(), toSql(now), toSql(now), toSql(now), "550 5.1.1 <" + EMAIL + ">: unknown user")
			.update();
		jdbc.sql("DELETE FROM contact_route WHERE person_id = ?").param(lena.id().value()).update();
		jdbc.sql("""
				INSERT INTO contact_route (person_id, channel, reachable, reason, updated_at)
				VALUES (?, 'EMAIL', FALSE, 'bounced: permanent 5.1.1', ?)
				""").params(lena.id().value(), toSql(now)).update();
		String conversation = "a:conv-" + sendOutId;
		jdbc.sql("DELETE FROM teams_conversation WHERE aad_object_id = ?").param(ENTRA_ID).update();
		jdbc.sql(
				"""
						INSERT INTO teams_conversation (aad_object_id, tenant_id, user_id, conversation_id, service_url, updated_at)
						VALUES (?, '7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37', '29:lena', ?, 'https://smba.trafficmanager.net/emea/', ?)
						""")
			.params(ENTRA_ID, conversation, toSql(now))
			.update();
		jdbc.sql("""
				INSERT INTO teams_inbound (id, conversation_id, activity_id, activity_type, body, received_at, status)
				VALUES (?, ?, ?, 'message', ?, ?, 'DONE')
				""")
			.params(UUID.randomUUID(), conversation, sendOutId + "-activity",
					("{\"from\":{\"name\":\"Lena Bergkvist\",\"aadObjectId\":\"" + ENTRA_ID
							+ "\"},\"text\":\"Brist på sjuksköterskor\"}")
						.getBytes(StandardCharsets.UTF_8),
					toSql(now))
			.update();
		jdbc.sql("""
				INSERT INTO teams_sent (send_key, conversation_id, activity_id, status, created_at, updated_at)
				VALUES (?, ?, 'reply-1', 'SENT', ?, ?)
				""").params(sendOutId + "/reply-1", conversation, toSql(now), toSql(now)).update();
		return new Holdings(sendOut, lena, state);
	}

	record Holdings(SendOutId sendOut, Person person, ResponseState response) {
	}

}
