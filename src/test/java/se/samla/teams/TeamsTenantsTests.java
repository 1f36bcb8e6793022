package se.samla.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.Audience;
import se.samla.campaigns.ContactRoutes;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.OrganisationId;
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
import se.samla.surveys.QuestionnaireId;

/**
 * A county of several tenants, each with the bot's registration of its own: Askersund's
 * with a client secret, Degerfors' with a certificate, Karlskoga's with a secret Entra
 * refuses, and Lekeberg's missing. Each person is reached as their own tenant's bot; a
 * token Teams issued to one tenant's bot does not act in another tenant; whoever the bot
 * cannot reach gets email and operators see why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.teams.retry.initial-backoff=20ms" })
@Import(TestClockConfiguration.class)
class TeamsTenantsTests {

	static final FakeMicrosoft microsoft = FakeMicrosoft.shared();

	static final String ASKERSUND = "a1a1a1a1-0000-4000-8000-000000000001";

	static final String DEGERFORS = "d2d2d2d2-0000-4000-8000-000000000002";

	static final String KARLSKOGA = "c3c3c3c3-0000-4000-8000-000000000003";

	static final String LEKEBERG = "e4e4e4e4-0000-4000-8000-000000000004";

	static final String ASKERSUND_APP = "aaaa0001-1111-4111-8111-111111111111";

	static final String DEGERFORS_APP = "dddd0002-2222-4222-8222-222222222222";

	static final String KARLSKOGA_APP = "cccc0003-3333-4333-8333-333333333333";

	static final String ROLE = "Tenantchef";

	static final Path CERTIFICATE = Path.of("src/test/resources/entra/samla-test.pem");

	@DynamicPropertySource
	static void teams(DynamicPropertyRegistry registry) {
		registry.add("samla.teams.enabled", () -> "true");
		registry.add("samla.teams.open-id-metadata-url", microsoft::openIdMetadataUrl);
		registry.add("samla.teams.service-url", microsoft::serviceUrl);
		registry.add("samla.teams.allowed-service-url-hosts", () -> "localhost");
		registry.add("samla.entra.authority", microsoft::authority);
		registry.add("samla.entra.registrations[0].tenant-id", () -> ASKERSUND);
		registry.add("samla.entra.registrations[0].app-id", () -> ASKERSUND_APP);
		registry.add("samla.entra.registrations[0].client-secret", () -> "askersund-secret");
		registry.add("samla.entra.registrations[0].organisations", () -> "askersund");
		registry.add("samla.entra.registrations[1].tenant-id", () -> DEGERFORS);
		registry.add("samla.entra.registrations[1].app-id", () -> DEGERFORS_APP);
		registry.add("samla.entra.registrations[1].certificate", CERTIFICATE::toString);
		registry.add("samla.entra.registrations[1].organisations", () -> "degerfors");
		registry.add("samla.entra.registrations[2].tenant-id", () -> KARLSKOGA);
		registry.add("samla.entra.registrations[2].app-id", () -> KARLSKOGA_APP);
		registry.add("samla.entra.registrations[2].client-secret", () -> "expired-secret");
		registry.add("samla.entra.registrations[2].organisations", () -> "karlskoga");
	}

	@BeforeAll
	static void tenants() {
		microsoft.addTenant(ASKERSUND, ASKERSUND_APP, "askersund-secret");
		microsoft.addTenantWithCertificate(DEGERFORS, DEGERFORS_APP, CERTIFICATE);
		microsoft.addTenant(KARLSKOGA, KARLSKOGA_APP, "the-secret-entra-now-holds");
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
	DirectoryImport directoryImport;

	@Autowired
	ContactRoutes routes;

	@Autowired
	TeamsTenants tenants;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		microsoft.reset();
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.jdbc.sql("DELETE FROM teams_conversation").update();
		this.jdbc.sql("DELETE FROM teams_tenant_problem").update();
		this.jdbc.sql("DELETE FROM contact_route").update();
		this.clock.set(at(2026, 12, 1, 9, 0));
		String csv = "Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n"
				+ person("Astrid Ask", "askersund", 1, ASKERSUND) + person("Dan Deger", "degerfors", 2, DEGERFORS)
				+ person("Karl Skog", "karlskoga", 3, KARLSKOGA) + person("Leo Berg", "lekeberg", 4, LEKEBERG);
		assertThat(this.directoryImport
			.importPeople("tenants.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false)
			.rejected()).isEmpty();
	}

	@Test
	void eachPersonIsReachedAsTheBotOfTheirOwnTenant() {
		SendOutId sendOut = define("tenants-invite");

		this.dispatcher.runNow(sendOut);

		Sent askersund = invitationTo(1);
		Sent degerfors = invitationTo(2);
		assertThat(microsoft.tenantOf(askersund)).isEqualTo(ASKERSUND);
		// Degerfors' token came for a client assertion signed with its certificate
		assertThat(microsoft.tenantOf(degerfors)).isEqualTo(DEGERFORS);
		assertThat(chatOpenedAs(1)).isEqualTo("28:" + ASKERSUND_APP);
		assertThat(chatOpenedAs(2)).isEqualTo("28:" + DEGERFORS_APP);
		assertThat(channelOf(sendOut, 1)).isEqualTo("TEAMS");
		assertThat(channelOf(sendOut, 2)).isEqualTo("TEAMS");
	}

	@Test
	void aTokenTheBotConnectorRefusesIsFetchedAgainAndTheMessageSentOnce() {
		SendOutId sendOut = define("tenants-401");
		// a chat is opened first, then the invitation goes out: the first send is refused
		microsoft.failNextSends(1, 401, null);

		this.dispatcher.runNow(sendOut);

		long invitations = microsoft.delivered()
			.stream()
			.filter(sent -> sent.text().contains("inbjuden"))
			.filter(sent -> sent.conversationId().equals(conversation(1))
					|| sent.conversationId().equals(conversation(2)))
			.count();
		assertThat(invitations).isEqualTo(2);
		assertThat(microsoft.tokenRequests(ASKERSUND) + microsoft.tokenRequests(DEGERFORS))
			.as("one registration asked Entra again after the 401")
			.isGreaterThanOrEqualTo(1);
		assertThat(channelOf(sendOut, 1)).isEqualTo("TEAMS");
		assertThat(channelOf(sendOut, 2)).isEqualTo("TEAMS");
	}

	@Test
	void aRegistrationEntraRefusesAndATenantWithoutOneSendTheirPeopleEmailAndShowInStatus() throws Exception {
		SendOutId sendOut = define("tenants-refused");

		this.dispatcher.runNow(sendOut);

		assertThat(channelOf(sendOut, 3)).isEqualTo("EMAIL");
		assertThat(channelOf(sendOut, 4)).isEqualTo("EMAIL");
		assertThat(microsoft.delivered()).noneMatch(
				sent -> sent.conversationId().equals(conversation(3)) || sent.conversationId().equals(conversation(4)));
		// Samla's set-up, not the person: Teams is tried again once it is fixed
		assertThat(this.routes.isReachable(person(3).id(), Channel.TEAMS)).isTrue();
		TeamsStatus status = this.tenants.status();
		assertThat(status.registrations()).extracting(TeamsStatus.RegistrationLine::tenantId)
			.containsExactlyInAnyOrder(ASKERSUND, DEGERFORS, KARLSKOGA);
		assertThat(status.problems()).anySatisfy(problem -> {
			assertThat(problem.tenantId()).isEqualTo(KARLSKOGA);
			assertThat(problem.kind()).isEqualTo("TOKEN_REFUSED");
			assertThat(problem.reason()).contains("AADSTS7000215");
		});
		assertThat(status.problems()).anySatisfy(problem -> {
			assertThat(problem.tenantId()).isEqualTo(LEKEBERG);
			assertThat(problem.kind()).isEqualTo("NO_REGISTRATION");
			assertThat(problem.reason()).contains("lekeberg");
		});
		HttpResponse<String> shown = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/teams/status")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains(KARLSKOGA, "TOKEN_REFUSED", "AADSTS7000215", LEKEBERG, "NO_REGISTRATION");
	}

	@Test
	void aTokenTeamsIssuedToOneTenantsBotCannotActInAnotherTenant() throws Exception {
		String fromDegerfors = activityIn(DEGERFORS, 2, "hjälp");

		int forged = BotEndpoint.post(this.port, fromDegerfors,
				microsoft.bearerFor(ASKERSUND_APP, microsoft.serviceUrl()));

		assertThat(forged).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM teams_inbound WHERE conversation_id = ?")
			.param(conversation(2))
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.tenants.status().problems()).anySatisfy(problem -> {
			assertThat(problem.tenantId()).isEqualTo(DEGERFORS);
			assertThat(problem.kind()).isEqualTo("ACTIVITY_REFUSED");
			assertThat(problem.reason()).contains(ASKERSUND_APP);
		});
		// the same activity with Degerfors' own bot's token is taken
		assertThat(
				BotEndpoint.post(this.port, fromDegerfors, microsoft.bearerFor(DEGERFORS_APP, microsoft.serviceUrl())))
			.isEqualTo(200);
	}

	@Test
	void anActivityFromATenantWithoutARegistrationIsRefused() throws Exception {
		int status = BotEndpoint.post(this.port, activityIn(LEKEBERG, 4, "hej"),
				microsoft.bearerFor(ASKERSUND_APP, microsoft.serviceUrl()));

		assertThat(status).isEqualTo(401);
		assertThat(this.tenants.status().problems())
			.anyMatch(problem -> problem.tenantId().equals(LEKEBERG) && problem.kind().equals("ACTIVITY_REFUSED"));
	}

	private SendOutId define(String id) {
		SendOutId sendOut = new SendOutId(id + "-" + UUID.randomUUID().toString().substring(0, 8));
		this.sendOuts.define(new SendOut(sendOut, "Kartläggning steg 2", new QuestionnaireId("steg2"),
				new Audience(Set.of(),
						Set.of(new OrganisationId("askersund"), new OrganisationId("degerfors"),
								new OrganisationId("karlskoga"), new OrganisationId("lekeberg")),
						List.of(ROLE), false),
				at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		return sendOut;
	}

	private static String person(String name, String organisation, int n, String tenant) {
		return name + ";tenant" + n + "@example.org;" + organisation + ";" + ROLE + ";;Teams;sv;" + entraId(n) + ";"
				+ tenant + "\n";
	}

	private Person person(int n) {
		return this.directory.personByEmail("tenant" + n + "@example.org").orElseThrow();
	}

	private static String entraId(int n) {
		return String.format("0000000%d-aaaa-4bbb-8ccc-00000000000%d", n, n);
	}

	private static String conversation(int n) {
		return "a:conv-" + entraId(n);
	}

	/** An activity as Teams sends it from a person of the tenant. */
	private static String activityIn(String tenant, int n, String text) {
		return TeamsActivities.from("29:tenant" + n, entraId(n), microsoft.serviceUrl())
			.message("act-" + UUID.randomUUID(), text)
			.replace(FakeMicrosoft.TENANT_ID, tenant);
	}

	private Sent invitationTo(int n) {
		return microsoft.delivered()
			.stream()
			.filter(sent -> conversation(n).equals(sent.conversationId()) && sent.text().contains("inbjuden"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no invitation to person " + n));
	}

	private String chatOpenedAs(int n) {
		return microsoft.sent()
			.stream()
			.filter(sent -> sent.path().endsWith("/v3/conversations") && conversation(n).equals(sent.conversationId()))
			.map(sent -> sent.body().path("bot").path("id").asText())
			.findFirst()
			.orElseThrow();
	}

	private String channelOf(SendOutId sendOut, int n) {
		return this.jdbc.sql("SELECT channel FROM outbox WHERE send_out_id = ? AND person_id = ?")
			.params(sendOut.value(), person(n).id().value())
			.query(String.class)
			.single();
	}

}
