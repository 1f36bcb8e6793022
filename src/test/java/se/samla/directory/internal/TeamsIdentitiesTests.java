package se.samla.directory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.IdentityReport;
import se.samla.directory.IdentityReport.Outcome;
import se.samla.directory.Person;
import se.samla.directory.PreferredChannel;
import se.samla.directory.TeamsIdentities;
import se.samla.directory.TeamsIdentity;
import se.samla.entra.EntraProperties;
import se.samla.entra.GraphProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's Teams identities found in Microsoft Graph, against the real schema and
 * WireMock standing in for Graph and the token endpoints of Örebro's and Karlskoga's
 * tenants (Askersund has no registration).
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ CsvDirectoryImport.class, JdbcDirectory.class, GraphIdentities.class, TeamsIdentitiesTests.Entra.class })
class TeamsIdentitiesTests {

	static final String OREBRO = "0b6c1a1e-7d2f-4b7e-9a0c-111111111111";

	static final String KARLSKOGA = "0b6c1a1e-7d2f-4b7e-9a0c-222222222222";

	static final String ANNA = "9d3f0c1a-1111-4c2b-8a7d-aaaaaaaaaaaa";

	static final String BO = "9d3f0c1a-1111-4c2b-8a7d-bbbbbbbbbbbb";

	static final String HEADER = "Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n";

	static final WireMockServer microsoft = new WireMockServer(options().dynamicPort());

	static {
		microsoft.start();
	}

	@DynamicPropertySource
	static void entra(DynamicPropertyRegistry registry) {
		registry.add("samla.entra.authority", () -> microsoft.baseUrl() + "/");
		registry.add("samla.entra.graph.url", microsoft::baseUrl);
		registry.add("samla.entra.registrations[0].tenant-id", () -> OREBRO);
		registry.add("samla.entra.registrations[0].app-id", () -> "app-orebro");
		registry.add("samla.entra.registrations[0].client-secret", () -> "a");
		registry.add("samla.entra.registrations[0].organisations", () -> "orebro,region-orebro-lan");
		registry.add("samla.entra.registrations[1].tenant-id", () -> KARLSKOGA);
		registry.add("samla.entra.registrations[1].app-id", () -> "app-karlskoga");
		registry.add("samla.entra.registrations[1].client-secret", () -> "b");
		registry.add("samla.entra.registrations[1].organisations", () -> "karlskoga");
	}

	@AfterAll
	static void stop() {
		microsoft.resetAll();
	}

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	Directory directory;

	@Autowired
	TeamsIdentities identities;

