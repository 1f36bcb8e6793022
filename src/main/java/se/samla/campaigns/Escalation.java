package se.samla.campaigns;

import java.util.Set;

import se.samla.directory.Network;

/**
 * After the last reminder, the members of these networks (normally the project leads) get
 * the list of who has not answered.
 *
 * @param afterWorkingDays how many working days after the last reminder
 * @param to the networks told
 */
public record Escalation(int afterWorkingDays, Set<Network> to) {

	public Escalation {
		to = Set.copyOf(to);
	}

	public static Escalation toProjectLeads() {
		return new Escalation(1, Set.of(Network.PROJEKTLEDARE));
	}

}
