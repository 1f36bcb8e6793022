package se.samla.entra.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samla.entra.EntraProperties;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;
import se.samla.entra.GraphUsers.AppInstallation;
import se.samla.entra.GraphUsers.UserLookup;
import se.samla.entra.Registration;
import se.samla.support.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding people and installing the app through WireMock standing in for Microsoft Graph
 * and two tenants' token endpoints.
 */
class GraphUsersTests {

	static final String OREBRO = "0b6c1a1e-7d2f-4b7e-9a0c-111111111111";

	static final String KARLSKOGA = "0b6c1a1e-7d2f-4b7e-9a0c-222222222222";

	private static final String APP = "5a8f3e2d-3c4b-4a1f-8e7d-333333333333";

	private static final String ANNA = "9d3f0c1a-1111-4c2b-8a7d-aaaaaaaaaaaa";

	private final WireMockServer microsoft = new WireMockServer(options().dynamicPort());

	private final List<Duration> pauses = new ArrayList<>();

	private final Registration orebro = Registration.withSecret(OREBRO, APP, "a", "orebro");

	private final Registration karlskoga = Registration.withSecret(KARLSKOGA, APP, "b", "karlskoga");

	private GraphUsers graph;

	@BeforeEach
	void start() {
		this.microsoft.start();
		EntraTokenClient tokens = new EntraTokenClient(new EntraProperties(this.microsoft.baseUrl() + "/", List.of(),
				Duration.ofMinutes(5), Duration.ofSeconds(5)), new MutableClock(Instant.parse("2026-12-04T08:00:00Z")));
		this.graph = new GraphClient(new GraphProperties(this.microsoft.baseUrl(), Duration.ofSeconds(5), 4,
				Duration.ofMinutes(2), Map.of(KARLSKOGA, "catalog-karlskoga")), tokens, this.pauses::add);
		issue(OREBRO, "token-orebro");
		issue(KARLSKOGA, "token-karlskoga");
	}

	@AfterEach
	void stop() {
		this.microsoft.stop();
	}