	@BeforeEach
	void organisationsAndTokens() throws IOException {
		microsoft.resetAll();
		this.directoryImport.importOrganisations("organisations.csv",
				Files.newInputStream(Path.of("directory", "organisations.csv")), false);
		for (String tenant : new String[] { OREBRO, KARLSKOGA }) {
			microsoft.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(
					okJson("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t-" + tenant + "\"}")));
		}
		// nobody else is known by name or address
		microsoft.stubFor(get(urlPathMatching("/v1.0/users/.*")).atPriority(9).willReturn(aResponse().withStatus(404)));
		microsoft.stubFor(get(urlPathEqualTo("/v1.0/users")).atPriority(9).willReturn(okJson("{\"value\":[]}")));
	}

	@Test
	void aPersonWithoutIdsIsFoundInTheirOrganisationsTenantByAddressAndAskedInTeams() {
		user(KARLSKOGA, "anna.berg@karlskoga.se", ANNA);
		people("Anna Berg;anna.berg@karlskoga.se;Karlskoga;Socialchef;;;sv;;\n");

		IdentityReport report = this.identities.resolve();

		assertThat(report.people()).extracting(IdentityReport.Entry::outcome).containsExactly(Outcome.FOUND);
		Person anna = this.directory.personByEmail("anna.berg@karlskoga.se").orElseThrow();
		assertThat(anna.teams()).isEqualTo(new TeamsIdentity(ANNA, KARLSKOGA));
		assertThat(anna.preferredChannel()).isEqualTo(PreferredChannel.TEAMS);
		assertThat(this.directory.personByEntraId(ANNA)).contains(anna);
	}

	@Test
	void twoUsersWithTheAddressAreReportedAmbiguousAndThePersonStaysOnEmail() {
		microsoft.stubFor(get(urlPathEqualTo("/v1.0/users")).withHeader("ConsistencyLevel", equalTo("eventual"))
			.willReturn(okJson("{\"value\":[{\"id\":\"" + ANNA + "\"},{\"id\":\"" + BO + "\"}]}")));
		people("Socialtjänsten;socialtjansten@orebro.se;Örebro;;;;sv;;\n");

		IdentityReport report = this.identities.resolve();

		assertThat(report.people()).singleElement().satisfies(entry -> {
			assertThat(entry.outcome()).isEqualTo(Outcome.AMBIGUOUS);
			assertThat(entry.detail()).startsWith("2 users");
		});
		Person person = this.directory.personByEmail("socialtjansten@orebro.se").orElseThrow();
		assertThat(person.teams()).isNull();
		assertThat(person.preferredChannel()).isEqualTo(PreferredChannel.EMAIL);
	}

	@Test
	void csvIdentityIsNotLookedUp() {
		people("Bo Ek;bo.ek@orebro.se;Örebro;;;;sv;" + BO + ";" + OREBRO + "\n");

		IdentityReport report = this.identities.resolve();

		assertThat(report.people()).isEmpty();
		assertThat(microsoft.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void eachPersonIsReportedWithWhyTheyStayOnEmail() {
		microsoft.stubFor(get(urlPathEqualTo("/v1.0/users/cia@karlskoga.se")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\","
					+ "\"message\":\"Insufficient privileges to complete the operation.\"}}")));
		people("Dan Al;dan.al@askersund.se;Askersund;;;;sv;;\n" + "Cia Ros;cia@karlskoga.se;Karlskoga;;;;sv;;\n"
				+ "Eva Ny;eva@orebro.se;Örebro;;;;sv;;\n");

		IdentityReport report = this.identities.resolve();

		assertThat(report.people())
			.extracting(entry -> entry.person().email(), IdentityReport.Entry::outcome, IdentityReport.Entry::detail)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("dan.al@askersund.se", Outcome.NO_REGISTRATION,
							"organisation askersund"),
					org.assertj.core.groups.Tuple.tuple("cia@karlskoga.se", Outcome.REFUSED,
							"HTTP 403 Authorization_RequestDenied: Insufficient privileges to complete the operation."),
					org.assertj.core.groups.Tuple.tuple("eva@orebro.se", Outcome.NOT_FOUND, "tenant " + OREBRO));
		assertThat(report.summary())
			.isEqualTo("Teams identities from Graph: 1 not found, 1 no registration, 1 refused");
		assertThat(this.directory.people()).allSatisfy(person -> assertThat(person.teams()).isNull());
	}

	@Test
	void aTenantThatRefusesSamlaIsAskedOnceAndEveryoneThereIsReportedRefused() {
		microsoft.stubFor(get(urlPathMatching("/v1.0/users/.*@karlskoga.se")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\","
					+ "\"message\":\"Insufficient privileges to complete the operation.\"}}")));
		people("Cia Ros;cia@karlskoga.se;Karlskoga;;;;sv;;\n" + "Dag Ek;dag@karlskoga.se;Karlskoga;;;;sv;;\n");

		IdentityReport report = this.identities.resolve();

		assertThat(report.people()).extracting(IdentityReport.Entry::outcome)
			.containsExactly(Outcome.REFUSED, Outcome.REFUSED);
		assertThat(microsoft.findAll(getRequestedFor(urlPathMatching("/v1.0/users.*")))).hasSize(1);
	}

	@Test
	void aReimportWithoutTheColumnsKeepsWhatGraphFoundAndANamedChannelStays() {
		user(OREBRO, "anna@orebro.se", ANNA);
		user(OREBRO, "bo@orebro.se", BO);
		String rows = "Anna Berg;anna@orebro.se;Örebro;;;;sv;;\n" + "Bo Ek;bo@orebro.se;Örebro;;;E-post;sv;;\n";
		people(rows);
		this.identities.resolve();

		people(rows.replace("Anna Berg", "Anna Berg-Lund"));

		Person anna = this.directory.personByEmail("anna@orebro.se").orElseThrow();
		assertThat(anna.name()).isEqualTo("Anna Berg-Lund");
		assertThat(anna.teams()).isEqualTo(new TeamsIdentity(ANNA, OREBRO));
		assertThat(anna.preferredChannel()).isEqualTo(PreferredChannel.TEAMS);
		Person bo = this.directory.personByEmail("bo@orebro.se").orElseThrow();
		assertThat(bo.teams()).isEqualTo(new TeamsIdentity(BO, OREBRO));
		assertThat(bo.preferredChannel()).isEqualTo(PreferredChannel.EMAIL);
		assertThat(this.identities.resolve().people()).isEmpty();
	}

	@Test
	void anIdentityTypedIntoTheCsvOverridesTheOneGraphFound() {
		user(OREBRO, "anna@orebro.se", ANNA);
		people("Anna Berg;anna@orebro.se;Örebro;;;;sv;;\n");
		this.identities.resolve();

		people("Anna Berg;anna@orebro.se;Örebro;;;;sv;" + BO + ";" + OREBRO + "\n");

		assertThat(this.directory.personByEmail("anna@orebro.se").orElseThrow().teams())
			.isEqualTo(new TeamsIdentity(BO, OREBRO));
	}

	private static void user(String tenant, String address, String id) {
		microsoft.stubFor(
				get(urlPathEqualTo("/v1.0/users/" + address)).withHeader("Authorization", equalTo("Bearer t-" + tenant))
					.willReturn(okJson("{\"id\":\"" + id + "\",\"mail\":\"" + address + "\"}")));
	}

	private void people(String rows) {
		assertThat(this.directoryImport
			.importPeople("people.csv", new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)),
					false)
			.rejected()).isEmpty();
	}

	/** The Entra module as the application has it. */
	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan("se.samla.entra")
	@EnableConfigurationProperties({ EntraProperties.class, GraphProperties.class })
	static class Entra {

	}

}
