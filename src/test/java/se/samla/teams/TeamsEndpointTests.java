package se.samla.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.support.BotEndpoint;
import se.samla.support.FakeMicrosoft;
import se.samla.support.TeamsActivities;
import se.samla.support.TestClockConfiguration;

/**
 * {@code /api/messages} takes only what Teams signed for this bot, and answers anything
 * else with a 4xx, keeping nothing; what Teams signed it keeps, whatever the form of the
 * fields Samla does not need.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.teams.retry.initial-backoff=20ms" })
@Import(TestClockConfiguration.class)
class TeamsEndpointTests {

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	static final ObjectMapper json = new ObjectMapper();

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) {
		microsoft.properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final TeamsActivities chat = TeamsActivities.from("29:lena", "5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f",
			microsoft.serviceUrl());

	@BeforeEach
	void clear() {
		this.jdbc.sql("DELETE FROM teams_inbound").update();
	}

	@Test
	void acceptsAnActivitySignedForThisBot() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"), microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
		assertThat(kept()).isEqualTo(1);
	}

	@Test
	void refusesAnActivityWithoutAToken() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"), null)).isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void refusesAForgedToken() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"), microsoft.bearerSignedByStranger(microsoft.serviceUrl())))
			.isEqualTo(401);
		assertThat(post(this.chat.message(id(), "hjälp"), "Bearer not.a.token")).isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"), microsoft.bearerExpired(microsoft.serviceUrl())))
			.isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void refusesATokenForAnotherBot() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"),
				microsoft.bearerForAudience("0b0b0b0b-0000-4000-8000-000000000000", microsoft.serviceUrl())))
			.isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void refusesATokenIssuedForAnotherServiceUrl() throws Exception {
		assertThat(post(this.chat.message(id(), "hjälp"), microsoft.bearer("https://smba.trafficmanager.net/emea/")))
			.isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void refusesAServiceUrlOutsideTheAllowedHosts() throws Exception {
		String elsewhere = "https://attacker.example.com/teams/";
		TeamsActivities spoofed = TeamsActivities.from("29:lena", "5a2c6d8e-9f0b-4c1d-8e3f-4a5b6c7d8e9f", elsewhere);
		assertThat(post(spoofed.message(id(), "hjälp"), microsoft.bearer(elsewhere))).isEqualTo(401);
		assertThat(kept()).isZero();
	}

	@Test
	void answersMalformedJsonWith400() throws Exception {
		assertThat(post("{\"type\": \"message\", ", microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(400);
		assertThat(post("[1, 2, 3]", microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(400);
		assertThat(post("", microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(400);
		assertThat(kept()).isZero();
	}

	@Test
	void answersWhatIsNotAnActivityWithAProblemDetail() throws Exception {
		HttpResponse<String> response = BotEndpoint.exchange(this.port, "{\"text\": \"no type\"}",
				microsoft.bearer(microsoft.serviceUrl()));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400");
		assertThat(kept()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-04T08:01:37Z", "2026-12-04T08:01:37+00:00", "2026-12-04T09:01:37+01:00",
			"2026-12-04T09:01:37.1234567+01:00", "2026-12-04T09:01:37+0100", "2026-12-04T09:01+01:00",
			"2026-12-04t08:01:37z", "yesterday", "" })
	void keepsAnActivityWhateverTheFormOfItsTimestamps(String timestamp) throws Exception {
		ObjectNode activity = (ObjectNode) json.readTree(this.chat.message(id(), "hjälp"));
		activity.put("timestamp", timestamp);
		activity.put("localTimestamp", timestamp.replace("Z", "+01:00"));
		assertThat(post(activity.toString(), microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
		assertThat(kept()).isEqualTo(1);
	}

	@Test
	void keepsAnActivityWithFieldsInUnexpectedFormsThatSamlaDoesNotNeed() throws Exception {
		ObjectNode activity = (ObjectNode) json.readTree(this.chat.message(id(), "hjälp"));
		activity.put("attachments", 5);
		activity.put("entities", "not a list");
		activity.put("expiration", "tomorrow");
		((ObjectNode) activity.get("from")).putArray("role").add(1);
		assertThat(post(activity.toString(), microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
		assertThat(kept()).isEqualTo(1);
	}

	@Test
	void refusesAnOversizedBody() throws Exception {
		String huge = this.chat.message(id(), "x".repeat(300_000));
		assertThat(post(huge, microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(413);
		assertThat(kept()).isZero();
	}

	@Test
	void acknowledgesAndIgnoresAnUnknownActivityType() throws Exception {
		assertThat(post(this.chat.ofType(id(), "somethingNew"), microsoft.bearer(microsoft.serviceUrl())))
			.isEqualTo(200);
		assertThat(post(this.chat.ofType(id(), "typing"), microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
		assertThat(kept()).isZero();
	}

	private int kept() {
		return this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound").query(Integer.class).single();
	}

	private int post(String body, String authorization) throws Exception {
		return BotEndpoint.post(this.port, body, authorization);
	}

	private static String id() {
		return "act-" + UUID.randomUUID();
	}

}
