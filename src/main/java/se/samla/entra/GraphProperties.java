package se.samla.entra;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Samla calls Microsoft Graph, bound from {@code samla.entra.graph.*}.
 *
 * @param url Graph's base URL (another for a national cloud, or a stand-in in tests)
 * @param timeout how long one request may take
 * @param attempts how many times a throttled request (429, 503) is tried in all
 * @param longestWait the longest {@code Retry-After} waited out; a longer one is a
 * refusal
 * @param teamsApps per tenant id, the id of Samla's app in that tenant's Teams app
 * catalog; a tenant not listed is asked for the app whose manifest id is its
 * registration's app id
 */
@ConfigurationProperties("samla.entra.graph")
public record GraphProperties(@DefaultValue("https://graph.microsoft.com/") String url,
		@DefaultValue("20s") Duration timeout, @DefaultValue("4") int attempts,
		@DefaultValue("2m") Duration longestWait, Map<String, String> teamsApps) {

	public GraphProperties {
		url = url.endsWith("/") ? url : url + "/";
		attempts = Math.max(1, attempts);
		teamsApps = (teamsApps != null) ? teamsApps.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(e -> e.getKey().strip().toLowerCase(Locale.ROOT),
					e -> e.getValue().strip()))
				: Map.of();
	}

	/** Graph at Microsoft with the defaults. */
	public static GraphProperties at(String url) {
		return new GraphProperties(url, Duration.ofSeconds(20), 4, Duration.ofMinutes(2), Map.of());
	}

	/** The catalog id of Samla's app in the tenant, if configured. */
	public String teamsApp(String tenantId) {
		return this.teamsApps.get(tenantId.toLowerCase(Locale.ROOT));
	}

}
