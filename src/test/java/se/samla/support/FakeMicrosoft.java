package se.samla.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Plays Microsoft for the Teams channel tests, on one WireMock server: the Bot Framework
 * OpenID metadata and signing keys (inbound JWT validation), the Azure AD token endpoint
 * (the bot's outbound token) and the Bot Connector service that the bot sends to.
 *
 * <p>
 * Share one instance per JVM through {@link #shared()} and call {@link #reset()} between
 * tests. Two things in the SDK are JVM-wide:
 * {@code ChannelValidation.setOpenIdMetaDataUrl} is a static setter, so a second instance
 * on another port would silently take over the metadata URL of every application context
 * in the JVM; and the SDK caches signing keys per metadata URL for a day in a static map.
 * The key pair is therefore static too, so a token from any instance verifies against the
 * keys the SDK cached from any other.
 *
 * <p>
 * The Bot Connector answers only requests that carry
 * {@code Bearer }{@link #ACCESS_TOKEN}, the token its token endpoint issues, as the real
 * one refuses unauthenticated sends; a bot that skipped the token endpoint therefore
 * fails here too.
 *
 * <p>
 * Several tenants, each with its own app registration: {@link #addTenant} opens a token
 * endpoint {@code /{tenant}/oauth2/v2.0/token} that checks the client credential (the
 * secret, or a client assertion signed with the registration's certificate) and issues a
 * token of that tenant's own. The Bot Connector then requires the token of the tenant a
 * conversation lives in (the tenant named when the chat was opened), and keeps Teams'
 * limits per tenant ({@link #enforceLimits}). The older settings' token
 * ({@link #ACCESS_TOKEN}) stands for a bot that serves everyone, as before.
 */
public final class FakeMicrosoft implements AutoCloseable {

	public static final String APP_ID = "8d7a1c52-5f2e-4c55-9d8e-0c6c5b1b2a01";

	public static final String APP_PASSWORD = "test-secret";

	public static final String TENANT_ID = "4f5b6c7d-1111-2222-3333-444455556666";

	/** The issuer of tokens that the Bot Connector service sends to the bot. */
	public static final String ISSUER = "https://api.botframework.com";

	/** The id of the one signing key in the JWKS, in every token's header. */
	public static final String KEY_ID = "fake-microsoft-signing-key";

	/**
	 * The opaque access token the token endpoint issues and the Bot Connector accepts.
	 */
	public static final String ACCESS_TOKEN = "fake-bot-connector-access-token";

	/**
	 * The scope the bot must ask the token endpoint for, as for the real Bot Connector.
	 */
	public static final String SCOPE = "https://api.botframework.com/.default";

	/** The scope of Microsoft Graph tokens, which tenants' token endpoints also issue. */
	public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

	private static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

	private static final String TRANSFORMER = "fake-microsoft-bot-connector";

	private static final String ENTRA = "fake-microsoft-entra";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Unique across instances and resets, so ids never repeat within a JVM. */
	private static final AtomicLong ACTIVITY_IDS = new AtomicLong();

	private static FakeMicrosoft shared;

	private final WireMockServer server;

	private final BotConnector connector;

	private final boolean isShared;

	private final Entra entra;

	private FakeMicrosoft(boolean isShared) {
		this.entra = new Entra();
		this.connector = new BotConnector(this.entra);
		this.server = new WireMockServer(
				options().dynamicPort().bindAddress("localhost").extensions(this.connector, this.entra));
		this.isShared = isShared;
	}

	/** Starts a new instance; prefer {@link #shared()} (see the class comment). */
	public static FakeMicrosoft start() {
		return start(false);
	}

	/**
	 * The instance for this JVM: started on first use and stopped when the JVM exits;
	 * {@link #close()} leaves it running, as other test classes still use it.
	 */
	public static synchronized FakeMicrosoft shared() {
		if (shared == null) {
			FakeMicrosoft fake = start(true);
			Runtime.getRuntime().addShutdownHook(new Thread(fake.server::stop, "fake-microsoft-stop"));
			shared = fake;
		}
		return shared;
	}

	private static FakeMicrosoft start(boolean isShared) {
		FakeMicrosoft fake = new FakeMicrosoft(isShared);
		fake.server.start();
		fake.installStubs();
		return fake;
	}

	public String baseUrl() {
		return "http://localhost:" + this.server.port() + "/";
	}

	/** The Bot Connector; the SDK appends {@code v3/...}. */
	public String serviceUrl() {
		return baseUrl() + "teams/";
	}

	public String openIdMetadataUrl() {
		return baseUrl() + "openid/.well-known/openidconfiguration";
	}

	public String tokenUrl() {
		return baseUrl() + "botframework.com/oauth2/v2.0/token";
	}

	/** The token endpoint of a tenant added with {@link #addTenant}. */
	public String tokenUrl(String tenantId) {
		return baseUrl() + tenantId + "/oauth2/v2.0/token";
	}

	/** Where tenants' token endpoints live ({@code samla.entra.authority}). */
	public String authority() {
		return baseUrl();
	}

	/**
	 * A tenant with an app registration whose credential is a client secret; its token
	 * endpoint issues {@link #accessToken(String)}.
	 */
	public void addTenant(String tenantId, String appId, String secret) {
		this.entra.tenants.put(tenantId.toLowerCase(Locale.ROOT), new Tenant(tenantId, appId, secret, null));
	}

	/**
	 * A tenant whose app registration holds a certificate: its token endpoint takes only
	 * a client assertion signed with the certificate's key (PS256, {@code x5t#S256}).
	 * @param certificatePem a PEM file holding the certificate
	 */
	public void addTenantWithCertificate(String tenantId, String appId, Path certificatePem) {
		this.entra.tenants.put(tenantId.toLowerCase(Locale.ROOT),
				new Tenant(tenantId, appId, null, readCertificate(certificatePem)));
	}

	/** Entra refuses the tenant's registration from now on (a secret expired). */
	public void refuseTenant(String tenantId) {
		this.entra.refused.add(tenantId.toLowerCase(Locale.ROOT));
	}

	/**
	 * The Microsoft Graph token a tenant's endpoint issues (the Bot Connector refuses
	 * it).
	 */
	public static String graphToken(String tenantId) {
		return "fake-graph-token-" + tenantId.toLowerCase(Locale.ROOT);
	}

	/** The Bot Connector token a tenant's endpoint issues. */
	public static String accessToken(String tenantId) {
		return "fake-bot-connector-token-" + tenantId.toLowerCase(Locale.ROOT);
	}

	/** How many tokens a tenant's endpoint issued (or refused) since the reset. */
	public int tokenRequests(String tenantId) {
		return this.server
			.countRequestsMatching(postRequestedFor(urlPathEqualTo("/" + tenantId + "/oauth2/v2.0/token")).build())
			.getCount();
	}

	/**
	 * The tenant a request to the Bot Connector spoke for (by its token): a tenant's id,
	 * {@link #TENANT_ID} for {@link #ACCESS_TOKEN}, or null.
	 */
	public String tenantOf(Sent sent) {
		return this.entra.tenantOfAuthorization(sent.authorization());
	}

	/**
	 * An activity token as the Bot Connector signs it for the app {@code audience}
	 * (another tenant's app id, for instance).
	 */
	public String bearerFor(String appId, String serviceUrl) {
		return bearerForAudience(appId, serviceUrl);
	}

	/** Spring properties that point the application under test at this instance. */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("samla.teams.enabled", "true");
		properties.put("samla.teams.app-id", APP_ID);
		properties.put("samla.teams.app-password", APP_PASSWORD);
		properties.put("samla.teams.tenant-id", TENANT_ID);
		properties.put("samla.teams.open-id-metadata-url", openIdMetadataUrl());
		properties.put("samla.teams.token-url", tokenUrl());
		properties.put("samla.teams.service-url", serviceUrl());
		properties.put("samla.teams.allowed-service-url-hosts", "localhost");
		return Collections.unmodifiableMap(properties);
	}

	/** The Authorization header the Bot Connector service sends with an activity. */
	public String bearer(String serviceUrl) {
		return bearer(Keys.MICROSOFT, APP_ID, serviceUrl, Instant.now().minus(Duration.ofMinutes(1)),
				Instant.now().plus(Duration.ofHours(1)));
	}

	/** Expired an hour ago, well beyond the SDK's five minutes of clock skew. */
	public String bearerExpired(String serviceUrl) {
		return bearer(Keys.MICROSOFT, APP_ID, serviceUrl, Instant.now().minus(Duration.ofHours(2)),
				Instant.now().minus(Duration.ofHours(1)));
	}

	public String bearerForAudience(String audience, String serviceUrl) {
		return bearer(Keys.MICROSOFT, audience, serviceUrl, Instant.now().minus(Duration.ofMinutes(1)),
				Instant.now().plus(Duration.ofHours(1)));
	}

	/**
	 * Same header (including the key id) and claims, but signed by a key not in the JWKS.
	 */
	public String bearerSignedByStranger(String serviceUrl) {
		return bearer(Keys.STRANGER, APP_ID, serviceUrl, Instant.now().minus(Duration.ofMinutes(1)),
				Instant.now().plus(Duration.ofHours(1)));
	}

	private static String bearer(KeyPair keys, String audience, String serviceUrl, Instant notBefore,
			Instant expiresAt) {
		JWTCreator.Builder token = JWT.create()
			.withKeyId(KEY_ID)
			.withIssuer(ISSUER)
			.withAudience(audience)
			.withNotBefore(Date.from(notBefore))
			.withExpiresAt(Date.from(expiresAt));
		if (serviceUrl != null) {
			token.withClaim("serviceurl", serviceUrl);
		}
		Algorithm algorithm = Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate());
		return "Bearer " + token.sign(algorithm);
	}

	/** Every request the bot made to the Bot Connector, in the order they arrived. */
	public List<Sent> sent() {
		return this.connector.sent(false);
	}

	/**
	 * The activities the Bot Connector accepted (sends, replies and updates answered
	 * 2xx), in order: what the user got to see.
	 */
	public List<Sent> delivered() {
		return this.connector.sent(true);
	}

	/**
	 * When each Bot Connector request arrived ({@link System#nanoTime()}), in order, with
	 * its status: for benchmarks that measure rates.
	 */
	public List<Timed> requestTimes() {
		return this.connector.times();
	}

	/**
	 * A Bot Connector request's arrival ({@link System#nanoTime()}), method, path and
	 * status.
	 */
	public record Timed(long nanos, String method, String path, int status, String tenant) {

		/** Whether it opened a chat ({@code POST /v3/conversations}). */
		public boolean opensConversation() {
			return "POST".equals(this.method) && this.path.endsWith("/v3/conversations");
		}

	}

	public int tokenRequests() {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(tokenPath())).build()).getCount();
	}

	/** Forgets requests, failure scenarios and delays; keys and stubs stay. */
	public void reset() {
		this.server.resetRequests();
		this.connector.reset();
		this.entra.refused.clear();
	}

	/**
	 * Answers the next {@code times} sends (POST and PUT under
	 * {@code /teams/v3/conversations}) with {@code status}, and a {@code Retry-After}
	 * header unless it is null.
	 */
	public void failNextSends(int times, int status, String retryAfterSeconds) {
		String body = errorBody(errorCode(status), "Fake Bot Connector failure " + status);
		for (int i = 0; i < times; i++) {
			this.connector.failures.add(new Failure(status, retryAfterSeconds, body));
		}
	}

	/**
	 * Like {@link #failNextSends} with a body of one's own, for example the 403 that
	 * Teams answers for a user who blocked or uninstalled the bot:
	 * {@code {"error":{"code":"ConversationBlockedByUser","message":"User blocked the
	 * conversation with the bot."}}} (Teams also uses the sub code
	 * {@code MessageWritesBlocked}).
	 */
	public void failNextSendsWithBody(int times, int status, String jsonBody) {
		for (int i = 0; i < times; i++) {
			this.connector.failures.add(new Failure(status, null, jsonBody));
		}
	}

	/**
	 * Enforces Teams' rate limits, as Teams does: a request to the Bot Connector that
	 * would exceed a ceiling is answered 429 with {@code Retry-After} (and does not count
	 * towards the window). Sliding windows of one second: one per tenant (the tenant
	 * whose token the request carries: Teams' limit is per app and tenant) and one per
	 * conversation for requests naming a conversation. Until {@link #reset()}.
	 * @param perTenantPerSecond the ceiling for all requests; 0 for none
	 * @param perConversationPerSecond the ceiling per conversation; 0 for none
	 * @param retryAfterSeconds the {@code Retry-After} header of the 429, or null for
	 * none
	 */
	public void enforceLimits(int perTenantPerSecond, int perConversationPerSecond, String retryAfterSeconds) {
		this.connector.limits = new Limits(perTenantPerSecond, perConversationPerSecond, retryAfterSeconds);
	}

	/**
	 * How many requests {@link #enforceLimits} turned away with a 429 since the reset.
	 */
	public long limitRejections() {
		Limits limits = this.connector.limits;
		return (limits != null) ? limits.rejected.get() : 0;
	}

	/** A fixed delay on every Bot Connector response; 0 for none. */
	public void delaySends(int millis) {
		this.connector.delayMillis = millis;
	}

	/** Stops this instance, unless it is the {@link #shared()} one. */
	@Override
	public void close() {
		if (!this.isShared) {
			this.server.stop();
		}
	}

	private void installStubs() {
		ObjectNode metadata = JSON.createObjectNode()
			.put("issuer", ISSUER)
			.put("authorization_endpoint", "https://invalid.botframework.com")
			.put("jwks_uri", baseUrl() + "openid/keys");
		metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
		metadata.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
		this.server.stubFor(
				get(urlPathEqualTo("/openid/.well-known/openidconfiguration")).willReturn(okJson(metadata.toString())));
		this.server.stubFor(get(urlPathEqualTo("/openid/keys")).willReturn(okJson(jwks().toString())));

		ObjectNode token = JSON.createObjectNode()
			.put("token_type", "Bearer")
			.put("expires_in", 3599)
			.put("ext_expires_in", 3599)
			.put("access_token", ACCESS_TOKEN);
		// Priorities give Azure AD's answers: a good request, a bad client, anything
		// else.
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(1)
			.withFormParam("grant_type", equalTo("client_credentials"))
			.withFormParam("client_id", equalTo(APP_ID))
			.withFormParam("client_secret", equalTo(APP_PASSWORD))
			.withFormParam("scope", equalTo(SCOPE))
			.willReturn(okJson(token.toString())));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(2)
			.withFormParam("client_secret", notMatching(Pattern.quote(APP_PASSWORD)))
			.willReturn(jsonResponse(401, "{\"error\":\"invalid_client\","
					+ "\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(3)
			.willReturn(jsonResponse(400,
					"{\"error\":\"invalid_request\","
							+ "\"error_description\":\"Expected grant_type=client_credentials, client_id=" + APP_ID
							+ ", client_secret and scope=" + SCOPE + "\"}")));

		this.server.stubFor(post(urlPathMatching("/[^/]+/oauth2/v2.0/token")).atPriority(5)
			.willReturn(aResponse().withTransformers(ENTRA)));

		this.server.stubFor(any(urlPathMatching("/teams/.*")).willReturn(aResponse().withTransformers(TRANSFORMER)));
	}

	private static String tokenPath() {
		return "/botframework.com/oauth2/v2.0/token";
	}

	private static ResponseDefinitionBuilder jsonResponse(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * The JWKS as the Bot Framework publishes it: plain RSA parameters (jwks-rsa needs no
	 * x5c for an RSA key) and the channels the key is endorsed for, which the SDK checks
	 * against the activity's channel id.
	 */
	private static ObjectNode jwks() {
		RSAPublicKey key = (RSAPublicKey) Keys.MICROSOFT.getPublic();
		ObjectNode jwk = JSON.createObjectNode()
			.put("kty", "RSA")
			.put("use", "sig")
			.put("kid", KEY_ID)
			.put("n", base64Url(key.getModulus()))
			.put("e", base64Url(key.getPublicExponent()));
		jwk.putArray("endorsements").add("msteams");
		ObjectNode jwks = JSON.createObjectNode();
		jwks.putArray("keys").add(jwk);
		return jwks;
	}

	/**
	 * Unsigned big-endian, as JWK wants; BigInteger adds a sign byte when the top bit is
	 * set.
	 */
	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String errorBody(String code, String message) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("error").put("code", code).put("message", message);
		return body.toString();
	}

	private static String errorCode(int status) {
		return switch (status) {
			case 400 -> "BadSyntax";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 412 -> "PreconditionFailed";
			case 429 -> "Throttled";
			default -> (status >= 500) ? "ServiceError" : "Error";
		};
	}

	/**
	 * One request the bot made to the Bot Connector.
	 *
	 * @param method the HTTP method
	 * @param path the path as sent, still URL-encoded
	 * @param conversationId the decoded conversation id from the path; for a created
	 * conversation the id the fake gave it
	 * @param replyToId the decoded activity id after {@code /activities/}: the activity
	 * replied to (POST) or the one updated (PUT); null without one
	 * @param body the JSON body, a missing node when there was none
	 * @param authorization the Authorization header, or null
	 */
	public record Sent(String method, String path, String conversationId, String replyToId, JsonNode body,
			String authorization, String activityId) {

		/** The activity's text, or "" without one. */
		public String text() {
			JsonNode text = this.body.path("text");
			return text.isTextual() ? text.asText() : "";
		}

		/** The content of the first Adaptive Card attachment. */
		public Optional<JsonNode> card() {
			for (JsonNode attachment : this.body.path("attachments")) {
				if (ADAPTIVE_CARD.equals(attachment.path("contentType").asText())) {
					return Optional.of(attachment.path("content"));
				}
			}
			return Optional.empty();
		}

		public boolean isUpdate() {
			return "PUT".equals(this.method);
		}

		/** The id of the activity an update replaced; null for anything but an update. */
		public String updatedActivityId() {
			return isUpdate() ? this.replyToId : null;
		}

	}

	private record Failure(int status, String retryAfterSeconds, String body) {
	}

	private record Received(Sent sent, int status, long nanos) {

		boolean isDeliveredActivity() {
			return this.status >= 200 && this.status < 300
					&& ("POST".equals(this.sent.method()) || "PUT".equals(this.sent.method()))
					&& this.sent.path().contains("/activities");
		}

	}

	/**
	 * The Bot Connector. One transformer, not a stub per route, so that ids, the failure
	 * queue and the record of what was sent share one place; WireMock calls it on several
	 * threads, hence the concurrent collections.
	 */
	private static final class BotConnector implements ResponseDefinitionTransformerV2 {

		private final Entra entra;

		/** The tenant each conversation the bot opened lives in. */
		private final Map<String, String> conversationTenants = new ConcurrentHashMap<>();

		BotConnector(Entra entra) {
			this.entra = entra;
		}

		private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

		private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

		private volatile int delayMillis;

		private volatile Limits limits;

		@Override
		public String getName() {
			return TRANSFORMER;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		void reset() {
			this.received.clear();
			this.failures.clear();
			this.delayMillis = 0;
			this.limits = null;
		}

		List<Timed> times() {
			synchronized (this.received) {
				return this.received.stream()
					.map((received) -> new Timed(received.nanos(), received.sent().method(), received.sent().path(),
							received.status(), this.entra.tenantOfAuthorization(received.sent().authorization())))
					.toList();
			}
		}

		List<Sent> sent(boolean deliveredOnly) {
			synchronized (this.received) {
				return this.received.stream()
					.filter((received) -> !deliveredOnly || received.isDeliveredActivity())
					.map(Received::sent)
					.toList();
			}
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			long nanos = System.nanoTime();
			LoggedRequest request = serveEvent.getRequest();
			String method = request.getMethod().getName();
			String path = request.getUrl().replaceFirst("\\?.*$", "");
			List<String> segments = segments(path);
			JsonNode body = parse(request.getBodyAsString());
			String authorization = request.containsHeader("Authorization") ? request.getHeader("Authorization") : null;
			Answer answer = answer(method, segments, body, authorization);
			String conversationId = (answer.createdConversationId() != null) ? answer.createdConversationId()
					: segment(segments, 2);
			String replyToId = "activities".equals(segment(segments, 3)) ? segment(segments, 4) : null;
			JsonNode answered = parse(answer.body());
			String activityId = (answered != null && answered.hasNonNull("id")
					&& "activities".equals(segment(segments, 3))) ? answered.get("id").asText() : null;
			this.received
				.add(new Received(new Sent(method, path, conversationId, replyToId, body, authorization, activityId),
						answer.status(), nanos));
			ResponseDefinitionBuilder response = jsonResponse(answer.status(), answer.body());
			if (answer.retryAfterSeconds() != null) {
				response.withHeader("Retry-After", answer.retryAfterSeconds());
			}
			int delay = this.delayMillis;
			if (delay > 0) {
				response.withFixedDelay(delay);
			}
			return response.build();
		}

		private Answer answer(String method, List<String> segments, JsonNode body, String authorization) {
			String tenant = this.entra.tenantOfAuthorization(authorization);
			boolean servesEveryone = ("Bearer " + ACCESS_TOKEN).equals(authorization);
			if (tenant == null) {
				return new Answer(401, "{\"message\":\"Authorization has been denied for this request.\"}");
			}
			boolean conversations = "v3".equals(segment(segments, 0)) && "conversations".equals(segment(segments, 1));
			if (conversations && !servesEveryone) {
				// a single-tenant bot reaches only its own tenant
				String target = (segments.size() == 2) ? body.path("tenantId").asText(null)
						: this.conversationTenants.get(segment(segments, 2));
				if (target != null && !target.equalsIgnoreCase(tenant)) {
					return new Answer(401, "{\"message\":\"Authorization has been denied for this request.\"}");
				}
			}
			Limits limits = this.limits;
			if (conversations && limits != null && !limits.admit(tenant, segment(segments, 2))) {
				return new Answer(429, errorBody("Throttled", "Too many requests (fake Bot Connector limits)."),
						limits.retryAfterSeconds, null);
			}
			if (conversations && ("POST".equals(method) || "PUT".equals(method))) {
				Failure failure = this.failures.poll();
				if (failure != null) {
					return new Answer(failure.status(), failure.body(), failure.retryAfterSeconds(), null);
				}
			}
			if (!conversations) {
				return notFound();
			}
			int size = segments.size();
			if (size == 2 && "POST".equals(method)) {
				Answer created = createConversation(body);
				String named = body.path("tenantId").asText(null);
				if (created.createdConversationId() != null && named != null) {
					this.conversationTenants.put(created.createdConversationId(), named);
				}
				return created;
			}
			if (size >= 4 && size <= 5 && "activities".equals(segments.get(3)) && "POST".equals(method)) {
				return new Answer(200, JSON.createObjectNode().put("id", nextActivityId()).toString());
			}
			if (size == 5 && "activities".equals(segments.get(3)) && "PUT".equals(method)) {
				return new Answer(200, JSON.createObjectNode().put("id", segments.get(4)).toString());
			}
			if (size == 5 && "activities".equals(segments.get(3)) && "DELETE".equals(method)) {
				return new Answer(200, "{}");
			}
			if (size == 5 && "members".equals(segments.get(3)) && "GET".equals(method)) {
				return new Answer(200, member(segments.get(2), segments.get(4)).toString());
			}
			return notFound();
		}

		/**
		 * The same member always gets the same conversation id, as in Teams, and one that
		 * follows {@link TeamsActivities}' default so inbound and proactive agree.
		 */
		private static Answer createConversation(JsonNode parameters) {
			String memberId = parameters.path("members").path(0).path("id").asText("");
			if (memberId.isEmpty()) {
				return new Answer(400, errorBody("BadArgument", "Members are required."));
			}
			String conversationId = "a:conv-" + memberId;
			ObjectNode response = JSON.createObjectNode().put("id", conversationId);
			if (parameters.path("activity").isObject()) {
				response.put("activityId", nextActivityId());
			}
			else {
				response.putNull("activityId");
			}
			return new Answer(201, response.toString(), null, conversationId);
		}

		/**
		 * What Teams answers for a member of a 1:1 chat; the SDK's TeamsActivityHandler
		 * asks for it when members are added. The AAD object id comes from the
		 * conversation id convention of {@link TeamsActivities}.
		 */
		private static ObjectNode member(String conversationId, String memberId) {
			ObjectNode member = JSON.createObjectNode()
				.put("id", memberId)
				.put("name", TeamsActivities.USER_NAME)
				.put("tenantId", TENANT_ID)
				.put("userRole", "user");
			if (conversationId.startsWith("a:conv-")) {
				member.put("aadObjectId", conversationId.substring("a:conv-".length()));
			}
			return member;
		}

		private static Answer notFound() {
			return new Answer(404, errorBody("NotFound", "The fake Bot Connector does not know this request."));
		}

		private static String nextActivityId() {
			return "1:" + ACTIVITY_IDS.incrementAndGet();
		}

		/** Decoded path segments after {@code /teams/}; conversation ids contain ':'. */
		private static List<String> segments(String path) {
			String rest = path.substring("/teams/".length());
			List<String> segments = new ArrayList<>();
			for (String segment : rest.split("/")) {
				if (!segment.isEmpty()) {
					// a '+' in a path is a plus, not a space
					segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
				}
			}
			return segments;
		}

		private static String segment(List<String> segments, int index) {
			return (index < segments.size()) ? segments.get(index) : null;
		}

		private static JsonNode parse(String body) {
			if (body == null || body.isBlank()) {
				return MissingNode.getInstance();
			}
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				// keep what was sent, so a test can show it
				return TextNode.valueOf(body);
			}
		}

	}

	/** A tenant's app registration: a secret or a certificate. */
	private record Tenant(String tenantId, String appId, String secret, X509Certificate certificate) {
	}

	private static X509Certificate readCertificate(Path pem) {
		try {
			String text = Files.readString(pem, StandardCharsets.US_ASCII);
			int from = text.indexOf("-----BEGIN CERTIFICATE-----");
			int to = text.indexOf("-----END CERTIFICATE-----");
			byte[] der = Base64.getMimeDecoder()
				.decode(text.substring(from + "-----BEGIN CERTIFICATE-----".length(), to).replaceAll("\\s", ""));
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new IllegalStateException("cannot read the test certificate " + pem, ex);
		}
	}

	/**
	 * Entra's token endpoints of the tenants added: a client-credentials request with the
	 * registration's app id and its secret, or a client assertion the registration's
	 * certificate verifies (PS256, its SHA-256 thumbprint in {@code x5t#S256}, audience
	 * the token endpoint, issuer and subject the app id, not expired), gets the tenant's
	 * token; anything else gets Entra's {@code invalid_client}.
	 */
	private static final class Entra implements ResponseDefinitionTransformerV2 {

		private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

		private final Set<String> refused = ConcurrentHashMap.newKeySet();

		@Override
		public String getName() {
			return ENTRA;
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		/** The tenant whose token an Authorization header carries, or null. */
		String tenantOfAuthorization(String authorization) {
			if (authorization == null) {
				return null;
			}
			if (("Bearer " + ACCESS_TOKEN).equals(authorization)) {
				return TENANT_ID;
			}
			for (Tenant tenant : this.tenants.values()) {
				if (("Bearer " + accessToken(tenant.tenantId())).equals(authorization)) {
					return tenant.tenantId();
				}
			}
			return null;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			LoggedRequest request = serveEvent.getRequest();
			String path = request.getUrl().replaceFirst("\\?.*$", "");
			String tenantId = path.substring(1, path.indexOf('/', 1)).toLowerCase(Locale.ROOT);
			Tenant tenant = this.tenants.get(tenantId);
			if (tenant == null) {
				return refusal(400, "invalid_tenant", "AADSTS90002: Tenant '" + tenantId + "' not found.");
			}
			Map<String, String> form = new LinkedHashMap<>();
			for (String pair : request.getBodyAsString().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			boolean graph = GRAPH_SCOPE.equals(form.get("scope"));
			if (!"client_credentials".equals(form.get("grant_type")) || !(SCOPE.equals(form.get("scope")) || graph)) {
				return refusal(400, "invalid_request",
						"AADSTS900144: Expected client_credentials and " + SCOPE + " or " + GRAPH_SCOPE + ".");
			}
			if (!tenant.appId().equals(form.get("client_id"))) {
				return refusal(400, "unauthorized_client",
						"AADSTS700016: Application with identifier '" + form.get("client_id") + "' was not found.");
			}
			if (this.refused.contains(tenantId)) {
				return refusal(401, "invalid_client", "AADSTS7000222: The provided client secret keys are expired.");
			}
			boolean good = (tenant.secret() != null) ? tenant.secret().equals(form.get("client_secret"))
					: validAssertion(form.get("client_assertion"), tenant,
							"http://" + request.getHost() + ":" + request.getPort() + path);
			if (!good) {
				return refusal(401, "invalid_client", (tenant.secret() != null)
						? "AADSTS7000215: Invalid client secret provided."
						: "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.");
			}
			ObjectNode token = JSON.createObjectNode()
				.put("token_type", "Bearer")
				.put("expires_in", 3599)
				.put("access_token", graph ? graphToken(tenant.tenantId()) : accessToken(tenant.tenantId()));
			return jsonResponse(200, token.toString()).build();
		}

		private static boolean validAssertion(String assertion, Tenant tenant, String audience) {
			if (assertion == null) {
				return false;
			}
			try {
				String[] parts = assertion.split("\\.");
				JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
				JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
				String thumbprint = Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(MessageDigest.getInstance("SHA-256").digest(tenant.certificate().getEncoded()));
				Signature signature = Signature.getInstance("RSASSA-PSS");
				signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
				signature.initVerify(tenant.certificate().getPublicKey());
				signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
				return "PS256".equals(header.path("alg").asText())
						&& thumbprint.equals(header.path("x5t#S256").asText())
						&& signature.verify(Base64.getUrlDecoder().decode(parts[2]))
						&& audience.equals(claims.path("aud").asText())
						&& tenant.appId().equals(claims.path("iss").asText())
						&& tenant.appId().equals(claims.path("sub").asText())
						// the app stamps it with its own clock, which tests hold at a
						// fixed time: a lifetime is checked, not the wall clock
						&& claims.path("exp").asLong() > claims.path("nbf").asLong();
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				return false;
			}
		}

		private static ResponseDefinition refusal(int status, String error, String description) {
			return jsonResponse(status,
					JSON.createObjectNode()
						.put("error", error)
						.put("error_description", description + "\r\nTrace ID: fake")
						.toString())
				.build();
		}

	}

	/**
	 * Teams' ceilings as sliding windows of one second over the times (milliseconds of
	 * {@link System#nanoTime()}) of the requests admitted.
	 */
	private static final class Limits {

		private final int perTenant;

		private final int perConversation;

		private final String retryAfterSeconds;

		private final Map<String, java.util.ArrayDeque<Long>> tenants = new java.util.HashMap<>();

		private final Map<String, java.util.ArrayDeque<Long>> conversations = new java.util.HashMap<>();

		private final AtomicLong rejected = new AtomicLong();

		Limits(int perTenant, int perConversation, String retryAfterSeconds) {
			this.perTenant = perTenant;
			this.perConversation = perConversation;
			this.retryAfterSeconds = retryAfterSeconds;
		}

		/**
		 * Whether one more request (to the conversation, null for none) fits; books it if
		 * so.
		 */
		synchronized boolean admit(String tenantId, String conversationId) {
			long now = System.nanoTime() / 1_000_000;
			java.util.ArrayDeque<Long> tenant = this.tenants.computeIfAbsent(tenantId,
					(id) -> new java.util.ArrayDeque<>());
			java.util.ArrayDeque<Long> conversation = (conversationId != null && this.perConversation > 0)
					? this.conversations.computeIfAbsent(conversationId, (id) -> new java.util.ArrayDeque<>()) : null;
			if (!fits(tenant, this.perTenant, now)
					|| (conversation != null && !fits(conversation, this.perConversation, now))) {
				this.rejected.incrementAndGet();
				return false;
			}
			tenant.addLast(now);
			if (conversation != null) {
				conversation.addLast(now);
			}
			return true;
		}

		private static boolean fits(java.util.ArrayDeque<Long> times, int max, long now) {
			while (!times.isEmpty() && times.peekFirst() <= now - 1_000) {
				times.pollFirst();
			}
			return max <= 0 || times.size() < max;
		}

	}

	private record Answer(int status, String body, String retryAfterSeconds, String createdConversationId) {

		Answer(int status, String body) {
			this(status, body, null, null);
		}

	}

	/**
	 * One key pair for Microsoft and one for a stranger per JVM: the SDK caches the JWKS
	 * it fetched for a day, so a key generated per instance would not verify.
	 */
	private static final class Keys {

		static final KeyPair MICROSOFT = generate();

		static final KeyPair STRANGER = generate();

		private static KeyPair generate() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
