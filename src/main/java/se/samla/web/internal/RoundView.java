package se.samla.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Language;

/**
 * A round's figures as the project leads' page shows them: the counts overall, per
 * organisation and per network (answered, invited, reminded, unreachable, not yet
 * invited), and one page of those who have not answered, with why. Everyone is counted in
 * one pass over their standing; the reasons are written out only for the people on the
 * page shown, so that a round of 10,000 stays quick.
 *
 * @param overall the counts for everyone
 * @param organisations the counts per organisation, by name
 * @param networks the counts per network
 * @param waiting the page of those who have not answered
 * @param reasons the kinds of reason among those who have not answered (their codes, most
 * telling first), for the filter
 */
record RoundView(Rate overall, List<Rate> organisations, List<Rate> networks, WaitingPage waiting,
		List<String> reasons) {

	/** How many who have not answered one page lists. */
	static final int PAGE_SIZE = 50;

	static RoundView of(List<Person> recipients, List<RecipientStatus> statuses, List<Organisation> organisations,
			RecipientFactTexts texts, Language language, Filter filter) {
		Map<PersonId, RecipientStatus> byPerson = new HashMap<>();
		statuses.forEach(status -> byPerson.put(status.person(), status));
		Map<OrganisationId, String> names = new HashMap<>();
		organisations.forEach(organisation -> names.put(organisation.id(), organisation.name()));
		Map<String, Counter> perOrganisation = new TreeMap<>();
		Map<Network, Counter> perNetwork = new EnumMap<>(Network.class);
		Counter overall = new Counter();
		Map<String, Class<?>> kinds = new HashMap<>();
		List<Light> waiting = new ArrayList<>();
		for (Person person : recipients) {
			RecipientStatus status = byPerson.get(person.id());
			String organisation = names.getOrDefault(person.organisation(), person.organisation().value());
			overall.add(status);
			perOrganisation.computeIfAbsent(organisation, o -> new Counter()).add(status);
			for (Network network : person.networks()) {
				perNetwork.computeIfAbsent(network, n -> new Counter()).add(status);
			}
			if (status == null || status.submittedAt() == null) {
				List<RecipientFact> reasons = (status != null) ? status.reasons() : List.of();
				reasons.forEach(reason -> kinds.putIfAbsent(reason.code(), reason.getClass()));
				if (filter.matches(organisation, reasons)) {
					waiting.add(new Light(person.name(), organisation, status));
				}
			}
		}
		waiting.sort(Comparator.comparing(Light::organisation).thenComparing(Light::name));
		int pages = Math.max(1, (waiting.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, filter.page()), pages);
		List<Waiting> shown = waiting.subList((page - 1) * PAGE_SIZE, Math.min(waiting.size(), page * PAGE_SIZE))
			.stream()
			.map(light -> new Waiting(light.name(), light.organisation(),
					(light.status() != null) ? texts.describe(light.status().reasons(), language) : ""))
			.toList();
		List<String> codes = kinds.keySet()
			.stream()
			.sorted(Comparator.comparing((String code) -> RecipientFact.ORDER.indexOf(kinds.get(code)))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
		return new RoundView(overall.rate(null), rates(perOrganisation, Function.identity()),
				rates(perNetwork, Network::displayName),
				new WaitingPage(shown, waiting.size(), page, pages, filter.organisation(), filter.reason()), codes);
	}

	private static <K> List<Rate> rates(Map<K, Counter> counters, Function<K, String> name) {
		List<Rate> rates = new ArrayList<>();
		counters.forEach((key, counter) -> rates.add(counter.rate(name.apply(key))));
		return rates;
	}

	/** The recipients. */
	public int total() {
		return this.overall.total();
	}

	/** How many submitted. */
	public int answered() {
		return this.overall.answered();
	}

	/** The share who answered, in whole percent. */
	public int percent() {
		return this.overall.percent();
	}

	/** Counts one group as each person's standing comes by. */
	private static final class Counter {

		int total;

		int answered;

		int invited;

		int reminded;

		int unreachable;

		int notInvited;

		void add(RecipientStatus status) {
			this.total++;
			if (status == null) {
				return;
			}
			boolean answered = status.submittedAt() != null;
			this.answered += answered ? 1 : 0;
			this.invited += (status.invitedAt() != null) ? 1 : 0;
			this.reminded += (status.reminders() > 0) ? 1 : 0;
			this.unreachable += (!answered && unreachable(status)) ? 1 : 0;
			this.notInvited += status.reasons().stream().anyMatch(RecipientFact.NotYetInvited.class::isInstance) ? 1
					: 0;
		}

		Rate rate(String name) {
			return new Rate(name, this.total, this.answered, this.invited, this.reminded, this.unreachable,
					this.notInvited);
		}

	}

	/** Whether no channel reaches someone, or one of them is known not to. */
	static boolean unreachable(RecipientStatus status) {
		return status.noRoute() || !status.unreachable().isEmpty();
	}

	/**
	 * A group's counts: who answered out of how many, and of them how many were invited,
	 * reminded at least once, cannot be reached (of those who have not answered), or are
	 * not invited yet.
	 */
	record Rate(String name, int total, int answered, int invited, int reminded, int unreachable, int notInvited) {

		public int percent() {
			return percent(this.answered, this.total);
		}

		static int percent(int part, int whole) {
			return (whole == 0) ? 0 : (int) Math.round(100.0 * part / whole);
		}

	}

	/**
	 * What the list of those who have not answered shows: an organisation, a reason, a
	 * page.
	 */
	record Filter(String organisation, String reason, int page) {

		static final Filter NONE = new Filter(null, null, 1);

		Filter {
			organisation = (organisation == null || organisation.isBlank()) ? null : organisation;
			reason = (reason == null || reason.isBlank()) ? null : reason;
		}

		boolean matches(String organisation, List<RecipientFact> reasons) {
			return (this.organisation == null || this.organisation.equals(organisation))
					&& (this.reason == null || reasons.stream().anyMatch(fact -> fact.code().equals(this.reason)));
		}

	}

	/**
	 * One page of those who have not answered.
	 *
	 * @param people the people on it, with why
	 * @param matching how many match the filter
	 * @param page this page, from 1
	 * @param pages how many pages
	 * @param organisation the organisation filtered by, or {@code null}
	 * @param reason the reason filtered by, or {@code null}
	 */
	record WaitingPage(List<Waiting> people, int matching, int page, int pages, String organisation, String reason) {

		public int first() {
			return (this.matching == 0) ? 0 : (this.page - 1) * PAGE_SIZE + 1;
		}

		public int last() {
			return (this.page - 1) * PAGE_SIZE + this.people.size();
		}

	}

	private record Light(String name, String organisation, RecipientStatus status) {
	}

	/** Someone who has not answered, and why. */
	record Waiting(String name, String organisation, String reason) {
	}

}
