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
 * @param waiting who has not answered, with the reason: one page of them
 * @param waitingCount how many have not answered
 * @param page the page of {@code waiting}, from 1
 * @param pages how many pages there are of those who have not answered
 * @param unreachable who cannot be reached, with how
 */
record RoundView(int total, int answered, List<Rate> organisations, List<Rate> networks, List<Waiting> waiting,
		int waitingCount, int page, int pages, List<Waiting> unreachable) {

	/** Those who have not answered, a page at a time: a send-out may have thousands. */
	static final int PAGE = 50;

	static RoundView of(List<Person> recipients, List<RecipientStatus> statuses, List<Organisation> organisations,
			RecipientFactTexts texts, Language language) {
		return of(recipients, statuses, organisations, texts, language, 1);
	}

	/**
	 * The figures, with page {@code page} (from 1; past the last is the last) of who has
	 * not answered, in organisation and name order; the reasons are put in words for that
	 * page only.
	 */
	static RoundView of(List<Person> recipients, List<RecipientStatus> statuses, List<Organisation> organisations,
			RecipientFactTexts texts, Language language, int page) {
		Map<PersonId, RecipientStatus> byPerson = new LinkedHashMap<>();
		statuses.forEach(status -> byPerson.put(status.person(), status));
		Map<OrganisationId, String> names = new LinkedHashMap<>();
		organisations.forEach(organisation -> names.put(organisation.id(), organisation.name()));
		Map<String, int[]> perOrganisation = new java.util.TreeMap<>();
		Map<Network, int[]> perNetwork = new EnumMap<>(Network.class);
		List<Pending> waiting = new ArrayList<>();
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
				waiting.add(new Pending(person.name(), organisation, status));
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
		waiting.sort(Comparator.comparing(Pending::organisation).thenComparing(Pending::name));
		int pages = Math.max(1, (waiting.size() + PAGE - 1) / PAGE);
		int shown = Math.min(Math.max(page, 1), pages);
		List<Waiting> onPage = new ArrayList<>();
		for (Pending pending : waiting.subList((shown - 1) * PAGE, Math.min(shown * PAGE, waiting.size()))) {
			String why = (pending.status() != null) ? texts.describe(pending.status().reasons(), language) : "";
			onPage.add(new Waiting(pending.name(), pending.organisation(), why));
		}
		return new RoundView(recipients.size(), answered, organisationRates, networkRates, onPage, waiting.size(),
				shown, pages, unreachable);
	}

	/** The number of the first person on the page shown, from 1. */
	public int first() {
		return (this.page - 1) * PAGE + 1;
	}

	/** The number of the last person on the page shown. */
	public int last() {
		return (this.page - 1) * PAGE + this.waiting.size();
	}

	/** Someone who has not answered, before the reasons are put in words. */
	private record Pending(String name, String organisation, RecipientStatus status) {
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
