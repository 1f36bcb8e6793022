package se.samla.entra.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samla.entra.AccessTokens;
import se.samla.entra.ClientAssertions;
import se.samla.entra.EntraProperties;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;
import se.samla.entra.TokenRefusedException;

/**
 * Tokens by the client-credentials flow from each registration's tenant. One lock per
 * registration and scope: a tenant renewing its token does not hold up another's.
 */
class EntraTokenClient implements AccessTokens {

	private static final Logger log = LoggerFactory.getLogger(EntraTokenClient.class);

	private static final int MAX_REASON = 300;

	private final EntraProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

	private final ClientAssertions assertions;

	private final Map<Key, TokenProblem> problems = new ConcurrentHashMap<>();

	EntraTokenClient(EntraProperties properties, Clock clock) {
		this(properties, clock, new CertificateAssertions(clock));
	}

	EntraTokenClient(EntraProperties properties, Clock clock, ClientAssertions assertions) {
		this.properties = properties;
		this.clock = clock;
		this.assertions = assertions;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Override
	public String token(Registration registration, String scope) {
		Key key = new Key(registration.tenantId().toLowerCase(Locale.ROOT), registration.appId(), scope);
		Slot slot = this.slots.computeIfAbsent(key, k -> new Slot());
		synchronized (slot) {
			Instant now = Instant.now(this.clock);
			if (slot.token != null && now.isBefore(slot.expires.minus(this.properties.renewBefore()))) {
				return slot.token;
			}
			try {
				Fetched fetched = fetch(registration, scope, now);
				slot.token = fetched.token();
				slot.expires = fetched.expires();
				if (this.problems.remove(key) != null) {
					log.info("Entra gives tokens again to app {} in tenant {}", registration.appId(),
							registration.tenantId());
				}
				return slot.token;
			}
			catch (TokenRefusedException ex) {
				slot.token = null;
				this.problems.put(key,
						new TokenProblem(registration.tenantId(), registration.appId(), scope, ex.reason(), now));
				log.warn("{} (scope {})", ex.getMessage(), scope);
				throw ex;
			}
		}
	}

	@Override
	public void rejected(Registration registration, String scope) {
		Slot slot = this.slots
			.get(new Key(registration.tenantId().toLowerCase(Locale.ROOT), registration.appId(), scope));
		if (slot != null) {
			synchronized (slot) {
				slot.token = null;
			}
		}
	}

	@Override
	public List<TokenProblem> problems() {
		List<TokenProblem> all = new ArrayList<>(this.problems.values());
		all.sort(Comparator.comparing(TokenProblem::tenantId).thenComparing(TokenProblem::scope));
		return all;
	}

	private Fetched fetch(Registration registration, String scope, Instant now) {
		String endpoint = tokenEndpoint(registration);
		StringBuilder form = new StringBuilder("grant_type=client_credentials");
		form.append("&client_id=").append(encode(registration.appId()));
		form.append("&scope=").append(encode(scope));
		if (registration.certificate() != null) {
			form.append("&client_assertion_type=").append(encode(ClientAssertions.JWT_BEARER));
			form.append("&client_assertion=").append(encode(this.assertions.assertion(registration, endpoint)));
		}
		else {
			form.append("&client_secret=").append(encode(registration.clientSecret()));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new TokenRefusedException(registration, "Entra could not be reached (" + ex + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TokenRefusedException(registration, "interrupted while asking Entra", ex);
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() != 200) {
			throw new TokenRefusedException(registration, refusal(response.statusCode(), body), null);
		}
		String token = (body != null) ? body.path("access_token").asString(null) : null;
		if (token == null || token.isBlank()) {
			throw new TokenRefusedException(registration, "Entra answered without an access_token", null);
		}
		long lifetime = body.path("expires_in").asLong(3600);
		return new Fetched(token, now.plusSeconds(lifetime));
	}

	private String tokenEndpoint(Registration registration) {
		return (registration.tokenUrl() != null) ? registration.tokenUrl()
				: this.properties.authority() + registration.tenantId() + "/oauth2/v2.0/token";
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Entra's error code and the first sentence of its description (its AADSTS code). */
	static String refusal(int status, JsonNode body) {
		StringBuilder reason = new StringBuilder("HTTP ").append(status);
		if (body != null) {
			String error = body.path("error").asString("");
			String description = body.path("error_description").asString("");
			if (!error.isEmpty()) {
				reason.append(' ').append(error);
			}
			if (!description.isEmpty()) {
				String first = description.lines().findFirst().orElse("").strip();
				int sentence = first.indexOf(". ");
				reason.append(": ").append((sentence > 0) ? first.substring(0, sentence + 1) : first);
			}
		}
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) + "…" : reason.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Key(String tenant, String appId, String scope) {
	}

	private record Fetched(String token, Instant expires) {
	}

	private static final class Slot {

		private String token;

		private Instant expires = Instant.MIN;

	}

}
