package se.samla.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the operator surface.
 *
 * @param token the bearer token the JSON endpoints require; when unset they answer only
 * requests from this machine (loopback), which suits the embedded default
 */
@ConfigurationProperties("samla.operator")
public record OperatorProperties(String token) {

	public boolean hasToken() {
		return this.token != null && !this.token.isBlank();
	}

}
