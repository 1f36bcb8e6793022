package se.samla.entra;

import java.util.List;

/**
 * A registration without its credential: what the Teams app package of a tenant needs.
 *
 * @param tenantId the tenant
 * @param appId the app (client) id, the bot's id in the tenant's Teams app
 * @param organisations the directory's organisations it serves
 */
public record RegisteredApp(String tenantId, String appId, List<String> organisations) {

	public RegisteredApp {
		organisations = List.copyOf(organisations);
	}

	/** Whether this is the app of a tenant, or of an organisation, named by its id. */
	public boolean isFor(String tenantOrOrganisation) {
		return this.tenantId.equalsIgnoreCase(tenantOrOrganisation)
				|| this.organisations.stream().anyMatch(o -> o.equalsIgnoreCase(tenantOrOrganisation));
	}

	/** A name for the tenant's files: its first organisation, else the tenant id. */
	public String label() {
		return this.organisations.isEmpty() ? this.tenantId : this.organisations.get(0);
	}

}
