package se.samla.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves the harness against the SDK's own code: inbound tokens go through the real JWT
 * validation and outbound sends through the real {@link RestConnectorClient}.
 */
class FakeMicrosoftTests {

	private static final String USER_ID = "29:1a2b3c-user";

	private static final String AAD_OBJECT_ID = "0b6a8f3e-0000-4000-8000-00000000aa01";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FakeMicrosoft fake = FakeMicrosoft.shared();

	private static String previousMetadataUrl;

	private RestConnectorClient connector;

	@BeforeAll
	static void pointTheSdkAtTheFake() {
		previousMetadataUrl = ChannelValidation.getOpenIdMetaDataUrl();
		ChannelValidation.setOpenIdMetaDataUrl(fake.openIdMetadataUrl());
	}

	@AfterAll
	static void restoreTheSdk() {
		ChannelValidation.setOpenIdMetaDataUrl(previousMetadataUrl);
	}

	@BeforeEach
	void reset() {
		fake.reset();
		this.connector = new RestConnectorClient(fake.serviceUrl(), new TokenUrlCredentials(fake.tokenUrl()));
	}

	@Test
	void validBearerIsAccepted() throws IOException {
		ClaimsIdentity identity = authenticate(message(fake.serviceUrl()), fake.bearer(fake.serviceUrl()));

		assertThat(identity.isAuthenticated()).isTrue();
		assertThat(identity.getIssuer()).isEqualTo(FakeMicrosoft.ISSUER);
		assertThat(identity.claims()).containsEntry("serviceurl", fake.serviceUrl());
	}

	@Test
	void expiredBearerIsRejected() {
		assertRejected(message(fake.serviceUrl()), fake.bearerExpired(fake.serviceUrl()), "expired");
	}

	@Test
	void bearerForAnotherAppIsRejected() {
		assertRejected(message(fake.serviceUrl()),
				fake.bearerForAudience("00000000-0000-0000-0000-000000000000", fake.serviceUrl()), "Invalid AppId");
	}

	@Test
	void bearerSignedByAStrangerIsRejected() {
		assertRejected(message(fake.serviceUrl()), fake.bearerSignedByStranger(fake.serviceUrl()), "Signature");
	}

	@Test
	void bearerForAnotherServiceUrlIsRejected() {
		assertRejected(message(fake.serviceUrl()), fake.bearer("https://smba.trafficmanager.net/emea/"),
				"does not match service url");
	}

	@Test
	void bearerWithoutServiceUrlClaimIsRejected() {
		assertRejected(message(fake.serviceUrl()), fake.bearer(null), "claim is required");
	}

	@Test
	void keyIsEndorsedForTeamsOnly() {
		// proves the SDK read the endorsements from the JWKS: without them it skips the
		// check
		String webChat = message(fake.serviceUrl()).replace("\"msteams\"", "\"webchat\"");

		assertRejected(webChat, fake.bearer(fake.serviceUrl()), "Could not validate endorsement");
	}

	@Test
	void everyActivityTypeParsesWithTheSdk() throws IOException {
		TeamsActivities from = TeamsActivities.from(USER_ID, AAD_OBJECT_ID, fake.serviceUrl());
		JsonNode inputs = JSON.createObjectNode().put("answer", "Ja");

		Activity submit = parse(from.cardSubmit("f:2", "1:7", inputs));
		assertThat(submit.getReplyToId()).isEqualTo("1:7");
		assertThat(submit.getValue()).isNotNull();
		assertThat(parse(from.installationAdd("f:3")).getAction()).isEqualTo("add");
		assertThat(parse(from.membersAdded("f:4")).getMembersAdded()).extracting(ChannelAccount::getId)
			.containsExactly(USER_ID);
		assertThat(parse(from.ofType("f:5", ActivityTypes.TYPING)).getType()).isEqualTo(ActivityTypes.TYPING);
		Activity message = parse(from.inConversation("a:other").message("f:6", "Hej"));
		assertThat(message.getConversation().getId()).isEqualTo("a:other");
		assertThat(message.getConversation().getTenantId()).isEqualTo(FakeMicrosoft.TENANT_ID);
		assertThat(message.getFrom().getAadObjectId()).isEqualTo(AAD_OBJECT_ID);
		assertThat(message.getText()).isEqualTo("Hej");
	}

