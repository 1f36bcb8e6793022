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
import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientStatus;
import se.samla.campaigns.SendOutQueries;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.BotEndpoint;
import se.samla.support.FakeMicrosoft;
import se.samla.support.FakeMicrosoft.Sent;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TeamsActivities;
import se.samla.support.TestClockConfiguration;
import se.samla.teams.TeamsStatus.Problem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

/**
 * Samla's app installed through Graph before the first chat where the tenant allows it; a
 * refused installation asked again later (after a day, or once it worked for someone else
 * in the tenant), a Graph that does not answer asked again with the next message; and a
 * person who removes the app asked by email from then on. WireMock stands in for Graph,
 * FakeMicrosoft for Teams and the tenant's token endpoint.
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

	static final String INSTALLED_APPS = "/v1.0/users/[^/]+/teamwork/installedApps";

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
	TeamsTenants tenants;

	@Autowired
	SendOutQueries queries;

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
		this.jdbc.sql("DELETE FROM teams_app_install").update();
		this.jdbc.sql("DELETE FROM teams_tenant_problem").update();
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
	void anInstallationGraphRefusesSendsTheMessageByEmailAndShowsTheReason() {
		refuseInstallations();
		SendOutId sendOut = define("installation-nekad");

		this.dispatcher.runNow(sendOut);

		assertThat(invitations()).isEmpty();
		assertThat(outbox(sendOut, "channel")).isEqualTo("EMAIL");
		// email is a stand-in here: it logs what it would send
		assertThat(outbox(sendOut, "status")).isEqualTo("LOGGED");
		// not broken for good: the installation is asked again for a later message
		assertThat(this.routes.isReachable(this.lena.id(), Channel.TEAMS)).isTrue();
		String reason = "HTTP 403 Forbidden: Missing role permissions on the request.";
		assertThat(this.tenants.status().problems())
			.anySatisfy(problem -> assertThat(problem).extracting(Problem::tenantId, Problem::kind, Problem::reason)
				.containsExactly(TENANT, "APP_NOT_INSTALLED", reason));
		RecipientStatus status = this.queries.recipients(sendOut)
			.stream()
			.filter(recipient -> recipient.person().equals(this.lena.id()))
			.findFirst()
			.orElseThrow();
		assertThat(status.unreachable()).isEmpty();
		assertThat(status.reasons()).anySatisfy(fact -> {
			assertThat(fact).isInstanceOf(RecipientFact.TeamsAppNotInstalled.class);
			assertThat(((RecipientFact.TeamsAppNotInstalled) fact).reason()).isEqualTo(reason);
			assertThat(this.queries.texts().describe(fact, Language.SV))
				.isEqualTo("Teams-appen kunde inte installeras 1 december 2026 (" + reason
						+ "); får e-post tills appen kan installeras");
		});
	}

	@Test
	void aRefusedInstallationIsAskedAgainADayLaterAndTheMessageThenGoesByTeams() {
		refuseInstallations();
		SendOutId first = define("nekad-forst");
		this.dispatcher.runNow(first);
		assertThat(outbox(first, "channel")).isEqualTo("EMAIL");

		// the tenant grants the permission; within the day Samla does not ask again
		allowInstallations();
		this.clock.set(at(2026, 12, 1, 15, 0));
		SendOutId sameDay = define("samma-dag");
		this.dispatcher.runNow(sameDay);

		assertThat(installRequests()).isEqualTo(1);
		assertThat(outbox(sameDay, "channel")).isEqualTo("EMAIL");

		this.clock.set(at(2026, 12, 2, 9, 30));
		SendOutId nextDay = define("nasta-dag");
		this.dispatcher.runNow(nextDay);

		assertThat(installRequests()).isEqualTo(2);
		assertThat(outbox(nextDay, "channel")).isEqualTo("TEAMS");
		assertThat(invitations()).hasSize(1);
		assertThat(this.tenants.status().problems()).noneMatch(problem -> problem.kind().equals("APP_NOT_INSTALLED"));
		assertEachSentOnce(first, sameDay, nextDay);
	}

	@Test
	void anInstallationThatWorksForSomeoneElseInTheTenantIsAskedAgainAtOnceForThoseRefused() {
		refuseInstallations();
		SendOutId first = define("nekad-innan-medgivande");
		this.dispatcher.runNow(first);
		assertThat(outbox(first, "channel")).isEqualTo("EMAIL");

		// the grant came: Sara, of the same tenant, gets the app an hour later
		allowInstallations();
		this.clock.set(at(2026, 12, 1, 10, 0));
		Person sara = this.directory.personByEmail("sara.ahmadi@example.org").orElseThrow();
		SendOutId orebro = Stockholm.stepTwo(this.sendOuts, "orebro-efter-medgivande", "Kartläggning steg 2", "orebro");
		this.dispatcher.runNow(orebro);
		assertThat(this.jdbc.sql("SELECT channel FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(orebro.value(), sara.id().value())
			.query(String.class)
			.single()).isEqualTo("TEAMS");

		this.clock.set(at(2026, 12, 1, 11, 0));
		SendOutId second = define("efter-medgivande");
		this.dispatcher.runNow(second);

		assertThat(outbox(second, "channel")).isEqualTo("TEAMS");
		assertThat(graph.findAll(postRequestedFor(urlPathEqualTo(this.installedApps)))).hasSize(2);
	}

	@Test
	void aGraphThatDoesNotAnswerIsNoRefusalAndTheNextMessageAsksAgain() {
		graph.stubFor(post(urlPathMatching(INSTALLED_APPS)).willReturn(aResponse().withStatus(503)
			.withHeader("Retry-After", "0")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"Try again later.\"}}")));
		SendOutId first = define("graph-svarar-inte");

		this.dispatcher.runNow(first);

		assertThat(outbox(first, "channel")).isEqualTo("EMAIL");
		assertThat(this.routes.isReachable(this.lena.id(), Channel.TEAMS)).isTrue();
		assertThat(this.tenants.status().problems()).noneMatch(problem -> problem.kind().equals("APP_NOT_INSTALLED"));

		// Graph is back a minute later: no back-off for a Graph that did not answer
		allowInstallations();
		this.clock.set(at(2026, 12, 1, 9, 1));
		SendOutId second = define("graph-svarar-igen");
		this.dispatcher.runNow(second);

		assertThat(outbox(second, "channel")).isEqualTo("TEAMS");
		assertThat(invitations()).hasSize(1);
		assertEachSentOnce(first, second);
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

	private void refuseInstallations() {
		graph.stubFor(post(urlPathMatching(INSTALLED_APPS)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions on the request.\"}}")));
	}

	private void allowInstallations() {
		graph.resetMappings();
		graph.stubFor(post(urlPathMatching(INSTALLED_APPS)).willReturn(aResponse().withStatus(201)));
	}

	private int installRequests() {
		return graph.findAll(postRequestedFor(urlPathEqualTo(this.installedApps))).size();
	}

	/**
	 * Each send-out's message to Lena went out once, by one channel, and was not lost
	 * (email is a stand-in here: it logs what it would send).
	 */
	private void assertEachSentOnce(SendOutId... sendOuts) {
		for (SendOutId sendOut : sendOuts) {
			assertThat(
					this.jdbc.sql("SELECT channel || '/' || status FROM outbox WHERE send_out_id = ? AND person_id = ?")
						.params(sendOut.value(), this.lena.id().value())
						.query(String.class)
						.list())
				.as(sendOut.value())
				.singleElement()
				.isIn("TEAMS/SENT", "EMAIL/LOGGED");
		}
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
