package se.samla.teams;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Teams channel, bound from {@code samla.teams.*} (environment:
 * {@code SAMLA_TEAMS_APP_ID} and so on). The app password is a secret: give it by
 * environment, never in a committed file.
 * <p>
 * The bot signs in as the Entra registrations ({@code samla.entra.registrations}, the
 * file {@code directory/tenants.csv}): one per tenant. {@code app-id},
 * {@code app-password}, {@code tenant-id} and {@code token-url} are the older way to give
 * one registration; they still work, as one registration serving everyone (tenant
 * {@code botframework.com} without a tenant id).
 *
 * @param enabled whether Teams is a channel at all (otherwise a logging stand-in is used)
 * @param appId the bot's Microsoft app (client) id: the audience of Teams' tokens
 * @param appPassword the app's client secret, for the bot's own token
 * @param tenantId the tenant the bot serves, used when it opens a chat
 * @param tokenUrl where the bot gets its token (client credentials); unset: the tenant's
 * endpoint at the Entra authority
 * @param openIdMetadataUrl where Teams' signing keys are published
 * @param serviceUrl the Bot Connector used to open a chat before Teams has named one
 * @param allowedServiceUrlHosts the only hosts the bot sends its token to; activities
 * naming another service URL are refused
 * @param maxActivityBytes the largest activity accepted
 * @param limits Teams' rate limits kept by the bot
 * @param retry how a throttled or failed request is retried
 * @param workers how many threads answer activities
 * @param retention how long a handled activity is kept raw
 * @param installRetry how long after Graph refused to install Samla's app for a person
 * (the tenant has not granted the permission yet, the app is not in its catalog) the
 * installation is asked again, for a later message; meanwhile they get email
 */
@ConfigurationProperties("samla.teams")
public record TeamsProperties(@DefaultValue("false") boolean enabled, String appId, String appPassword, String tenantId,
		String tokenUrl,
		@DefaultValue("https://login.botframework.com/v1/.well-known/openidconfiguration") String openIdMetadataUrl,
		@DefaultValue("https://smba.trafficmanager.net/emea/") String serviceUrl,
		@DefaultValue("smba.trafficmanager.net") List<String> allowedServiceUrlHosts,
		@DefaultValue("262144") int maxActivityBytes, @DefaultValue Limits limits, @DefaultValue Retry retry,
		@DefaultValue("4") int workers, @DefaultValue("30d") Duration retention,
		@DefaultValue("1d") Duration installRetry) {

	public TeamsProperties {
		allowedServiceUrlHosts = (allowedServiceUrlHosts != null) ? List.copyOf(allowedServiceUrlHosts) : List.of();
		// without any registration Teams refuses to start (TeamsConfiguration): the
		// registrations may come from samla.entra instead
		if (enabled && appId != null && !appId.isBlank() && (appPassword == null || appPassword.isBlank())) {
			throw new IllegalArgumentException(
					"samla.teams.app-password (SAMLA_TEAMS_APP_PASSWORD) is required with samla.teams.app-id");
		}
	}

	/**
	 * Teams' documented limits. Per conversation 7 a second and 60 in 30 seconds (also 8
	 * in 2 seconds and 1,800 an hour); per app and tenant 50 requests a second.
	 */
	public record Limits(@DefaultValue("7") int perConversationPerSecond,
			@DefaultValue("8") int perConversationPer2Seconds, @DefaultValue("60") int perConversationPer30Seconds,
			@DefaultValue("1800") int perConversationPerHour, @DefaultValue("50") int perTenantPerSecond) {

		/** The same limits multiplied, for benchmarks that keep the run short. */
		public Limits scaled(int factor) {
			return new Limits(this.perConversationPerSecond * factor, this.perConversationPer2Seconds * factor,
					this.perConversationPer30Seconds * factor, this.perConversationPerHour * factor,
					this.perTenantPerSecond * factor);
		}

	}

	/**
	 * Retries of a throttled (429) or failed (412, 502, 503, 504) request:
	 * {@code Retry-After} when Teams gives one, else exponential backoff with jitter from
	 * {@code initialBackoff} up to {@code maxBackoff}, at most {@code maxAttempts} tries.
	 */
	public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("20s") Duration readTimeout) {
	}

}
