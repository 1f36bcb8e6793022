package se.samla.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.AuditEntry;
import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
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
import se.samla.surveys.AnswerValue;

/**
 * A chief answers the step-2 questionnaire in Teams through signed activities, end to
 * end: the invitation opens the chat, cards and typed text answer, skip, back and edit
 * work, a pause resumes where it stopped, the response is submitted and changed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.teams.retry.initial-backoff=20ms",
				// every test talks in the same chat: Teams' 60 messages in 30 seconds per
				// chat would make the later ones wait (the limits are ThrottleTests' job)
				"samla.teams.limits.per-conversation-per30-seconds=100000",
				"samla.teams.limits.per-conversation-per-hour=100000" })
@Import(TestClockConfiguration.class)
class TeamsConversationTests {

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	static final ObjectMapper json = new ObjectMapper();

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
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Person lena;

	TeamsActivities chat;

	@BeforeEach
	void setUp() {
		microsoft.reset();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.jdbc.sql("DELETE FROM teams_conversation").update();
		this.jdbc.sql("DELETE FROM teams_sent WHERE send_key LIKE 'welcome/%'").update();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.lena = this.directory.personByEmail("lena.bergkvist@example.org").orElseThrow();
		this.chat = TeamsActivities.from("29:lena", this.lena.teams().entraObjectId(), microsoft.serviceUrl());
	}

	@Test
	void chiefAnswersTheWholeQuestionnaireInTeams() throws Exception {
		SendOutId sendOut = invite("teams-hela");

		// the invitation opened the chat and asks the first question
		Sent invitation = lastCard();
		assertThat(microsoft.sent()).anyMatch(sent -> sent.path().endsWith("/v3/conversations"));
		assertThat(invitation.text()).contains("Kartläggning steg 2 (Teams)").contains("18 december 2026");
		assertThat(text(invitation.card().orElseThrow())).contains("Fråga 1 av 5").contains("Vad ser ni för mönster");
		// and a button to the person's own answer pages in the browser
		assertThat(invitation.card().orElseThrow().path("actions").findValuesAsText("url"))
			.anyMatch(url -> url.matches("http://localhost:\\d+/svar/[A-Za-z0-9_-]{43}"));

		// q1 by the card
		int before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(invitation),
				value("answer", sendOut, "q1").put("answer", "Bristen på sjuksköterskor växer.")));
		Sent q2 = awaitCard(before, "Fråga 2 av 5");
		assertThat(updates(before)).anyMatch(update -> text(update.card().orElseThrow()).contains("Sparat")
				&& text(update.card().orElseThrow()).contains("Bristen på sjuksköterskor växer."));

		// q2 typed
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "Vi gör rekryteringsträffar och har en introduktionsutbildning."));
		awaitCard(before, "Fråga 3 av 5");
		assertThat(updates(before)).anyMatch(update -> activityId(q2).equals(update.updatedActivityId()));

		// back to q2: the card shows the answer given, to edit
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "tillbaka"));
		Sent q2again = awaitCard(before, "Fråga 2 av 5");
		assertThat(q2again.card().orElseThrow().toString()).contains("Vi gör rekryteringsträffar");
		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(q2again),
				value("answer", sendOut, "q2").put("answer", "Rekryteringsträffar, introduktion och mentorskap.")));
		Sent q3 = awaitCard(before, "Fråga 3 av 5");

		// an empty answer to a required question: the error is shown on the card itself
		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(q3), value("answer", sendOut, "q3").put("answer", " ")));
		Sent error = await(before, sent -> sent.isUpdate() && activityId(q3).equals(sent.updatedActivityId()));
		assertThat(text(error.card().orElseThrow())).contains("⚠");

		// q3, q4 typed; q5 (optional) skipped by command
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "Validering av undersköterskor."));
		awaitCard(before, "Fråga 4 av 5");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "Gemensam marknadsföring av yrkena."));
		awaitCard(before, "Fråga 5 av 5");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "hoppa över"));
		Sent summary = awaitCard(before, "Sammanfattning");
		assertThat(text(summary.card().orElseThrow())).contains("Rekryteringsträffar, introduktion och mentorskap.")
			.contains("överhoppad");

		// submit from the summary card
		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(summary), value("submit", sendOut, null)));
		Sent confirmation = await(before, sent -> sent.text().contains("inskickat"));
		assertThat(confirmation.text()).contains("Kartläggning steg 2 (Teams)");
		assertThat(this.responses.hasSubmitted(sendOut, this.lena.id())).isTrue();

		// changed after submitting: still submitted, the new answer recorded
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "ändra 4"));
		awaitCard(before, "Fråga 4 av 5");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "Gemensam marknadsföring och praktikplatser."));
		await(before, sent -> sent.card().map(card -> text(card).contains("Sammanfattning")).orElse(false));
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(state.isSubmitted()).isTrue();
		assertThat(state.step(StepKey.parse("q4")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Gemensam marknadsföring och praktikplatser."));
		assertThat(this.responses.history(state.id())).extracting(AuditEntry::channel).containsOnly(Channel.TEAMS);
	}

	@Test
	void aCardSupersededByTillbakaSaysSoAndItsInputIsNotTakenAsAnAnswer() throws Exception {
		SendOutId sendOut = invite("teams-ersatt");
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "Bristen växer."));
		awaitCard(before, "Fråga 2 av 5");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "Vi rekryterar."));
		Sent q3 = awaitCard(before, "Fråga 3 av 5");

		// back to q2: the q3 card is updated to say it no longer applies, without inputs
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "tillbaka"));
		awaitCard(before, "Fråga 2 av 5");
		Sent superseded = await(before, sent -> sent.isUpdate() && activityId(q3).equals(sent.updatedActivityId()));
		assertThat(text(superseded.card().orElseThrow())).contains("Det här kortet gäller inte längre")
			.doesNotContain("Fråga 3 av 5");
		assertThat(superseded.card().orElseThrow().has("actions")).isFalse();
		assertThat(superseded.card().orElseThrow().findValues("id")).isEmpty();

		// what was still typed into the old q3 card is not taken as an answer
		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(q3),
				value("answer", sendOut, "q3").put("answer", "Från det gamla kortet.")));
		await(before, sent -> sent.text().contains("Det kortet gäller inte längre"));
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(state.step(StepKey.parse("q3")).orElseThrow().answer()).isNull();
	}

	@Test
	void onlyTheLatestOfTwoCardsForTheSameQuestionTakesInput() throws Exception {
		SendOutId sendOut = invite("teams-tva-kort");
		Sent first = microsoft.delivered()
			.stream()
			.filter(sent -> sent.card().isPresent() && !sent.isUpdate()
					&& sent.conversationId().equals("a:conv-" + this.lena.teams().entraObjectId()))
			.reduce((earlier, later) -> later)
			.orElseThrow();
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "fortsätt"));
		Sent second = awaitCard(before, "Fråga 1 av 5");
		await(before, sent -> sent.isUpdate() && activityId(first).equals(sent.updatedActivityId())
				&& text(sent.card().orElseThrow()).contains("gäller inte längre"));

		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(first), value("answer", sendOut, "q1").put("answer", "Gammalt.")));
		await(before, sent -> sent.text().contains("Det kortet gäller inte längre"));
		before = microsoft.delivered().size();
		post(this.chat.cardSubmit(id(), activityId(second), value("answer", sendOut, "q1").put("answer", "Nytt.")));
		awaitCard(before, "Fråga 2 av 5");
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(state.step(StepKey.parse("q1")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Nytt."));
	}

	@Test
	void anActionExecuteIsAnsweredWithAnInvokeResponseAndTakenAsAnAnswer() throws Exception {
		SendOutId sendOut = invite("teams-execute");
		Sent invitation = microsoft.delivered()
			.stream()
			.filter(sent -> sent.card().isPresent() && !sent.isUpdate()
					&& sent.conversationId().equals("a:conv-" + this.lena.teams().entraObjectId()))
			.reduce((earlier, later) -> later)
			.orElseThrow();
		int before = microsoft.delivered().size();
		HttpResponse<String> response = BotEndpoint.exchange(this.port,
				this.chat.cardExecute(id(), activityId(invitation), "answer",
						value("answer", sendOut, "q1").put("answer", "Svar via Action.Execute.")),
				microsoft.bearer(microsoft.serviceUrl()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		JsonNode invokeResponse = json.readTree(response.body());
		assertThat(invokeResponse.path("statusCode").asInt()).isEqualTo(200);
		assertThat(invokeResponse.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
		assertThat(invokeResponse.path("value").asText()).contains("Tack");

		awaitCard(before, "Fråga 2 av 5");
		assertThat(updates(before)).anyMatch(update -> activityId(invitation).equals(update.updatedActivityId())
				&& text(update.card().orElseThrow()).contains("Svar via Action.Execute."));
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(state.step(StepKey.parse("q1")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Svar via Action.Execute."));
	}

	@Test
	void resumesWhereThePersonLeftOffAndShowsWhatWasAnsweredByEmailMeanwhile() throws Exception {
		SendOutId sendOut = invite("teams-paus");
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "Vi ser en växande brist."));
		awaitCard(before, "Fråga 2 av 5");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "pausa"));
		await(before, sent -> sent.text().contains("pausar"));

		// days later, q2 was answered by email
		this.clock.advance(Duration.ofDays(3));
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		this.responses.answer(state.id(), StepKey.parse("q2"), new AnswerValue.TextAnswer("Svar via mejl."),
				Source.of(Channel.EMAIL, "<mejl@example.org>"));

		before = microsoft.delivered().size();
		post(this.chat.message(id(), "fortsätt"));
		Sent note = await(before, sent -> sent.text().contains("Fråga 2 är redan besvarad"));
		assertThat(note.text()).contains("e-post");
		awaitCard(before, "Fråga 3 av 5");
	}

	@Test
	void anActivityDeliveredTwiceIsHandledOnce() throws Exception {
		SendOutId sendOut = invite("teams-dubblett");
		String activity = this.chat.message("dubblett-1", "Ett svar som kommer två gånger.");
		int before = microsoft.delivered().size();
		assertThat(post(activity)).isEqualTo(200);
		assertThat(post(activity)).isEqualTo(200);
		awaitCard(before, "Fråga 2 av 5");
		Thread.sleep(500);
		assertThat(microsoft.delivered().subList(before, microsoft.delivered().size()))
			.filteredOn(sent -> sent.card().map(card -> text(card).contains("Fråga 2 av 5")).orElse(false))
			.hasSize(1);
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(this.responses.history(state.id())).filteredOn(entry -> entry.step() != null).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound WHERE activity_id = 'dubblett-1'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void typedHelpAndUnclearTextGetAShortHelp() throws Exception {
		invite("teams-hjalp");
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "hjälp"));
		Sent help = await(before, sent -> sent.text().contains("hoppa över"));
		assertThat(help.text()).contains("tillbaka").contains("ändra 3").contains("visa svar").contains("skicka");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "ändra 42"));
		await(before, sent -> sent.text().contains("Det finns ingen fråga 42"));
	}

	@Test
	void aMessageWithoutFractionalSecondsIsKeptAndAnswered() throws Exception {
		SendOutId sendOut = invite("teams-tidsstampel");
		int before = microsoft.delivered().size();
		ObjectNode typed = (ObjectNode) json.readTree(this.chat.message(id(), "Bristen växer."));
		typed.put("timestamp", "2026-12-04T08:01:37Z");
		typed.put("localTimestamp", "2026-12-04T09:01:37+01:00");
		post(typed.toString());
		awaitCard(before, "Fråga 2 av 5");
		before = microsoft.delivered().size();
		ObjectNode odd = (ObjectNode) json.readTree(this.chat.message(id(), "Vi rekryterar."));
		odd.put("timestamp", "2026-12-04T08:02:10+00:00");
		odd.put("localTimestamp", "inte en tid");
		odd.put("entities", "inte en lista");
		post(odd.toString());
		awaitCard(before, "Fråga 3 av 5");
		ResponseState state = this.responses.find(sendOut, this.lena.id()).orElseThrow();
		assertThat(state.step(StepKey.parse("q1")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Bristen växer."));
		assertThat(state.step(StepKey.parse("q2")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Vi rekryterar."));
	}

	@Test
	void someoneNotInTheDirectoryIsToldSoAndNothingIsRecorded() throws Exception {
		TeamsActivities stranger = TeamsActivities.from("29:stranger", "99999999-9999-4999-8999-999999999999",
				microsoft.serviceUrl());
		int before = microsoft.delivered().size();
		post(stranger.message(id(), "Hej!"));
		await(before, sent -> sent.text().contains("hittar dig inte"));
	}

	@Test
	void englishSpeakersGetEnglish() throws Exception {
		Person sara = this.directory.personByEmail("sara.ahmadi@example.org").orElseThrow();
		SendOutId sendOut = new SendOutId("teams-english");
		Stockholm.stepTwo(this.sendOuts, sendOut.value(), "Mapping step 2", "orebro");
		this.clock.set(at(2026, 12, 1, 9, 0));
		int before = microsoft.delivered().size();
		this.dispatcher.runNow(sendOut);
		Sent invitation = await(before,
				sent -> sent.card().isPresent() && sent.conversationId().contains(sara.teams().entraObjectId()));
		assertThat(invitation.text()).contains("You are invited").contains("18 December 2026");
		assertThat(text(invitation.card().orElseThrow())).contains("Question 1 of 5");
	}

	@Test
	void remembersTheChatWhenTheAppIsInstalledAndWelcomesOnce() throws Exception {
		int before = microsoft.delivered().size();
		post(this.chat.installationAdd(id()));
		await(before, sent -> sent.text().contains("Jag är Samla"));
		assertThat(reference("conversation_id")).isEqualTo("a:conv-" + this.lena.teams().entraObjectId());
		assertThat(reference("user_id")).isEqualTo("29:lena");
		post(this.chat.membersAdded(id()));
		Thread.sleep(300);
		assertThat(microsoft.delivered().subList(before, microsoft.delivered().size()))
			.filteredOn(sent -> sent.text().contains("Jag är Samla"))
			.hasSize(1);
	}

	@Test
	void followsTheChatWhenTeamsMovesItToAnotherServiceUrl() throws Exception {
		int before = microsoft.delivered().size();
		post(this.chat.membersAdded(id()));
		await(before, sent -> sent.text().contains("Jag är Samla"));
		assertThat(reference("service_url")).isEqualTo(microsoft.serviceUrl());
		// another URL for the same (test) Bot Connector: what matters is that the newest
		// is kept and used
		String moved = microsoft.serviceUrl().replace("localhost", "LOCALHOST");
		TeamsActivities elsewhere = TeamsActivities.from("29:lena", this.lena.teams().entraObjectId(), moved);
		post(elsewhere.message(id(), "hjälp"), moved);
		await(before, sent -> sent.text().contains("hoppa över"));
		assertThat(reference("service_url")).isEqualTo(moved);
	}

	@Test
	void englishCommandsWorkToo() throws Exception {
		invite("teams-engelska-kommandon");
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "show answers"));
		awaitCard(before, "Sammanfattning");
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "change 2"));
		awaitCard(before, "Fråga 2 av 5");
	}

	@Test
	void acknowledgesAtOnceWhileTeamsIsSlowToTakeTheReply() throws Exception {
		invite("teams-langsam");
		microsoft.delaySends(1500);
		try {
			int before = microsoft.delivered().size();
			String activity = id();
			post(this.chat.message(activity, "hjälp"));
			// acknowledged while the reply still waits for Teams (which answers after 1.5
			// s)
			assertThat(this.jdbc.sql("SELECT status FROM teams_inbound WHERE activity_id = ?")
				.param(activity)
				.query(String.class)
				.single()).isEqualTo("RECEIVED");
			await(before, sent -> sent.text().contains("hoppa över"));
		}
		finally {
			microsoft.delaySends(0);
		}
	}

	@Test
	void anActivityKeptBeforeTheProcessStoppedIsAnsweredAfterwards() throws Exception {
		invite("teams-krasch");
		// kept and claimed by an instance that died before answering: its lease has run
		// out
		this.jdbc.sql("""
				INSERT INTO teams_inbound (id, conversation_id, activity_id, activity_type, body, received_at, status,
				    attempts, claimed_by, claimed_until)
				VALUES (?, ?, 'kept-before-crash', 'message', ?, ?, 'RECEIVED', 1, 'dead-instance', ?)
				""")
			.params(UUID.randomUUID(), "a:conv-" + this.lena.teams().entraObjectId(),
					this.chat.message("kept-before-crash", "Vi har ett tydligt mönster av brist.")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					se.samla.shared.SqlTime.toSql(this.clock.instant().minus(Duration.ofMinutes(5))),
					se.samla.shared.SqlTime.toSql(this.clock.instant().minus(Duration.ofMinutes(1))))
			.update();
		int before = microsoft.delivered().size();
		awaitCard(before, "Fråga 2 av 5");
		ResponseState state = this.responses.find(new SendOutId("teams-krasch"), this.lena.id()).orElseThrow();
		assertThat(state.step(StepKey.parse("q1")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.TextAnswer("Vi har ett tydligt mönster av brist."));
	}

	@Test
	void typedSubmitSendsTheResponseWhenEverythingRequiredIsAnswered() throws Exception {
		SendOutId sendOut = invite("teams-skicka");
		int before = microsoft.delivered().size();
		post(this.chat.message(id(), "skicka"));
		await(before, sent -> sent.text().contains("saknas svar"));
		assertThat(this.responses.hasSubmitted(sendOut, this.lena.id())).isFalse();
		for (String answer : List.of("Ett", "Två", "Tre", "Fyra")) {
			before = microsoft.delivered().size();
			post(this.chat.message(id(), answer));
			await(before, sent -> sent.card().isPresent() && !sent.isUpdate());
		}
		before = microsoft.delivered().size();
		post(this.chat.message(id(), "skicka"));
		await(before, sent -> sent.text().contains("inskickat"));
		assertThat(this.responses.hasSubmitted(sendOut, this.lena.id())).isTrue();
	}

	// --- helpers

	private String reference(String column) {
		return this.jdbc.sql("SELECT " + column + " FROM teams_conversation WHERE aad_object_id = ?")
			.param(this.lena.teams().entraObjectId())
			.query(String.class)
			.single();
	}

	private SendOutId invite(String id) throws Exception {
		SendOutId sendOut = Stockholm.stepTwo(this.sendOuts, id, "Kartläggning steg 2 (Teams)", "karlskoga");
		this.clock.set(at(2026, 12, 1, 9, 0));
		int before = microsoft.delivered().size();
		this.dispatcher.run();
		await(before, sent -> sent.card().isPresent());
		return sendOut;
	}

	private Sent lastCard() {
		List<Sent> delivered = microsoft.delivered();
		for (int i = delivered.size() - 1; i >= 0; i--) {
			if (delivered.get(i).card().isPresent() && !delivered.get(i).isUpdate()) {
				return delivered.get(i);
			}
		}
		throw new AssertionError("no card sent");
	}

	private Sent awaitCard(int after, String contains) throws InterruptedException {
		return await(after,
				sent -> !sent.isUpdate() && sent.card().map(card -> text(card).contains(contains)).orElse(false));
	}

	private List<Sent> updates(int after) {
		List<Sent> delivered = microsoft.delivered();
		return delivered.subList(after, delivered.size()).stream().filter(Sent::isUpdate).toList();
	}

	/**
	 * Waits (at most 10 s) for the bot to send something matching, after the given count.
	 */
	private Sent await(int after, Predicate<Sent> matching) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until) {
			List<Sent> delivered = microsoft.delivered();
			for (Sent sent : delivered.subList(Math.min(after, delivered.size()), delivered.size())) {
				if (matching.test(sent)) {
					return sent;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the bot sent nothing matching; it sent: " + microsoft.delivered()
			.subList(Math.min(after, microsoft.delivered().size()), microsoft.delivered().size()));
	}

	private int post(String activity) throws Exception {
		return post(activity, microsoft.serviceUrl());
	}

	private int post(String activity, String serviceUrl) throws Exception {
		int status = BotEndpoint.post(this.port, activity, microsoft.bearer(serviceUrl));
		assertThat(status).as("status of /api/messages").isEqualTo(200);
		return status;
	}

	private static ObjectNode value(String action, SendOutId sendOut, String step) {
		ObjectNode value = json.createObjectNode().put("samla", action).put("sendOut", sendOut.value());
		if (step != null) {
			value.put("step", step);
		}
		return value;
	}

	/** The id Teams gave a message the bot sent (the fake answers with it). */
	private static String activityId(Sent sent) {
		return sent.activityId();
	}

	/** All the text of a card, to search in. */
	private static String text(JsonNode card) {
		StringBuilder text = new StringBuilder();
		card.findValues("text").forEach(node -> text.append(node.asText()).append('\n'));
		return text.toString();
	}

	private static String id() {
		return "act-" + UUID.randomUUID();
	}

}
