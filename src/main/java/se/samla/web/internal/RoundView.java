package se.samla.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.Language;

/**
 * A round's figures as the project leads' page shows them: the response rate overall, per
 * organisation and per network, who has not answered and why, and who no channel reaches.
 *
 * @param total the recipients
 * @param answered how many submitted
 * @param organisations the rate per organisation
 * @param networks the rate per network
 * @param waiting who has not answered, with the reason
 * @param unreachable who cannot be reached, with how
 */
record RoundView(int total, int answered, List<Rate> organisations, List<Rate> networks, List<Waiting> waiting,
		List<Waiting> unreachable) {

	static RoundView of(List<Person> recipients, List<RecipientStatus> statuses, List<Organisation> organisations,
			RecipientFactTexts texts, Language language) {
		Map<PersonId, RecipientStatus> byPerson = new LinkedHashMap<>();
		statuses.forEach(status -> byPerson.put(status.person(), status));
		Map<OrganisationId, String> names = new LinkedHashMap<>();
		organisations.forEach(organisation -> names.put(organisation.id(), organisation.name()));
		Map<String, int[]> perOrganisation = new java.util.TreeMap<>();
		Map<Network, int[]> perNetwork = new EnumMap<>(Network.class);
		List<Waiting> waiting = new ArrayList<>();
		List<Waiting> unreachable = new ArrayList<>();
		int answered = 0;
		for (Person person : recipients) {
			RecipientStatus status = byPerson.get(person.id());
			boolean done = status != null && status.submittedAt() != null;
			answered += done ? 1 : 0;
			String organisation = names.getOrDefault(person.organisation(), person.organisation().value());
			count(perOrganisation.computeIfAbsent(organisation, o -> new int[2]), done);
			for (Network network : person.networks()) {
				count(perNetwork.computeIfAbsent(network, n -> new int[2]), done);
			}
			if (!done) {
				String why = (status != null) ? texts.describe(status.reasons(), language) : "";
				waiting.add(new Waiting(person.name(), organisation, why));
				if (status != null && (status.noRoute() || !status.unreachable().isEmpty())) {
					unreachable.add(new Waiting(person.name(), organisation, status.noRoute() ? "ingen kanal"
							: String.join(", ", status.unreachable().stream().map(Channel::name).toList())));
				}
			}
		}
		List<Rate> organisationRates = new ArrayList<>();
		perOrganisation.forEach((name, counts) -> organisationRates.add(new Rate(name, counts[0], counts[1])));
		List<Rate> networkRates = new ArrayList<>();
		perNetwork
			.forEach((network, counts) -> networkRates.add(new Rate(network.displayName(), counts[0], counts[1])));
		waiting.sort(Comparator.comparing(Waiting::organisation).thenComparing(Waiting::name));
		return new RoundView(recipients.size(), answered, organisationRates, networkRates, waiting, unreachable);
	}

	private static void count(int[] counts, boolean done) {
		counts[0]++;
		counts[1] += done ? 1 : 0;
	}

	/** The share who answered, in whole percent. */
	public int percent() {
		return Rate.percent(this.answered, this.total);
	}

	/** Who answered out of how many. */
	record Rate(String name, int total, int answered) {

		public int percent() {
			return percent(this.answered, this.total);
		}

		static int percent(int part, int whole) {
			return (whole == 0) ? 0 : (int) Math.round(100.0 * part / whole);
		}

	}

	/** Someone who has not answered, and why. */
	record Waiting(String name, String organisation, String reason) {
	}

}
