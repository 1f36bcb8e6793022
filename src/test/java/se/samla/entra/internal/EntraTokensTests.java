package se.samla.entra.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samla.entra.AccessTokens;
import se.samla.entra.EntraProperties;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;
import se.samla.entra.TokenRefusedException;
import se.samla.support.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The client-credentials flow against WireMock standing in for Entra's token endpoints of
 * two tenants.
 */
class EntraTokensTests {

	private static final String OREBRO = "0b6c1a1e-7d2f-4b7e-9a0c-111111111111";

	private static final String KARLSKOGA = "0b6c1a1e-7d2f-4b7e-9a0c-222222222222";

	private static final String APP = "5a8f3e2d-3c4b-4a1f-8e7d-333333333333";

	private final WireMockServer entra = new WireMockServer(options().dynamicPort());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

	private AccessTokens tokens;

	@BeforeEach
	void start() {
		this.entra.start();
		this.tokens = new EntraTokenClient(new EntraProperties(this.entra.baseUrl() + "/", List.of(),
				Duration.ofMinutes(5), Duration.ofSeconds(5)), this.clock);
		issue(OREBRO, "token-orebro", 3600);
		issue(KARLSKOGA, "token-karlskoga", 3600);
	}

	@AfterEach
	void stop() {
		this.entra.stop();
	}

	@Test
	void aTokenComesFromTheRegistrationsOwnTenantAndIsReusedUntilShortlyBeforeItExpires() {
		Registration orebro = Registration.withSecret(OREBRO, APP, "s3cret", "orebro");

		assertThat(this.tokens.token(orebro, AccessTokens.GRAPH)).isEqualTo("token-orebro");
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(this.tokens.token(orebro, AccessTokens.GRAPH)).isEqualTo("token-orebro");
		assertThat(requests(OREBRO)).hasSize(1);

		this.clock.advance(Duration.ofMinutes(2));
		this.tokens.token(orebro, AccessTokens.GRAPH);
		assertThat(requests(OREBRO)).hasSize(2);

		Map<String, String> form = form(requests(OREBRO).get(0));
		assertThat(form).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_id", APP)
			.containsEntry("client_secret", "s3cret")
			.containsEntry("scope", "https://graph.microsoft.com/.default");
	}

	@Test
	void eachTenantAndScopeHasItsOwnToken() {
		Registration orebro = Registration.withSecret(OREBRO, APP, "a", "orebro");
		Registration karlskoga = Registration.withSecret(KARLSKOGA, APP, "b", "karlskoga");

		assertThat(this.tokens.token(orebro, AccessTokens.BOT_CONNECTOR)).isEqualTo("token-orebro");
		assertThat(this.tokens.token(karlskoga, AccessTokens.BOT_CONNECTOR)).isEqualTo("token-karlskoga");
		this.tokens.token(orebro, AccessTokens.EXCHANGE_ONLINE);

		assertThat(requests(OREBRO)).extracting(r -> form(r).get("scope"))
			.containsExactly(AccessTokens.BOT_CONNECTOR, AccessTokens.EXCHANGE_ONLINE);
		assertThat(requests(KARLSKOGA)).hasSize(1);
	}

	@Test
	void aCertificateRegistrationSignsAClientAssertionInsteadOfSendingASecret() throws Exception {
		Registration orebro = new Registration(OREBRO, APP, null, resource("samla-test.pem"), null, List.of("orebro"),
				false, null, false);

		assertThat(this.tokens.token(orebro, AccessTokens.EXCHANGE_ONLINE)).isEqualTo("token-orebro");

		Map<String, String> form = form(requests(OREBRO).get(0));
		assertThat(form).doesNotContainKey("client_secret")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		assertValidAssertion(form.get("client_assertion"), this.entra.baseUrl() + "/" + OREBRO + "/oauth2/v2.0/token");
	}

	@Test
	void aPasswordProtectedPkcs12FileServesAsWellAsAPemFile() throws Exception {
		Registration orebro = new Registration(OREBRO, APP, null, resource("samla-test.p12"), "provtest",
				List.of("orebro"), false, null, false);

		this.tokens.token(orebro, AccessTokens.GRAPH);

		assertValidAssertion(form(requests(OREBRO).get(0)).get("client_assertion"),
				this.entra.baseUrl() + "/" + OREBRO + "/oauth2/v2.0/token");
	}

