package se.samla.ops;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.surveys.AnswerValue;
import se.samla.support.ShippedSendOuts;
import se.samla.support.TestClockConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The read-only JSON endpoints: what they show, and 4xx (never 500) for bad requests. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class OperatorApiTests {

	@DynamicPropertySource
	static void enableTheShippedSendOuts(DynamicPropertyRegistry registry) {
		ShippedSendOuts.enable(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Test
	void listsTheLoadedQuestionnairesWithTheirVersions() throws Exception {
		this.mvc.perform(get("/api/questionnaires"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem("steg2")))
			.andExpect(jsonPath("$[?(@.id == 'steg2')].questions", hasItem(5)))
			.andExpect(jsonPath("$[0].version").isString());
		this.mvc.perform(get("/api/questionnaires/steg1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[0].id").isString());
	}

	@Test
	void listsTheShippedSendOutsWithStateAndRecipients() throws Exception {
		this.mvc.perform(get("/api/send-outs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem("steg2-2026")))
			.andExpect(jsonPath("$[?(@.id == 'steg2-2026')].state", hasItem("OPEN")));
	}

	@Test
	void showsOneResponseWithItsStepsAndAuditTrail() throws Exception {
		var chief = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		ResponseState state = this.responses.startOrResume(new SendOutId("steg2-2026"), chief.id(), Channel.TEAMS);

		this.mvc.perform(get("/api/responses/{id}", state.id().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.response.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.steps.length()").value(5))
			.andExpect(jsonPath("$.history[0].action").value("STARTED"));
		this.mvc.perform(get("/api/send-outs/steg2-2026/responses"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(state.id().toString())));
	}

	@Test
	void writesIdsAsPlainStrings() throws Exception {
		var chief = this.directory.members(Network.HR_CHEFSNATVERKET).get(0);
		ResponseState state = this.responses.startOrResume(new SendOutId("steg2-2026"), chief.id(), Channel.EMAIL);
		this.responses.answer(state.id(), StepKey.of("q1"), new AnswerValue.TextAnswer("Fler praktikplatser"),
				Source.of(Channel.EMAIL, null));

		this.mvc.perform(get("/api/questionnaires/steg2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("steg2"));
		this.mvc.perform(get("/api/responses/{id}", state.id().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.response.id").value(state.id().toString()))
			.andExpect(jsonPath("$.response.person").value(chief.id().toString()))
			.andExpect(jsonPath("$.history[1].step").value("q1"));
		this.mvc.perform(get("/api/send-outs/steg2-2026/schedule"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].person").isString());
		for (String path : List.of("/api/questionnaires", "/api/questionnaires/steg1", "/api/questionnaires/steg2",
				"/api/send-outs", "/api/send-outs/steg2-2026/recipients", "/api/send-outs/steg2-2026/responses",
				"/api/responses/" + state.id(), "/api/email/review")) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("{\"value\":"))));
		}
	}

	@Test
	void listsRecipientsAndPreviewsADayAndPausesOnRequest() throws Exception {
		this.mvc.perform(get("/api/send-outs/steg2-2026/recipients"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(27))
			.andExpect(jsonPath("$[0].reasons[0].code").value("not-invited"))
			.andExpect(jsonPath("$[0].reason", startsWith("not invited yet")))
			.andExpect(jsonPath("$[0].status").value("waiting"));
		this.mvc.perform(get("/api/send-outs/steg2-2026/preview").param("date", "2026-12-02"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("REMINDER"))
			.andExpect(jsonPath("$[0].label").value("reminder 1"))
			.andExpect(jsonPath("$[0].channel").isString());
		this.mvc.perform(get("/api/send-outs/steg2-2026/schedule"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].label", hasItem("invitation")))
			.andExpect(jsonPath("$[*].label", hasItem("escalation")))
			.andExpect(jsonPath("$[*].label", hasItem("digest 1")))
			.andExpect(jsonPath("$[0].channel").isString());
		this.mvc.perform(get("/api/send-outs/nope/schedule")).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/send-outs/steg2-2026/pause"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PAUSED"));
		this.mvc.perform(post("/api/send-outs/steg2-2026/resume"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("OPEN"));
	}

	@Test
	void sendNowWithoutAConfiguredChannelReportsMessagesAsLoggedNotDeliveredAndResendLoggedQueuesThem()
			throws Exception {
		// No channel is configured in this test: every message meets a stand-in.
		this.mvc.perform(post("/api/send-outs/uppfoljning-2026/send-now"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.delivered").value(0))
			.andExpect(jsonPath("$.logged").value(greaterThan(0)));
		this.mvc.perform(get("/api/send-outs/uppfoljning-2026/recipients"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("logged only (no channel configured)"))
			.andExpect(jsonPath("$[0].loggedOnly").value(true))
			.andExpect(jsonPath("$[0].invitedAt").doesNotExist());
		this.mvc.perform(post("/api/send-outs/uppfoljning-2026/resend-logged"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requeued").value(greaterThan(0)));
		this.mvc.perform(post("/api/send-outs/no-such/resend-logged")).andExpect(status().isNotFound());
	}

	@Test
	void refusesMalformedOperatorActionsWithClientErrors() throws Exception {
		this.mvc.perform(post("/api/send-outs/no-such/pause")).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/send-outs/steg2-2026/extend").param("deadline", "next week"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/send-outs/steg2-2026/extend")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/send-outs/steg2-2026/preview").param("date", "31/12"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/send-outs/steg2-2026/extend").param("deadline", "2020-01-01"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void answersMalformedOrUnknownIdsWithClientErrors() throws Exception {
		this.mvc.perform(get("/api/responses/not-a-uuid")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/responses/00000000-0000-0000-0000-000000000000")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/send-outs/NOT VALID")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/send-outs/no-such-send-out")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/questionnaires/no-such")).andExpect(status().isNotFound());
	}

	@Test
	void refusesOperatorDataToRequestsFromOtherMachinesWhenNoTokenIsSet() throws Exception {
		this.mvc.perform(get("/api/send-outs").with(request -> {
			request.setRemoteAddr("192.0.2.10");
			return request;
		})).andExpect(status().isUnauthorized());
	}

}
