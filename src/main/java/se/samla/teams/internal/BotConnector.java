package se.samla.teams.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.entra.AccessTokens;
import se.samla.entra.Registration;
import se.samla.entra.TokenRefusedException;
import se.samla.teams.TeamsProperties;
import se.samla.teams.internal.ConnectorFailure.Kind;

/**
 * The bot's requests to the Bot Connector: open a chat, send, update a card. Every
 * request waits for its turn under Teams' limits, and is retried here (the SDK's own
 * retry is switched off: it retries at once and never after a 429): {@code Retry-After}
 * is honoured, 412 and 5xx are retried with exponential backoff and jitter up to a cap. A
 * request whose answer never came is not repeated ({@link Kind#UNCERTAIN}).
 * <p>
 * Each request goes out as the registration of its tenant, with that registration's token
 * (a 401 makes it fetch a new one and try once more); each tenant has its own budget
 * under Teams' limits. The bot's token goes only to allowed service URL hosts.
 */
class BotConnector {

	private static final Logger log = LoggerFactory.getLogger(BotConnector.class);

	private static final List<Integer> RETRIED = List.of(412, 429, 502, 503, 504);

	private final TeamsProperties properties;

	private final BotRegistrations registrations;

	private final AccessTokens tokens;

	private final TenantProblems problems;

	private final Throttle throttle;

	private final Sleeper sleeper;

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	private final ConnectorStatistics statistics = new ConnectorStatistics();

	BotConnector(TeamsProperties properties, BotRegistrations registrations, AccessTokens tokens,
			TenantProblems problems, Sleeper sleeper) {
		this.properties = properties;
		this.registrations = registrations;
		this.tokens = tokens;
		this.problems = problems;
		this.sleeper = sleeper;
		this.throttle = new Throttle(properties.limits(), () -> System.nanoTime() / 1_000_000, sleeper);
	}

	/**
	 * Whether the bot may talk to (and send its token to) this service URL: https to an
	 * allowed host, or plain http to an allowed loopback host (localhost, 127.0.0.0/8,
	 * ::1; for local tests and emulators). Every refusal is logged with its reason.
	 */
	boolean isAllowed(String serviceUrl) {
		String refusal = refusal(serviceUrl);
		if (refusal != null) {
			log.warn("Teams service URL refused: {}", refusal);
		}
		return refusal == null;
	}

	/** Why a service URL is refused, or {@code null} when it is allowed. */
	private String refusal(String serviceUrl) {
		if (serviceUrl == null) {
			return "none given";
		}
		URI uri;
		try {
			uri = URI.create(serviceUrl);
		}
		catch (IllegalArgumentException ex) {
			return "not a valid URL";
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
		if (host == null) {
			return "no host";
		}
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
			return "scheme " + scheme + " not allowed for host " + host
					+ " (https is required; http only for loopback addresses)";
		}
		String bare = host.replace("[", "").replace("]", "");
		boolean listed = this.properties.allowedServiceUrlHosts()
			.stream()
			.map(allowed -> allowed.toLowerCase(Locale.ROOT).replace("[", "").replace("]", ""))
			.anyMatch(allowed -> bare.equals(allowed) || bare.endsWith("." + allowed));
		return listed ? null : "host " + host + " not in samla.teams.allowed-service-url-hosts";
	}