	@Test
	void tokenEndpointRefusesAWrongSecret() throws Exception {
		HttpResponse<String> response = requestToken(fake.tokenUrl(), "wrong-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
		assertThat(fake.tokenRequests()).isEqualTo(1);
	}

	@Test
	void connectorClientCreatesAConversationSendsAndUpdates() {
		ConversationParameters parameters = new ConversationParameters();
		parameters.setIsGroup(false);
		parameters.setBot(new ChannelAccount(TeamsActivities.BOT_ID));
		parameters.setMembers(List.of(new ChannelAccount(AAD_OBJECT_ID)));
		parameters.setTenantId(FakeMicrosoft.TENANT_ID);
		ConversationResourceResponse created = this.connector.getConversations().createConversation(parameters).join();
		assertThat(created.getId()).isEqualTo("a:conv-" + AAD_OBJECT_ID);

		ResourceResponse sent = this.connector.getConversations()
			.sendToConversation(created.getId(), cardActivity("Fråga 1"))
			.join();
		ResourceResponse reply = this.connector.getConversations()
			.replyToActivity(created.getId(), "1:proactive", textActivity("Tack!"))
			.join();
		ResourceResponse updated = this.connector.getConversations()
			.updateActivity(created.getId(), sent.getId(), cardActivity("Besvarad"))
			.join();

		assertThat(sent.getId()).startsWith("1:").isNotEqualTo(reply.getId());
		assertThat(updated.getId()).isEqualTo(sent.getId());
		List<FakeMicrosoft.Sent> requests = fake.sent();
		assertThat(requests).extracting(FakeMicrosoft.Sent::method).containsExactly("POST", "POST", "POST", "PUT");
		assertThat(requests).extracting(FakeMicrosoft.Sent::conversationId).containsOnly(created.getId());
		assertThat(requests).extracting(FakeMicrosoft.Sent::authorization)
			.containsOnly("Bearer " + FakeMicrosoft.ACCESS_TOKEN);
		assertThat(requests.get(1).card()).map((card) -> card.path("body").path(0).path("text").asText())
			.contains("Fråga 1");
		assertThat(requests.get(2).replyToId()).isEqualTo("1:proactive");
		assertThat(requests.get(2).text()).isEqualTo("Tack!");
		assertThat(requests.get(3).isUpdate()).isTrue();
		assertThat(requests.get(3).updatedActivityId()).isEqualTo(sent.getId());
		assertThat(fake.delivered()).hasSize(3);
		assertThat(fake.tokenRequests()).isPositive();
	}

	@Test
	void conversationIdsAreDecodedFromThePath() throws Exception {
		// the SDK (OkHttp) leaves ':' as it is; other clients encode it
		this.connector.getConversations().sendToConversation("a:conv-x/y", textActivity("Hej")).join();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fake.serviceUrl() + "v3/conversations/a%3Aconv-z/activities/1%3A9"))
				.header("Authorization", "Bearer " + FakeMicrosoft.ACCESS_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\",\"text\":\"Hej\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(fake.sent()).extracting(FakeMicrosoft.Sent::path)
			.containsExactly("/teams/v3/conversations/a:conv-x%2Fy/activities",
					"/teams/v3/conversations/a%3Aconv-z/activities/1%3A9");
		assertThat(fake.sent()).extracting(FakeMicrosoft.Sent::conversationId)
			.containsExactly("a:conv-x/y", "a:conv-z");
		assertThat(fake.sent().get(1).replyToId()).isEqualTo("1:9");
	}

