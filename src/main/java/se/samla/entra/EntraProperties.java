package se.samla.entra;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Samla's Entra registrations, bound from {@code samla.entra.*}.
 *
 * @param authority where tenants' token endpoints live
 * ({@code {authority}{tenant}/oauth2/v2.0/token})
 * @param registrations one app registration per tenant
 * @param renewBefore how long before its expiry a token is renewed
 * @param timeout how long a token request may take
 */
@ConfigurationProperties("samla.entra")
public record EntraProperties(@DefaultValue("https://login.microsoftonline.com/") String authority,
		List<Registration> registrations, @DefaultValue("5m") Duration renewBefore,
		@DefaultValue("20s") Duration timeout) {

	public EntraProperties {
		authority = authority.endsWith("/") ? authority : authority + "/";
		registrations = (registrations != null) ? List.copyOf(registrations) : List.of();
	}

}
