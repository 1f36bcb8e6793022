package se.samla.entra;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import se.samla.entra.internal.RegisteredApps;

/**
 * Samla's app registrations, one per tenant, and which one serves whom.
 */
public class EntraRegistrations {

	private final List<Registration> registrations;

	public EntraRegistrations(List<Registration> registrations) {
		this.registrations = List.copyOf(registrations);
		long tenants = this.registrations.stream().map(r -> r.tenantId().toLowerCase()).distinct().count();
		if (tenants != this.registrations.size()) {
			throw new IllegalArgumentException("two registrations for one tenant: give each tenant one");
		}
	}

	public List<Registration> all() {
		return this.registrations;
	}

	/** The registration of a tenant, by its id (case does not matter). */
	public Optional<Registration> forTenant(String tenantId) {
		return this.registrations.stream().filter(r -> r.tenantId().equalsIgnoreCase(tenantId)).findFirst();
	}

	/**
	 * The registration serving an organisation of the directory, by the organisation's
	 * id.
	 */
	public Optional<Registration> forOrganisation(String organisation) {
		return this.registrations.stream().filter(r -> r.serves(organisation)).findFirst();
	}

	/**
	 * The apps of the registrations as a command sees them without starting Samla (the
	 * file, and {@code samla.entra.registrations} from environment variables or system
	 * properties), without their credentials: for the Teams app packages.
	 * @throws IllegalStateException naming each problem of the file as file:line: problem
	 */
	public static List<RegisteredApp> apps(Path tenantsFile) {
		return RegisteredApps.read(tenantsFile);
	}

	public boolean isEmpty() {
		return this.registrations.isEmpty();
	}

}