	@Test
	void throttledSendCarriesRetryAfterAndTheNextSucceeds() {
		fake.failNextSends(1, 429, "2");

		assertThatThrownBy(() -> send("Hej")).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
				assertThat(ex.response().code()).isEqualTo(429);
				assertThat(ex.response().headers().get("Retry-After")).isEqualTo("2");
			});
		assertThat(send("Hej igen").getId()).startsWith("1:");
		assertThat(fake.sent()).hasSize(2);
		assertThat(fake.delivered()).extracting(FakeMicrosoft.Sent::text).containsExactly("Hej igen");
	}

	@Test
	void enforcedLimitsAnswer429WithRetryAfterBeyondTheCeiling() {
		fake.enforceLimits(3, 0, "1");

		for (int i = 0; i < 3; i++) {
			assertThat(send("Inom gränsen " + i).getId()).startsWith("1:");
		}
		assertThatThrownBy(() -> send("En för mycket")).cause()
			.isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
				assertThat(ex.response().code()).isEqualTo(429);
				assertThat(ex.response().headers().get("Retry-After")).isEqualTo("1");
			});
		assertThat(fake.limitRejections()).isEqualTo(1);
		assertThat(fake.requestTimes()).extracting(FakeMicrosoft.Timed::status).containsExactly(200, 200, 200, 429);
		assertThat(fake.delivered()).hasSize(3);
	}

	@Test
	void blockedUserGetsTeamsErrorBody() {
		fake.failNextSendsWithBody(1, 403, "{\"error\":{\"code\":\"ConversationBlockedByUser\","
				+ "\"message\":\"User blocked the conversation with the bot.\"}}");

		assertThatThrownBy(() -> send("Hej")).cause().isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
			assertThat(ex.response().code()).isEqualTo(403);
			assertThat(ex.body().getError().getCode()).isEqualTo("ConversationBlockedByUser");
		});
	}

	@Test
	void sendsWithoutTheIssuedTokenAreUnauthorized() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fake.serviceUrl() + "v3/conversations/a:c/activities"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"message\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(fake.delivered()).isEmpty();
	}

	@Test
	void delayedSendsTakeAtLeastTheDelay() {
		fake.delaySends(300);
		long started = System.nanoTime();

		send("Hej");

		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
		fake.reset();
		started = System.nanoTime();
		send("Hej");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(300);
	}

	@Test
	void concurrentSendsGetUniqueIdsAndAreAllRecorded() throws Exception {
		// 429, as the SDK's retry handler would replay a 5xx and hide the failures
		fake.failNextSends(3, 429, null);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String text = "Meddelande " + i;
				ids.add(pool.submit(() -> {
					try {
						return send(text).getId();
					}
					catch (CompletionException ex) {
						return "failed";
					}
				}));
			}
			Set<String> unique = new HashSet<>();
			int failed = 0;
			for (Future<String> id : ids) {
				String value = id.get();
				if ("failed".equals(value)) {
					failed++;
				}
				else {
					unique.add(value);
				}
			}
			assertThat(failed).isEqualTo(3);
			assertThat(unique).hasSize(37);
			assertThat(fake.sent()).hasSize(40);
			assertThat(fake.delivered()).hasSize(37);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ResourceResponse send(String text) {
		return this.connector.getConversations()
			.sendToConversation("a:conv-" + AAD_OBJECT_ID, textActivity(text))
			.join();
	}

	private static Activity textActivity(String text) {
		Activity activity = Activity.createMessageActivity();
		activity.setText(text);
		return activity;
	}

	private static Activity cardActivity(String text) {
		Attachment attachment = new Attachment();
		attachment.setContentType("application/vnd.microsoft.card.adaptive");
		var card = JSON.createObjectNode().put("type", "AdaptiveCard").put("version", "1.4");
		card.putArray("body").addObject().put("type", "TextBlock").put("text", text);
		attachment.setContent(card);
		Activity activity = Activity.createMessageActivity();
		activity.setAttachments(List.of(attachment));
		return activity;
	}

	private static String message(String serviceUrl) {
		return TeamsActivities.from(USER_ID, AAD_OBJECT_ID, serviceUrl).message("f:1", "Hej");
	}

	private static Activity parse(String json) throws IOException {
		Activity activity = Serialization.treeToValue(Serialization.jsonToTree(json), Activity.class);
		assertThat(activity).as("the SDK could not parse %s", json).isNotNull();
		return activity;
	}

	private static ClaimsIdentity authenticate(String activityJson, String authorization) throws IOException {
		return JwtTokenValidation
			.authenticateRequest(parse(activityJson), authorization,
					new SimpleCredentialProvider(FakeMicrosoft.APP_ID, FakeMicrosoft.APP_PASSWORD), null,
					new AuthenticationConfiguration())
			.join();
	}

	/** Rejected, and for the expected reason rather than, say, an unreachable JWKS. */
	private static void assertRejected(String activityJson, String authorization, String reason) {
		assertThatThrownBy(() -> authenticate(activityJson, authorization)).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(AuthenticationException.class)
			.hasMessageContaining(reason);
	}

	private static HttpResponse<String> requestToken(String tokenUrl, String secret)
			throws IOException, InterruptedException {
		String form = "grant_type=client_credentials&client_id=" + FakeMicrosoft.APP_ID + "&client_secret="
				+ URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&scope="
				+ URLEncoder.encode(FakeMicrosoft.SCOPE, StandardCharsets.UTF_8);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(tokenUrl))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The SDK's own credentials go through MSAL, which cannot be pointed at a local token
	 * endpoint; this asks the fake's token endpoint directly, as the application does.
	 */
	private static final class TokenUrlCredentials extends MicrosoftAppCredentials {

		private final String tokenUrl;

		TokenUrlCredentials(String tokenUrl) {
			super(FakeMicrosoft.APP_ID, FakeMicrosoft.APP_PASSWORD);
			this.tokenUrl = tokenUrl;
		}

		@Override
		public CompletableFuture<String> getToken() {
			try {
				HttpResponse<String> response = requestToken(this.tokenUrl, FakeMicrosoft.APP_PASSWORD);
				return CompletableFuture.completedFuture(JSON.readTree(response.body()).path("access_token").asText());
			}
			catch (IOException ex) {
				return CompletableFuture.failedFuture(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return CompletableFuture.failedFuture(ex);
			}
		}

	}

}
