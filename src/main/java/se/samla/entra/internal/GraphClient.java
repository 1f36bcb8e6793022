package se.samla.entra.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samla.entra.AccessTokens;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;
import se.samla.entra.Registration;
import se.samla.entra.TokenRefusedException;

/**
 * Microsoft Graph over plain HTTP, with each tenant's app-only token. Throttled requests
 * wait as long as Graph's {@code Retry-After} says (or back off when it says nothing); a
 * rejected token is renewed once. Refusals keep Graph's error code and message, never a
 * token or an address.
 */
class GraphClient implements GraphUsers {

	private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

	private static final int MAX_REASON = 300;

	private final GraphProperties properties;

	private final AccessTokens tokens;

	private final Pause pause;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> catalogIds = new ConcurrentHashMap<>();

	GraphClient(GraphProperties properties, AccessTokens tokens, Pause pause) {
		this.properties = properties;
		this.tokens = tokens;
		this.pause = pause;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public UserLookup find(Registration registration, String address) {
		try {
			Answer direct = send(registration, "GET",
					"v1.0/users/" + pathSegment(address) + "?$select=id,userPrincipalName,mail", null, false);
			if (direct.status() == 200) {
				return found(registration, direct.body());
			}
			if (direct.status() != 404) {
				return new UserLookup.Refused(direct.refusal());
			}
			// the address may be a secondary one, or a primary one that differs from the
			// UPN
			String quoted = address.replace("'", "''");
			String filter = "mail eq '" + quoted + "' or proxyAddresses/any(p:p eq 'smtp:" + quoted + "')";
			Answer search = send(registration, "GET",
					"v1.0/users?$filter=" + query(filter) + "&$count=true&$select=id,userPrincipalName,mail&$top=5",
					null, true);
			if (search.status() != 200) {
				return new UserLookup.Refused(search.refusal());
			}
			JsonNode users = search.body().path("value");
			return switch (users.size()) {
				case 0 -> new UserLookup.NotFound();
				case 1 -> found(registration, users.get(0));
				default -> new UserLookup.Ambiguous(users.size());
			};
		}
		catch (Unanswered ex) {
			return new UserLookup.Refused(ex.getMessage());
		}
	}

	@Override
	public AppInstallation installTeamsApp(Registration registration, String userObjectId) {
		try {
			String catalogId = catalogId(registration);
			String body = "{\"teamsApp@odata.bind\":\"" + this.properties.url() + "v1.0/appCatalogs/teamsApps/"
					+ catalogId + "\"}";
			Answer answer = send(registration, "POST",
					"v1.0/users/" + pathSegment(userObjectId) + "/teamwork/installedApps", body, false);
			if (answer.status() == 201 || answer.status() == 200 || answer.status() == 204) {
				return new AppInstallation.Installed(false);
			}
			if (answer.status() == 409) {
				return new AppInstallation.Installed(true);
			}
			return answer.passing() ? new AppInstallation.Unavailable(answer.refusal())
					: new AppInstallation.Refused(answer.refusal());
		}
		catch (Unanswered ex) {
			return ex.passing ? new AppInstallation.Unavailable(ex.getMessage())
					: new AppInstallation.Refused(ex.getMessage());
		}
	}

	/**
	 * The id of Samla's app in the tenant's catalog: configured, or looked up by the
	 * manifest id (the registration's app id; needs {@code AppCatalog.Read.All}).
	 */
	private String catalogId(Registration registration) {
		String configured = this.properties.teamsApp(registration.tenantId());
		if (configured != null) {
			return configured;
		}
		String key = registration.tenantId().toLowerCase(Locale.ROOT);
		String known = this.catalogIds.get(key);
		if (known != null) {
			return known;
		}
		Answer answer = send(
				registration, "GET", "v1.0/appCatalogs/teamsApps?$filter="
						+ query("externalId eq '" + registration.appId() + "'") + "&$select=id,externalId",
				null, false);
		if (answer.status() != 200) {
			throw new Unanswered("the app catalog could not be read: " + answer.refusal(), answer.passing());
		}
		JsonNode apps = answer.body().path("value");
		if (apps.size() != 1) {
			throw new Unanswered("the tenant's Teams app catalog holds " + apps.size() + " apps with manifest id "
					+ registration.appId() + " (upload the app package, or set"
					+ " samla.entra.graph.teams-apps for the tenant)");
		}
		String id = apps.get(0).path("id").asString();
		this.catalogIds.put(key, id);
		return id;
	}

	private static UserLookup found(Registration registration, JsonNode user) {
		String id = user.path("id").asString("");
		if (id.isBlank()) {
			return new UserLookup.Refused("Graph answered a user without an id");
		}
		return new UserLookup.Found(id.toLowerCase(Locale.ROOT), registration.tenantId().toLowerCase(Locale.ROOT));
	}

	private Answer send(Registration registration, String method, String path, String body, boolean advanced) {
		boolean renewed = false;
		for (int attempt = 1;; attempt++) {
			String token;
			try {
				token = this.tokens.token(registration, AccessTokens.GRAPH);
			}
			catch (TokenRefusedException ex) {
				// Entra refused the registration, or could not be reached: a matter of
				// the
				// set-up either way, which an operator sees in the token problems
				throw new Unanswered("no Graph token: " + ex.reason());
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.properties.url() + path))
				.timeout(this.properties.timeout())
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json");
			if (advanced) {
				request.header("ConsistencyLevel", "eventual");
			}
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response;
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new Unanswered("Graph could not be reached (" + ex.getClass().getSimpleName() + ")", true);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Unanswered("interrupted while asking Graph", true);
			}
			int status = response.statusCode();
			if (status == 401 && !renewed) {
				this.tokens.rejected(registration, AccessTokens.GRAPH);
				renewed = true;
				attempt--;
				continue;
			}
			if ((status == 429 || status == 503) && attempt < this.properties.attempts()) {
				Duration wait = retryAfter(response, attempt);
				if (wait.compareTo(this.properties.longestWait()) > 0) {
					throw new Unanswered("Graph asks to wait " + wait.toSeconds() + " s (HTTP " + status + ")", true);
				}
				log.info("Graph throttled tenant {} (HTTP {}); waiting {} s", registration.tenantId(), status,
						wait.toSeconds());
				this.pause.sleep(wait);
				continue;
			}
			return new Answer(status, parse(response.body()));
		}
	}

	private static Duration retryAfter(HttpResponse<String> response, int attempt) {
		String header = response.headers().firstValue("Retry-After").orElse("");
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(1L << Math.min(attempt, 6));
		}
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return this.json.missingNode();
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.missingNode();
		}
	}

	private static String pathSegment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
	}

	private static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A status and Graph's JSON body (a missing node when there was none). */
	private record Answer(int status, JsonNode body) {

		/**
		 * Whether Graph failed for now rather than refused: a timeout, throttling, a
		 * server error. Asking again later may work.
		 */
		boolean passing() {
			return this.status == 408 || this.status == 429 || this.status >= 500;
		}

		/**
		 * Graph's error code and message:
		 * {@code HTTP 403 Authorization_RequestDenied: …}.
		 */
		String refusal() {
			StringBuilder reason = new StringBuilder("HTTP ").append(this.status);
			JsonNode error = this.body.path("error");
			String code = error.path("code").asString("");
			String message = error.path("message").asString("");
			if (!code.isEmpty()) {
				reason.append(' ').append(code);
			}
			if (!message.isEmpty()) {
				reason.append(": ").append(message.lines().findFirst().orElse("").strip());
			}
			if (this.status == 403 && code.isEmpty()) {
				reason.append(" (is the application permission granted, with admin consent?)");
			}
			return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) + "…" : reason.toString();
		}

	}

	/**
	 * Graph gave no usable answer: the message is the reason; {@code passing} when it may
	 * answer later (unreachable, throttled, a server error).
	 */
	private static final class Unanswered extends RuntimeException {

		private final boolean passing;

		Unanswered(String reason) {
			this(reason, false);
		}

		Unanswered(String reason, boolean passing) {
			super(reason, null, false, false);
			this.passing = passing;
		}

	}

	/** Waits out throttling; tests pass one that only records. */
	@FunctionalInterface
	interface Pause {

		void sleep(Duration duration);

		static Pause real() {
			return duration -> {
				try {
					Thread.sleep(duration.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new Unanswered("interrupted while waiting for Graph", true);
				}
			};
		}

	}

}
