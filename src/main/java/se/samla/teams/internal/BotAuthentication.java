package se.samla.teams.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.integration.ConfigurationChannelProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.entra.Registration;
import se.samla.teams.TeamsProperties;

/**
 * Checks the Bot Framework token on each activity with the SDK's own validation: the
 * signature against the keys in the OpenID metadata (endorsed for Teams), the issuer, the
 * audience, the {@code serviceurl} claim against the activity's service URL, and the
 * expiry. The audience must be the app id of the registration of the activity's own
 * tenant: a token Teams issued to the bot of one tenant does not let anyone act in
 * another.
 */
class BotAuthentication {

	private static final Logger log = LoggerFactory.getLogger(BotAuthentication.class);

	private final BotRegistrations registrations;

	private final ChannelProvider channels;

	private final TenantProblems problems;

	BotAuthentication(TeamsProperties properties, BotRegistrations registrations, TenantProblems problems) {
		this.registrations = registrations;
		this.problems = problems;
		this.channels = new ConfigurationChannelProvider(new SdkConfiguration(properties));
		// the SDK keeps this JVM-wide; it is ours to set, from our settings only
		ChannelValidation.setOpenIdMetaDataUrl(properties.openIdMetadataUrl());
	}

	/**
	 * Whether the activity carries a valid token for the bot of its tenant. Never throws.
	 * A genuine token for another of our apps (another tenant's) is refused at WARN with
	 * the reason and counted for operators; anything else (a forged or expired token) at
	 * debug, as the internet sends plenty of it.
	 */
	boolean isAuthentic(Activity activity, String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return false;
		}
		String tenant = Bot.tenantOf(activity);
		Optional<Registration> registration = this.registrations.forTenant(tenant);
		if (registration.isPresent() && validFor(registration.get(), activity, authorization)) {
			return true;
		}
		Optional<Registration> other = Optional.ofNullable(unverifiedAudience(authorization))
			.flatMap(this.registrations::forAppId)
			.filter(app -> registration.isEmpty() || app != registration.get());
		if (other.isPresent() && validFor(other.get(), activity, authorization)) {
			String reason = "a token for app " + other.get().appId() + " of tenant " + other.get().tenantId()
					+ registration.map(own -> ", not for this tenant's app " + own.appId())
						.orElse(", and no registration serves this tenant");
			log.warn("Teams: refused an activity from tenant {}: {}", tenant, reason);
			try {
				this.problems.record(tenant, TenantProblems.Kind.ACTIVITY_REFUSED, reason);
			}
			catch (RuntimeException ex) {
				log.debug("Could not count a refused activity", ex);
			}
		}
		else {
			log.debug("Refused a Teams activity from tenant {}: {}", tenant,
					registration.isEmpty() ? "no registration serves the tenant" : "the token is not valid for it");
		}
		return false;
	}

	/** Whether the token is valid and issued to the registration's app. */
	private boolean validFor(Registration registration, Activity activity, String authorization) {
		// a provider that knows this one app id: the SDK checks the audience against it
		CredentialProvider credentials = new SimpleCredentialProvider(registration.appId(), null);
		try {
			ClaimsIdentity identity = JwtTokenValidation
				.authenticateRequest(activity, authorization, credentials, this.channels,
						new AuthenticationConfiguration())
				.get(15, TimeUnit.SECONDS);
			return identity != null && identity.isAuthenticated();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.debug("A Teams token is not valid for app {}: {}", registration.appId(), rootMessage(ex));
			return false;
		}
	}

	private static String unverifiedAudience(String authorization) {
		try {
			String token = authorization.strip();
			token = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token;
			String[] parts = token.split("\\.");
			if (parts.length != 3) {
				return null;
			}
			JsonNode claims = Serialization
				.jsonToTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			JsonNode audience = claims.path("aud");
			return audience.isArray() ? audience.path(0).asText(null) : audience.asText(null);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * The SDK's settings, from ours (its own reader only knows a classpath
	 * {@code application.properties}).
	 */
	private static final class SdkConfiguration implements Configuration {

		private final Properties properties = new Properties();

		SdkConfiguration(TeamsProperties teams) {
			this.properties.setProperty("BotOpenIdMetadata", teams.openIdMetadataUrl());
		}

		@Override
		public String getProperty(String key) {
			return this.properties.getProperty(key);
		}

		@Override
		public Properties getProperties() {
			return this.properties;
		}

		@Override
		public String[] getProperties(String key) {
			String value = getProperty(key);
			return (value != null) ? Arrays.stream(value.split(",")).map(String::strip).toArray(String[]::new) : null;
		}

	}

}
