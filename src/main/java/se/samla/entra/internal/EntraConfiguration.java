package se.samla.entra.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import se.samla.entra.AccessTokens;
import se.samla.entra.ClientAssertions;
import se.samla.entra.EntraProperties;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;
import se.samla.entra.Registration;

/**
 * The registrations, the token client and the Graph client, present whether or not any is
 * configured.
 */
@Configuration(proxyBeanMethods = false)
class EntraConfiguration {

	/**
	 * Where the registrations file is: {@code samla.entra.tenants-file}, by default
	 * {@code tenants.csv} in the directory's folder.
	 */
	static final String TENANTS_FILE = "samla.entra.tenants-file";

	/**
	 * The registrations of the settings ({@code samla.entra.registrations}) and of the
	 * file; a tenant in both is refused, so that nobody wonders which one counts.
	 */
	@Bean
	EntraRegistrations entraRegistrations(EntraProperties properties, Environment environment) {
		Path file = Path.of(environment.getProperty(TENANTS_FILE,
				environment.getProperty("samla.directory.seed-location", "./directory") + "/tenants.csv"));
		List<Registration> all = new ArrayList<>(properties.registrations());
		for (Registration fromFile : TenantsFile.read(file, environment::getProperty)) {
			if (all.stream().anyMatch(r -> r.tenantId().equalsIgnoreCase(fromFile.tenantId()))) {
				throw new IllegalStateException(file + ": tenant " + fromFile.tenantId()
						+ " is also in samla.entra.registrations; give each tenant one registration, in one place");
			}
			all.add(fromFile);
		}
		return new EntraRegistrations(all);
	}

	@Bean
	ClientAssertions clientAssertions(Clock clock) {
		return new CertificateAssertions(clock);
	}

	@Bean
	AccessTokens accessTokens(EntraProperties properties, Clock clock, ClientAssertions assertions) {
		return new EntraTokenClient(properties, clock, assertions);
	}

	@Bean
	GraphUsers graphUsers(GraphProperties properties, AccessTokens tokens) {
		return new GraphClient(properties, tokens, GraphClient.Pause.real());
	}

}
