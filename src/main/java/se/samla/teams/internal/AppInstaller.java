package se.samla.teams.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.directory.Person;
import se.samla.directory.TeamsIdentity;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphUsers;
import se.samla.entra.GraphUsers.AppInstallation;
import se.samla.entra.Registration;

/**
 * Installs Samla's Teams app for a person before the bot opens a chat with them, where
 * their tenant's registration allows it ({@code install-app}, off by default): without
 * the app the bot cannot write to anyone.
 */
class AppInstaller {

	private static final Logger log = LoggerFactory.getLogger(AppInstaller.class);

	private final EntraRegistrations registrations;

	private final GraphUsers graph;

	AppInstaller(EntraRegistrations registrations, GraphUsers graph) {
		this.registrations = registrations;
		this.graph = graph;
	}

	/**
	 * Installs the app for the person if their tenant lets Samla do so.
	 * @return why it could not be installed, or empty when it is installed now, was
	 * already, or is not Samla's to install
	 */
	Optional<String> install(Person person) {
		TeamsIdentity teams = person.teams();
		Optional<Registration> registration = this.registrations.forTenant(teams.tenantId())
			.filter(Registration::installApp);
		if (registration.isEmpty()) {
			return Optional.empty();
		}
		AppInstallation installation = this.graph.installTeamsApp(registration.get(), teams.entraObjectId());
		if (installation instanceof AppInstallation.Refused refused) {
			log.warn("Samla's Teams app could not be installed for person {} in tenant {}: {}", person.id().value(),
					teams.tenantId(), refused.reason());
			return Optional.of("Teams app could not be installed (" + refused.reason() + ")");
		}
		if (!((AppInstallation.Installed) installation).alreadyThere()) {
			log.info("Samla's Teams app installed for person {} in tenant {}", person.id().value(), teams.tenantId());
		}
		return Optional.empty();
	}

}
