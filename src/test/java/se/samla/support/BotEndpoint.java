package se.samla.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posts activities to the app's {@code /api/messages}, as Teams does. */
public final class BotEndpoint {

	private static final HttpClient http = HttpClient.newHttpClient();

	private BotEndpoint() {
	}

	/**
	 * Posts a body with an Authorization header (none when {@code null}).
	 * @return the HTTP status
	 */
	public static int post(int port, String body, String authorization) throws IOException, InterruptedException {
		return exchange(port, body, authorization).statusCode();
	}

	/** Posts a body with an Authorization header (none when {@code null}). */
	public static HttpResponse<String> exchange(int port, String body, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
