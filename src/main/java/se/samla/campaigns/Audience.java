package se.samla.campaigns;

import java.util.List;
import java.util.Set;

import se.samla.directory.Network;
import se.samla.directory.OrganisationId;

/**
 * Who a send-out goes to: members of any of the networks, people in any of the
 * organisations, people with any of the roles, and/or the owners of plan activities. An
 * empty dimension does not restrict; several given dimensions must all match, except
 * {@code activityOwners}, which adds every owner of a plan activity.
 */
public record Audience(Set<Network> networks, Set<OrganisationId> organisations, List<String> roles,
		boolean activityOwners) {

	public Audience {
		networks = Set.copyOf(networks);
		organisations = Set.copyOf(organisations);
		roles = List.copyOf(roles);
	}

	public boolean isEmpty() {
		return this.networks.isEmpty() && this.organisations.isEmpty() && this.roles.isEmpty() && !this.activityOwners;
	}

}