	/**
	 * Whether a host is a loopback name or address literal; names other than localhost
	 * are not resolved, so DNS cannot make a remote host look local.
	 */
	static boolean isLoopback(String host) {
		if (host.equals("localhost")) {
			return true;
		}
		if (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
			return Arrays.stream(host.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			try {
				return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * Opens (or finds again: Teams returns the same chat) the 1:1 chat with a person.
	 * @return the conversation id
	 */
	String createConversation(String serviceUrl, String tenantId, String aadObjectId) throws ConnectorFailure {
		Registration registration = registration(tenantId);
		ConversationParameters parameters = new ConversationParameters();
		parameters.setIsGroup(false);
		parameters.setBot(new ChannelAccount("28:" + registration.appId()));
		// the Entra object id goes in "id": Teams answers 400 when it is in aadObjectId
		parameters.setMembers(List.of(new ChannelAccount(aadObjectId)));
		parameters.setTenantId(tenantId);
		TeamsChannelData channelData = new TeamsChannelData();
		channelData.setTenant(new TenantInfo(tenantId));
		parameters.setChannelData(channelData);
		ConversationResourceResponse created = call(serviceUrl, tenantId, null,
				client -> client.getConversations().createConversation(parameters).join());
		return created.getId();
	}

	/** Sends a message to a conversation. @return the new activity's id */
	String send(String serviceUrl, String tenantId, String conversationId, Activity activity) throws ConnectorFailure {
		ResourceResponse sent = call(serviceUrl, tenantId, conversationId,
				client -> client.getConversations().sendToConversation(conversationId, activity).join());
		return (sent != null) ? sent.getId() : null;
	}

	/** Replaces an earlier message (a card) with a new version. */
	void update(String serviceUrl, String tenantId, String conversationId, String activityId, Activity activity)
			throws ConnectorFailure {
		activity.setId(activityId);
		call(serviceUrl, tenantId, conversationId,
				client -> client.getConversations().updateActivity(conversationId, activityId, activity).join());
	}

	ConnectorStatistics statistics() {
		return this.statistics;
	}

	/**
	 * The registration the bot speaks as in a tenant.
	 * @throws ConnectorFailure ({@link Kind#UNAUTHORISED}) when none serves the tenant
	 */
	Registration registration(String tenantId) throws ConnectorFailure {
		Optional<Registration> registration = this.registrations.forTenant(tenantId);
		if (registration.isEmpty()) {
			throw new ConnectorFailure(Kind.UNAUTHORISED, 0, "no Teams registration for tenant " + tenantId);
		}
		return registration.get();
	}

	private <T> T call(String serviceUrl, String tenantId, String conversationId, Function<ConnectorClient, T> request)
			throws ConnectorFailure {
		if (!isAllowed(serviceUrl)) {
			throw new ConnectorFailure(Kind.REJECTED, 0, "service URL host not allowed: " + hostOf(serviceUrl));
		}
		Registration registration = registration(tenantId);
		Client client = client(serviceUrl, registration);
		TeamsProperties.Retry retry = this.properties.retry();
		int attempt = 0;
		boolean renewed = false;
		while (true) {
			attempt++;
			try {
				// asked here, not inside the SDK's HTTP client, so that a refusal keeps
				// Entra's reason
				client.token().current();
				// the budget is the app's in the tenant, whichever registration speaks
				this.throttle.acquire(registration.tenantId() + "/" + tenantId, conversationId);
				this.statistics.request();
				T result = request.apply(client.connector());
				this.problems.clear(registration.tenantId(), TenantProblems.Kind.TOKEN_REFUSED);
				return result;
			}
			catch (TokenRefusedException ex) {
				this.problems.record(registration.tenantId(), TenantProblems.Kind.TOKEN_REFUSED,
						"Entra: " + ex.reason());
				throw new ConnectorFailure(Kind.UNAUTHORISED, 0, ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ConnectorFailure(Kind.UNAVAILABLE, 0, "interrupted");
			}
			catch (CompletionException | RestException ex) {
				Throwable cause = (ex instanceof CompletionException) ? unwrap(ex) : ex;
				if (!(cause instanceof ErrorResponseException error) || error.response() == null) {
					if (isBeforeSending(cause)) {
						throw failure(Kind.UNAVAILABLE, 0, cause);
					}
					throw failure(Kind.UNCERTAIN, 0, cause);
				}
				int status = error.response().code();
				if (status == 401) {
					if (!renewed) {
						// a token Entra gave may still be refused (revoked, a key rolled
						// over): once with a new one
						renewed = true;
						attempt--;
						client.token().rejected();
						continue;
					}
					String reason = "the Bot Connector refused the token of app " + registration.appId() + " in tenant "
							+ registration.tenantId() + " (401 " + errorCode(error) + ")";
					log.warn("Teams: {}", reason);
					this.problems.record(registration.tenantId(), TenantProblems.Kind.TOKEN_REFUSED, reason);
					throw new ConnectorFailure(Kind.UNAUTHORISED, status, reason);
				}
				if (status == 429) {
					this.statistics.throttled();
				}
				if (status == 403) {
					throw new ConnectorFailure(Kind.BLOCKED, status, "403 " + errorCode(error));
				}
				if (status == 500) {
					// the service failed while handling it: it may have been delivered
					throw new ConnectorFailure(Kind.UNCERTAIN, status, "500 " + errorCode(error));
				}
				if (!RETRIED.contains(status)) {
					throw new ConnectorFailure(Kind.REJECTED, status, status + " " + errorCode(error));
				}
				if (attempt >= retry.maxAttempts()) {
					throw new ConnectorFailure(Kind.UNAVAILABLE, status,
							status + " after " + attempt + " attempts (" + errorCode(error) + ")");
				}
				int tries = attempt;
				Duration wait = retryAfter(error).orElseGet(() -> backoff(retry, tries));
				log.debug("Bot Connector answered {}; retrying in {} ms", status, wait.toMillis());
				try {
					this.sleeper.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new ConnectorFailure(Kind.UNAVAILABLE, status, "interrupted");
				}
			}
		}
	}

	private static ConnectorFailure failure(Kind kind, int status, Throwable cause) {
		return new ConnectorFailure(kind, status, cause.getClass().getSimpleName() + ": " + cause.getMessage());
	}

	/**
	 * Whether the request certainly never reached Teams (no connection could be made):
	 * then it is safe to send again.
	 */
	private static boolean isBeforeSending(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static java.util.Optional<Duration> retryAfter(ErrorResponseException error) {
		String header = error.response().headers().get("Retry-After");
		if (header == null || header.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Duration.ofMillis((long) (Double.parseDouble(header.strip()) * 1000)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(header.strip(),
						java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
				return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
			}
			catch (java.time.format.DateTimeParseException ex) {
				return java.util.Optional.empty();
			}
		}
	}

	private static Duration backoff(TeamsProperties.Retry retry, int attempt) {
		long base = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, retry.maxBackoff().toMillis());
		// full jitter between half and all of the capped delay
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

	private static String errorCode(ErrorResponseException error) {
		try {
			var body = error.body();
			if (body != null && body.getError() != null && body.getError().getCode() != null) {
				return body.getError().getCode();
			}
		}
		catch (RuntimeException ignored) {
			// an unreadable error body: the status says enough
		}
		return "";
	}

	/** One connector client per service URL and registration: each carries its token. */
	private Client client(String serviceUrl, Registration registration) {
		return this.clients.computeIfAbsent(registration.tenantId().toLowerCase(Locale.ROOT) + " " + serviceUrl,
				key -> {
					BotToken token = new BotToken(this.tokens, registration);
					RestClient rest = RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, token)
						.withRetryStrategy(new NoRetry())
						.withReadTimeout(this.properties.retry().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
						.withConnectionTimeout(10, TimeUnit.SECONDS)
						.build();
					return new Client(new RestConnectorClient(rest), token);
				});
	}

	private static String hostOf(String serviceUrl) {
		try {
			return URI.create(serviceUrl).getHost();
		}
		catch (RuntimeException ex) {
			return "(invalid)";
		}
	}

	void close() {
		this.clients.values().forEach(client -> {
			try {
				client.connector().close();
			}
			catch (Exception ex) {
				log.debug("Closing a connector client failed", ex);
			}
		});
	}

	private record Client(ConnectorClient connector, BotToken token) {
	}

	/** The SDK retries by itself unless told not to; we retry in {@link #call}. */
	private static final class NoRetry extends RetryStrategy {

		NoRetry() {
			super("samla-no-retry", false);
		}

		@Override
		public boolean shouldRetry(int retryCount, okhttp3.Response response) {
			return false;
		}

	}

	/** Counts for benchmarks and the status endpoint. */
	static final class ConnectorStatistics {

		private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

		private final java.util.concurrent.atomic.AtomicLong throttled = new java.util.concurrent.atomic.AtomicLong();

		void request() {
			this.requests.incrementAndGet();
		}

		void throttled() {
			this.throttled.incrementAndGet();
		}

		long requests() {
			return this.requests.get();
		}

		long throttledCount() {
			return this.throttled.get();
		}

	}

}
