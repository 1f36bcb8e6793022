package se.samla.teams.internal;

import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.integration.ConfigurationChannelProvider;
import com.microsoft.bot.integration.ConfigurationCredentialProvider;
import com.microsoft.bot.schema.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.teams.TeamsProperties;

/**
 * Checks the Bot Framework token on each activity with the SDK's own validation: the
 * signature against the keys in the OpenID metadata (endorsed for Teams), the issuer, the
 * audience (our app id), the {@code serviceurl} claim against the activity's service URL,
 * and the expiry.
 */
class BotAuthentication {

	private static final Logger log = LoggerFactory.getLogger(BotAuthentication.class);

	private final CredentialProvider credentials;

	private final ChannelProvider channels;

	BotAuthentication(TeamsProperties properties) {
		Configuration configuration = new SdkConfiguration(properties);
		this.credentials = new ConfigurationCredentialProvider(configuration);
		this.channels = new ConfigurationChannelProvider(configuration);
		// the SDK keeps this JVM-wide; it is ours to set, from our settings only
		ChannelValidation.setOpenIdMetaDataUrl(properties.openIdMetadataUrl());
	}

	/** Whether the activity carries a valid token for this bot. Never throws. */
	boolean isAuthentic(Activity activity, String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return false;
		}
		try {
			ClaimsIdentity identity = JwtTokenValidation
				.authenticateRequest(activity, authorization, this.credentials, this.channels,
						new AuthenticationConfiguration())
				.get(15, TimeUnit.SECONDS);
			return identity != null && identity.isAuthenticated();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			log.debug("Refused a Teams activity: {}", rootMessage(ex));
			return false;
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
			this.properties.setProperty("MicrosoftAppId", teams.appId());
			this.properties.setProperty("MicrosoftAppPassword", teams.appPassword());
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
