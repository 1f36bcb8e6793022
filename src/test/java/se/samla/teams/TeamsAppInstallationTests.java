package se.samla.teams;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

/**
 * Samla's app installed through Graph before the first chat where the tenant allows it,
 * and a person who removes the app asked by email from then on. WireMock stands in for
 * Graph, FakeMicrosoft for Teams and the tenant's token endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.teams.retry.initial-backoff=20ms" })
@Import(TestClockConfiguration.class)
class TeamsAppInstallationTests {

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	static final WireMockServer graph = new WireMockServer(options().dynamicPort());

	/** Lena Bergkvist's tenant in the shipped directory. */
	static final String TENANT = "7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37";

	static {
		graph.start();
	}

	@DynamicPropertySource
	static void teamsAndGraph(DynamicPropertyRegistry registry) {
		microsoft.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("samla.entra.graph.url", graph::baseUrl);
		registry.add("samla.entra.graph.teams-apps[" + TENANT + "]", () -> "catalog-karlskoga");
		registry.add("samla.entra.registrations[0].tenant-id", () -> TENANT);
		registry.add("samla.entra.registrations[0].app-id", () -> FakeMicrosoft.APP_ID);
		registry.add("samla.entra.registrations[0].client-secret", () -> "graph-secret");
		// the tenant's token endpoint is FakeMicrosoft's, for the bot's and Graph's
		// tokens
		registry.add("samla.entra.authority", microsoft::authority);
		registry.add("samla.entra.registrations[0].organisations", () -> "karlskoga");
		registry.add("samla.entra.registrations[0].install-app", () -> "true");
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

	String installedApps;

	@BeforeEach
	void setUp() {
		microsoft.reset();
		microsoft.addTenant(TENANT, FakeMicrosoft.APP_ID, "graph-secret");
		graph.resetAll();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.jdbc.sql("DELETE FROM teams_conversation").update();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.lena = this.directory.personByEmail("lena.bergkvist@example.org").orElseThrow();
		this.installedApps = "/v1.0/users/" + this.lena.teams().entraObjectId() + "/teamwork/installedApps";
		this.clock.set(at(2026, 12, 1, 9, 0));
	}

	@Test
	void theAppIsInstalledForAPersonWithoutAChatAndTheInvitationGoesByTeams() {
		graph.stubFor(post(urlPathEqualTo(this.installedApps))
			.withHeader("Authorization", equalTo("Bearer " + FakeMicrosoft.graphToken(TENANT)))
			.withRequestBody(equalToJson("{\"teamsApp@odata.bind\":\"" + graph.baseUrl()
					+ "/v1.0/appCatalogs/teamsApps/catalog-karlskoga\"}"))
			.willReturn(aResponse().withStatus(201)));
		SendOutId sendOut = define("installera-appen");

		this.dispatcher.runNow(sendOut);

		assertThat(graph.findAll(postRequestedFor(urlPathEqualTo(this.installedApps)))).hasSize(1);
		assertThat(invitations()).hasSize(1);
		assertThat(outbox(sendOut, "channel")).isEqualTo("TEAMS");
	}

	@Test
	void anAppAlreadyInstalledIsFine() {
		graph.stubFor(post(urlPathEqualTo(this.installedApps)).willReturn(aResponse().withStatus(409)));
		SendOutId sendOut = define("redan-installerad");

		this.dispatcher.runNow(sendOut);

		assertThat(invitations()).hasSize(1);
		assertThat(outbox(sendOut, "channel")).isEqualTo("TEAMS");
	}

	@Test
	void anInstallationGraphRefusesSendsTheMessageByEmailWithTheReason() {
		graph.stubFor(post(urlPathEqualTo(this.installedApps)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions on the request.\"}}")));
		SendOutId sendOut = define("installation-nekad");

		this.dispatcher.runNow(sendOut);

		assertThat(invitations()).isEmpty();
		assertThat(outbox(sendOut, "channel")).isEqualTo("EMAIL");
		assertThat(this.routes.isReachable(this.lena.id(), Channel.TEAMS)).isFalse();
		assertThat(this.jdbc.sql("SELECT reason FROM contact_route WHERE person_id = ?")
			.param(this.lena.id().value())
			.query(String.class)
			.single())
			.isEqualTo("Teams app could not be installed (HTTP 403 Forbidden: Missing role permissions on"
					+ " the request.)");
	}

	@Test
	void removingTheAppSendsTheNextMessageByEmailAndAddingItBackByTeams() throws Exception {
		graph.stubFor(post(urlPathEqualTo(this.installedApps)).willReturn(aResponse().withStatus(409)));
		TeamsActivities chat = TeamsActivities.from("29:lena", this.lena.teams().entraObjectId(),
				microsoft.serviceUrl());

		deliver(chat.installationRemove("borttagen-" + UUID.randomUUID()));
		awaitTeamsReachable(false);
		SendOutId first = define("efter-borttagning");
		this.dispatcher.runNow(first);

		assertThat(outbox(first, "channel")).isEqualTo("EMAIL");
		assertThat(invitations()).isEmpty();

		deliver(chat.installationAdd("tillagd-" + UUID.randomUUID()));
		awaitTeamsReachable(true);
		SendOutId second = define("efter-tillaggning");
		this.dispatcher.runNow(second);

		assertThat(outbox(second, "channel")).isEqualTo("TEAMS");
	}

	private void awaitTeamsReachable(boolean reachable) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until && this.routes.isReachable(this.lena.id(), Channel.TEAMS) != reachable) {
			Thread.sleep(20);
		}
		assertThat(this.routes.isReachable(this.lena.id(), Channel.TEAMS)).isEqualTo(reachable);
	}

	private SendOutId define(String id) {
		return Stockholm.stepTwo(this.sendOuts, id, "Kartläggning steg 2", "karlskoga");
	}

	private List<Sent> invitations() {
		return microsoft.delivered().stream().filter(sent -> sent.text().contains("inbjuden")).toList();
	}

	private String outbox(SendOutId sendOut, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), this.lena.id().value())
			.query(String.class)
			.single();
	}

	private void deliver(String activity) throws Exception {
		assertThat(BotEndpoint.post(this.port, activity, microsoft.bearer(microsoft.serviceUrl()))).isEqualTo(200);
	}

}