	@Test
	void aUserIsFoundByAddressWithTheTokenOfTheirOwnTenant() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna.berg@karlskoga.se"))
			.withHeader("Authorization", equalTo("Bearer token-karlskoga"))
			.willReturn(okJson("{\"id\":\"" + ANNA.toUpperCase() + "\",\"mail\":\"anna.berg@karlskoga.se\"}")));

		assertThat(this.graph.find(this.karlskoga, "anna.berg@karlskoga.se"))
			.isEqualTo(new UserLookup.Found(ANNA, KARLSKOGA));
		this.microsoft.verify(getRequestedFor(urlPathEqualTo("/v1.0/users/anna.berg@karlskoga.se"))
			.withQueryParam("$select", equalTo("id,userPrincipalName,mail")));
	}

	@Test
	void anAddressThatIsNotTheUserPrincipalNameIsFoundByMailOrProxyAddress() {
		notByName("anna@orebro.se");
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users")).withHeader("ConsistencyLevel", equalTo("eventual"))
			.withQueryParam("$count", equalTo("true"))
			.withQueryParam("$filter",
					equalTo("mail eq 'anna@orebro.se' or proxyAddresses/any(p:p eq 'smtp:anna@orebro.se')"))
			.willReturn(okJson("{\"value\":[{\"id\":\"" + ANNA + "\"}]}")));

		assertThat(this.graph.find(this.orebro, "anna@orebro.se")).isEqualTo(new UserLookup.Found(ANNA, OREBRO));
	}

	@Test
	void twoUsersWithTheAddressAreAmbiguousAndNoneIsNotFound() {
		notByName("funktion@orebro.se");
		notByName("ingen@orebro.se");
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users"))
			.withQueryParam("$filter",
					equalTo("mail eq 'funktion@orebro.se' or proxyAddresses/any(p:p eq 'smtp:funktion@orebro.se')"))
			.willReturn(okJson("{\"value\":[{\"id\":\"" + ANNA + "\"},{\"id\":\"other\"}]}")));
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users"))
			.withQueryParam("$filter",
					equalTo("mail eq 'ingen@orebro.se' or proxyAddresses/any(p:p eq 'smtp:ingen@orebro.se')"))
			.willReturn(okJson("{\"value\":[]}")));

		assertThat(this.graph.find(this.orebro, "funktion@orebro.se")).isEqualTo(new UserLookup.Ambiguous(2));
		assertThat(this.graph.find(this.orebro, "ingen@orebro.se")).isEqualTo(new UserLookup.NotFound());
	}

	@Test
	void aMissingPermissionIsRefusedWithGraphsReason() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna@orebro.se")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\","
					+ "\"message\":\"Insufficient privileges to complete the operation.\"}}")));

		assertThat(this.graph.find(this.orebro, "anna@orebro.se")).isEqualTo(new UserLookup.Refused(
				"HTTP 403 Authorization_RequestDenied: Insufficient privileges to complete the operation."));
	}

	@Test
	void throttlingIsWaitedOutForAsLongAsGraphSays() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna@orebro.se")).inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
			.willSetStateTo("calm"));
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna@orebro.se")).inScenario("throttled")
			.whenScenarioStateIs("calm")
			.willReturn(okJson("{\"id\":\"" + ANNA + "\"}")));

		assertThat(this.graph.find(this.orebro, "anna@orebro.se")).isEqualTo(new UserLookup.Found(ANNA, OREBRO));
		assertThat(this.pauses).containsExactly(Duration.ofSeconds(7));
	}

	@Test
	void aTokenGraphRejectsIsRenewedOnce() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna@orebro.se")).inScenario("expired")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(401))
			.willSetStateTo("renewed"));
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/anna@orebro.se")).inScenario("expired")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson("{\"id\":\"" + ANNA + "\"}")));

		assertThat(this.graph.find(this.orebro, "anna@orebro.se")).isInstanceOf(UserLookup.Found.class);
		assertThat(this.microsoft.findAll(postRequestedFor(urlPathEqualTo("/" + OREBRO + "/oauth2/v2.0/token"))))
			.hasSize(2);
	}

	@Test
	void theAppIsInstalledFromTheTenantsCatalogAndAnAppAlreadyThereIsFine() {
		this.microsoft.stubFor(post(urlPathEqualTo("/v1.0/users/" + ANNA + "/teamwork/installedApps"))
			.withHeader("Authorization", equalTo("Bearer token-karlskoga"))
			.withRequestBody(equalToJson("{\"teamsApp@odata.bind\":\"" + this.microsoft.baseUrl()
					+ "/v1.0/appCatalogs/teamsApps/catalog-karlskoga\"}"))
			.inScenario("install")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(201))
			.willSetStateTo("installed"));
		this.microsoft
			.stubFor(post(urlPathEqualTo("/v1.0/users/" + ANNA + "/teamwork/installedApps")).inScenario("install")
				.whenScenarioStateIs("installed")
				.willReturn(aResponse().withStatus(409)));

		assertThat(this.graph.installTeamsApp(this.karlskoga, ANNA)).isEqualTo(new AppInstallation.Installed(false));
		assertThat(this.graph.installTeamsApp(this.karlskoga, ANNA)).isEqualTo(new AppInstallation.Installed(true));
	}

	@Test
	void withoutAConfiguredCatalogIdTheAppIsLookedUpByItsManifestIdOnce() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/appCatalogs/teamsApps"))
			.withQueryParam("$filter", equalTo("externalId eq '" + APP + "'"))
			.willReturn(okJson("{\"value\":[{\"id\":\"catalog-orebro\",\"externalId\":\"" + APP + "\"}]}")));
		this.microsoft.stubFor(post(urlPathEqualTo("/v1.0/users/" + ANNA + "/teamwork/installedApps"))
			.withRequestBody(equalToJson("{\"teamsApp@odata.bind\":\"" + this.microsoft.baseUrl()
					+ "/v1.0/appCatalogs/teamsApps/catalog-orebro\"}"))
			.willReturn(aResponse().withStatus(201)));

		this.graph.installTeamsApp(this.orebro, ANNA);
		assertThat(this.graph.installTeamsApp(this.orebro, ANNA)).isEqualTo(new AppInstallation.Installed(false));
		assertThat(this.microsoft.findAll(getRequestedFor(urlPathEqualTo("/v1.0/appCatalogs/teamsApps")))).hasSize(1);
	}

	@Test
	void anInstallationTheTenantForbidsIsRefusedWithTheReason() {
		this.microsoft.stubFor(post(urlPathEqualTo("/v1.0/users/" + ANNA + "/teamwork/installedApps"))
			.willReturn(aResponse().withStatus(403)));

		assertThat(this.graph.installTeamsApp(this.karlskoga, ANNA)).isEqualTo(
				new AppInstallation.Refused("HTTP 403 (is the application permission granted, with admin consent?)"));
	}

	@Test
	void anInstallationGraphCannotServeForNowIsUnavailableNotRefused() {
		this.microsoft.stubFor(post(urlPathEqualTo("/v1.0/users/" + ANNA + "/teamwork/installedApps"))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
		this.microsoft.stubFor(post(
				urlPathEqualTo("/v1.0/users/" + "0f0f0f0f-2222-4c2b-8a7d-bbbbbbbbbbbb" + "/teamwork/installedApps"))
			.willReturn(aResponse().withStatus(500)));

		assertThat(this.graph.installTeamsApp(this.karlskoga, ANNA))
			.isEqualTo(new AppInstallation.Unavailable("HTTP 503"));
		assertThat(this.pauses).hasSize(3);
		assertThat(this.graph.installTeamsApp(this.karlskoga, "0f0f0f0f-2222-4c2b-8a7d-bbbbbbbbbbbb"))
			.isEqualTo(new AppInstallation.Unavailable("HTTP 500"));
	}

	@Test
	void anAppMissingFromTheTenantsCatalogIsRefused() {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/appCatalogs/teamsApps")).willReturn(okJson("{\"value\":[]}")));

		assertThat(this.graph.installTeamsApp(this.orebro, ANNA)).isInstanceOf(AppInstallation.Refused.class);
	}

	private void notByName(String address) {
		this.microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/" + address)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource does not exist.\"}}")));
	}

	private void issue(String tenant, String token) {
		this.microsoft.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
			.willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + token + "\"}")));
	}

}
