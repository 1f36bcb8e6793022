package se.samla.entra.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.samla.entra.AccessTokens;
import se.samla.entra.EntraProperties;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;

/**
 * The registrations, the token client and the Graph client, present whether or not any is
 * configured.
 */
@Configuration(proxyBeanMethods = false)
class EntraConfiguration {

	@Bean
	EntraRegistrations entraRegistrations(EntraProperties properties) {
		return new EntraRegistrations(properties.registrations());
	}

	@Bean
	AccessTokens accessTokens(EntraProperties properties, Clock clock) {
		return new EntraTokenClient(properties, clock);
	}

	@Bean
	GraphUsers graphUsers(GraphProperties properties, AccessTokens tokens) {
		return new GraphClient(properties, tokens, GraphClient.Pause.real());
	}

}
