package se.samla.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import se.samla.surveys.QuestionnaireId;
import se.samla.directory.OrganisationId;
import se.samla.directory.Network;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Audience;
import java.util.Set;
import java.time.DayOfWeek;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.BotEndpoint;
import se.samla.support.FakeMicrosoft;
import se.samla.support.FakeMicrosoft.Sent;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TeamsActivities;
import se.samla.support.TestClockConfiguration;

/**
 * The bot's messages get through Teams' throttling and passing failures, are never sent
 * twice, and go by email when Teams refuses the person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.teams.retry.initial-backoff=20ms", "samla.teams.retry.read-timeout=700ms" })
@Import(TestClockConfiguration.class)
class TeamsDeliveryTests {

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) {
		microsoft.properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Directory directory;

	@Autowired
	ContactRoutes routes;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Person lena;

	String conversation;

	@BeforeEach
	void setUp() {
		microsoft.reset();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.jdbc.sql("DELETE FROM teams_conversation").update();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.lena = this.directory.personByEmail("lena.bergkvist@example.org").orElseThrow();
		this.conversation = "a:conv-" + this.lena.teams().entraObjectId();
		this.clock.set(at(2026, 12, 1, 9, 0));
	}

	@Test
	void waitsAsLongAsTeamsSaysAfterA429AndSendsOnce() {
		SendOutId sendOut = define("leverans-429");
		microsoft.failNextSends(1, 429, "1");
		long started = System.nanoTime();
		this.dispatcher.runNow(sendOut);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(invitationsTo(this.conversation)).hasSize(1);
		assertThat(outboxChannel(sendOut)).isEqualTo("TEAMS");
	}

	@Test
	void retriesPassingFailuresWithBackoffAndSendsOnce() {
		SendOutId sendOut = define("leverans-5xx");
		microsoft.failNextSends(1, 503, null);
		microsoft.failNextSends(1, 502, null);
		microsoft.failNextSends(1, 504, null);
		microsoft.failNextSends(1, 412, null);
		this.dispatcher.runNow(sendOut);
		assertThat(invitationsTo(this.conversation)).hasSize(1);
		assertThat(outboxChannel(sendOut)).isEqualTo("TEAMS");
	}

	@Test
	void triesAgainOnALaterRunWhenTeamsKeepsFailingAndStillSendsOnce() {
		SendOutId sendOut = define("leverans-senare");
		microsoft.failNextSends(30, 503, null);
		this.dispatcher.runNow(sendOut);
		assertThat(invitationsTo(this.conversation)).isEmpty();
		assertThat(outboxStatus(sendOut)).isEqualTo("PENDING");
		microsoft.reset();
		this.dispatcher.run();
		this.dispatcher.run();
		assertThat(invitationsTo(this.conversation)).hasSize(1);
	}

	@Test
	void handsTheMessageToEmailWhenTheAppIsBlocked() {
		SendOutId sendOut = define("leverans-403");
		microsoft.failNextSendsWithBody(1, 403,
				"{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}");
		this.dispatcher.runNow(sendOut);
		assertThat(invitationsTo(this.conversation)).isEmpty();
		assertThat(outboxChannel(sendOut)).isEqualTo("EMAIL");
		assertThat(this.routes.isReachable(this.lena.id(), Channel.TEAMS)).isFalse();
	}

	@Test
	void neverSendsAgainWhatMayHaveArrived() {
		SendOutId sendOut = define("leverans-oviss");
		// the chat is known (Teams told us earlier), so the first request is the
		// invitation
		this.jdbc
			.sql("""
					INSERT INTO teams_conversation (aad_object_id, tenant_id, user_id, conversation_id, service_url, updated_at)
					VALUES (?, ?, '29:lena', ?, ?, CURRENT_TIMESTAMP)
					""")
			.params(this.lena.teams().entraObjectId(), this.lena.teams().tenantId(), this.conversation,
					microsoft.serviceUrl())
			.update();
		microsoft.delaySends(1500);
		this.dispatcher.runNow(sendOut);
		microsoft.delaySends(0);
		this.dispatcher.run();
		this.clock.advance(Duration.ofHours(1));
		this.dispatcher.run();
		List<Sent> attempts = microsoft.sent()
			.stream()
			.filter(sent -> this.conversation.equals(sent.conversationId()) && sent.card().isPresent())
			.toList();
		assertThat(attempts).hasSize(1);
		assertThat(this.jdbc.sql("SELECT status FROM teams_sent WHERE send_key LIKE 'leverans-oviss/%'")
			.query(String.class)
			.list()).containsExactly("UNCERTAIN");
	}

	@Test
	void aReplyThatFirstFailsIsSentOnceWhenTeamsRecovers() throws Exception {
		define("leverans-svar");
		this.dispatcher.run();
		int before = microsoft.delivered().size();
		microsoft.failNextSends(1, 504, null);
		TeamsActivities chat = TeamsActivities.from("29:lena", this.lena.teams().entraObjectId(),
				microsoft.serviceUrl());
		post(chat.message("svar-" + UUID.randomUUID(), "hjälp"));
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until && delivered(before, "hoppa över") == 0) {
			Thread.sleep(20);
		}
		Thread.sleep(300);
		assertThat(delivered(before, "hoppa över")).isEqualTo(1);
	}

	@Test
	void membersWithTeamsGetTheDigestsHeadlineFiguresAsACard() {
		SendOutRules defaults = SendOutRules.defaults(Stockholm.ZONE);
		SendOutId sendOut = new SendOutId("leverans-digest");
		this.sendOuts.define(new SendOut(sendOut, "Kartläggning steg 2", new QuestionnaireId("steg2"),
				new Audience(Set.of(), Set.of(new OrganisationId("karlskoga")), List.of(), false),
				at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test",
				new SendOutRules(defaults.reminders(), defaults.quietHours(), null, null,
						new DigestSchedule(DayOfWeek.MONDAY, true, Set.of(Network.SOCIALCHEFSNATVERKET), Set.of())),
				null));
		this.dispatcher.run();
		this.clock.set(at(2026, 12, 7, 9, 0));
		this.dispatcher.run();
		List<Sent> cards = microsoft.delivered()
			.stream()
			.filter(sent -> this.conversation.equals(sent.conversationId()))
			.filter(sent -> sent.card().map(card -> card.toString().contains("har svarat")).orElse(false))
			.toList();
		assertThat(cards).hasSize(1);
		assertThat(cards.get(0).card().orElseThrow().toString()).contains("Sammanställning: Kartläggning steg 2")
			.contains("Socialchefsnätverket")
			.contains("e-post");
		// the full digest went by email (the stand-in here), the card by Teams
		assertThat(this.jdbc
			.sql("SELECT channel FROM outbox WHERE send_out_id = ? AND person_id = ? AND kind = 'DIGEST'"
					+ " ORDER BY message_key")
			.params(sendOut.value(), this.lena.id().value())
			.query(String.class)
			.list()).containsExactly("EMAIL", "TEAMS");
	}

	private long delivered(int after, String text) {
		List<Sent> delivered = microsoft.delivered();
		return delivered.subList(after, delivered.size()).stream().filter(sent -> sent.text().contains(text)).count();
	}

	private SendOutId define(String id) {
		return Stockholm.stepTwo(this.sendOuts, id, "Kartläggning steg 2", "karlskoga");
	}

	private List<Sent> invitationsTo(String conversationId) {
		return microsoft.delivered()
			.stream()
			.filter(sent -> conversationId.equals(sent.conversationId()) && sent.text().contains("inbjuden"))
			.toList();
	}

	private String outboxChannel(SendOutId sendOut) {
		return outbox(sendOut, "channel");
	}

	private String outboxStatus(SendOutId sendOut) {
		return outbox(sendOut, "status");
	}

	private String outbox(SendOutId sendOut, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), this.lena.id().value())
			.query(String.class)
			.single();
	}

	private void post(String activity) throws Exception {
		assertThat(BotEndpoint.post(this.port, activity, microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
	}

}