	@Test
	void aRefusedTokenNamesEntrasReasonAndStaysListedUntilEntraGivesOneAgain() {
		this.entra
			.stubFor(post(urlPathEqualTo("/" + OREBRO + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret"
						+ " provided. Ensure the secret being sent in the request is the client secret value.\\r\\n"
						+ "Trace ID: 1c2d Correlation ID: 3e4f Timestamp: 2026-12-04 08:00:00Z\"}")));
		Registration orebro = Registration.withSecret(OREBRO, APP, "old-secret", "orebro");

		assertThatExceptionOfType(TokenRefusedException.class)
			.isThrownBy(() -> this.tokens.token(orebro, AccessTokens.BOT_CONNECTOR))
			.satisfies(ex -> assertThat(ex.reason())
				.isEqualTo("HTTP 401 invalid_client: AADSTS7000215: Invalid client secret provided."))
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("old-secret"));
		assertThat(this.tokens.problems()).extracting(TokenProblem::tenantId, TokenProblem::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(OREBRO,
					"HTTP 401 invalid_client: AADSTS7000215: Invalid client secret provided."));

		issue(OREBRO, "token-orebro", 3600);
		assertThat(this.tokens.token(orebro, AccessTokens.BOT_CONNECTOR)).isEqualTo("token-orebro");
		assertThat(this.tokens.problems()).isEmpty();
	}

	@Test
	void anUnreachableEntraIsAProblemWithItsCauseNotAnUncheckedSurprise() {
		Registration nowhere = Registration.withSecret(OREBRO, APP, "s", "orebro")
			.withTokenUrl("http://127.0.0.1:1/token");

		assertThatExceptionOfType(TokenRefusedException.class)
			.isThrownBy(() -> this.tokens.token(nowhere, AccessTokens.GRAPH))
			.satisfies(ex -> assertThat(ex.reason()).startsWith("Entra could not be reached"));
		assertThat(this.tokens.problems()).hasSize(1);
	}

	@Test
	void aTokenTheResourceRejectedIsFetchedAgainAtOnce() {
		Registration orebro = Registration.withSecret(OREBRO, APP, "s", "orebro");
		this.tokens.token(orebro, AccessTokens.EXCHANGE_ONLINE);

		this.tokens.rejected(orebro, AccessTokens.EXCHANGE_ONLINE);
		this.tokens.token(orebro, AccessTokens.EXCHANGE_ONLINE);

		assertThat(requests(OREBRO)).hasSize(2);
	}

	@Test
	void aPrivateKeyInTheOldPkcs1FormIsRefusedWithTheFileAndTheWayToConvertIt() {
		Registration orebro = new Registration(OREBRO, APP, null, resource("samla-test-pkcs1.pem"), null,
				List.of("orebro"), false, null, false);

		assertThatExceptionOfType(TokenRefusedException.class)
			.isThrownBy(() -> this.tokens.token(orebro, AccessTokens.GRAPH))
			.satisfies(ex -> assertThat(ex.reason()).contains("samla-test-pkcs1.pem").contains("openssl pkcs8"));
		assertThat(requests(OREBRO)).isEmpty();
	}

	@Test
	void aRegistrationNeedsExactlyOneCredential() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Registration(OREBRO, APP, "secret", "cert.pem", null, List.of(), false, null, false))
			.withMessageContaining("exactly one credential");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Registration(OREBRO, APP, null, null, null, List.of(), false, null, false))
			.withMessageContaining("exactly one credential");
	}

	private void assertValidAssertion(String assertion, String audience) throws Exception {
		String[] parts = assertion.split("\\.");
		assertThat(parts).hasSize(3);
		JsonMapper json = JsonMapper.builder().build();
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		X509Certificate certificate = ClientCertificate.read(Path.of(resource("samla-test.pem")), null).certificate();

		assertThat(header.path("alg").asString()).isEqualTo("PS256");
		assertThat(header.path("x5t#S256").asString()).isEqualTo(Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
		assertThat(claims.path("aud").asString()).isEqualTo(audience);
		assertThat(claims.path("iss").asString()).isEqualTo(APP);
		assertThat(claims.path("sub").asString()).isEqualTo(APP);
		assertThat(claims.path("jti").asString()).isNotBlank();
		assertThat(claims.path("nbf").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(claims.path("exp").asLong() - claims.path("nbf").asLong()).isEqualTo(600);

		Signature verifier = Signature.getInstance("RSASSA-PSS");
		verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
		verifier.initVerify(certificate.getPublicKey());
		verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
	}

	private void issue(String tenant, String token, int lifetime) {
		this.entra.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(okJson(
				"{\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + ",\"access_token\":\"" + token + "\"}")));
	}

	private List<LoggedRequest> requests(String tenant) {
		return this.entra.findAll(postRequestedFor(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")));
	}

	private static Map<String, String> form(LoggedRequest request) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			String[] kv = pair.split("=", 2);
			form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
					URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
		}
		return form;
	}

	private static String resource(String name) {
		return Path.of("src/test/resources/entra", name).toAbsolutePath().toString();
	}

}
