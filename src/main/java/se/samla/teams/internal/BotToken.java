package se.samla.teams.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Serialization;

/**
 * The bot's own token for the Bot Connector (OAuth client credentials), fetched from the
 * configured token endpoint and kept until shortly before it expires.
 * <p>
 * Why not the SDK's own: its MSAL client insists on Microsoft's hosts and discovery, so
 * it can be pointed neither at a single-tenant endpoint we choose nor at a test server.
 */
class BotToken extends MicrosoftAppCredentials {

	private static final String SCOPE = "https://api.botframework.com/.default";

	private static final Duration EARLY = Duration.ofMinutes(5);

	private final URI tokenUrl;

	private final String appId;

	private final String appPassword;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private String token;

	private Instant expires = Instant.MIN;

	BotToken(String tokenUrl, String appId, String appPassword, Clock clock) {
		super(appId, appPassword);
		this.tokenUrl = URI.create(tokenUrl);
		this.appId = appId;
		this.appPassword = appPassword;
		this.clock = clock;
	}

	@Override
	public CompletableFuture<String> getToken() {
		try {
			return CompletableFuture.completedFuture(current());
		}
		catch (IOException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.failedFuture(ex);
		}
	}

	synchronized String current() throws IOException, InterruptedException {
		Instant now = Instant.now(this.clock);
		if (this.token != null && now.isBefore(this.expires.minus(EARLY))) {
			return this.token;
		}
		String form = "grant_type=client_credentials&client_id=" + encode(this.appId) + "&client_secret="
				+ encode(this.appPassword) + "&scope=" + encode(SCOPE);
		HttpRequest request = HttpRequest.newBuilder(this.tokenUrl)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			// the body may echo the request; only the status is worth logging
			throw new IOException("token endpoint answered " + response.statusCode());
		}
		JsonNode body = Serialization.jsonToTree(response.body());
		String accessToken = body.path("access_token").asText(null);
		if (accessToken == null) {
			throw new IOException("token endpoint answered without an access_token");
		}
		this.token = accessToken;
		this.expires = now.plusSeconds(body.path("expires_in").asLong(3600));
		return this.token;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
