package se.samla.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.samla.campaigns.RecipientFact;
import se.samla.campaigns.RecipientFactTexts;
import se.samla.campaigns.RecipientStatus;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.OrganisationKind;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PreferredChannel;
import se.samla.shared.Channel;
import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

class RoundViewTests {

	static final Instant INVITED = Instant.parse("2026-12-01T08:00:00Z");

	static final Instant SUBMITTED = Instant.parse("2026-12-02T09:00:00Z");

	final RecipientFactTexts texts = texts();

	final List<Person> people = new ArrayList<>();

	final List<RecipientStatus> statuses = new ArrayList<>();

	@Test
	void theCountsPerOrganisationPerNetworkAndOverallAreWhatEachRecipientsStandingSays() {
		// Degerfors: answered, in progress, bounced, not yet invited
		add("Anna A", "degerfors", Network.SOCIALCHEFSNATVERKET, answered());
		add("Bo B", "degerfors", Network.SOCIALCHEFSNATVERKET, inProgress());
		add("Cia C", "degerfors", Network.HR_CHEFSNATVERKET, bounced());
		add("Dan D", "degerfors", Network.HR_CHEFSNATVERKET, notInvited());
		// Kumla: no route, invited and reminded without a reply, answered after a
		// reminder
		add("Eva E", "kumla", Network.SOCIALCHEFSNATVERKET, noRoute());
		add("Fia F", "kumla", Network.SOCIALCHEFSNATVERKET, noReply(2));
		add("Gun G", "kumla", Network.HR_CHEFSNATVERKET, answeredAfterReminder());

		RoundView round = RoundView.of(this.people, this.statuses, organisations(), this.texts, Language.SV,
				RoundView.Filter.NONE);

		assertThat(round.overall()).isEqualTo(expected(null, this.statuses));
		assertThat(round.organisations()).containsExactly(expected("Degerfors kommun", this.statuses.subList(0, 4)),
				expected("Kumla kommun", this.statuses.subList(4, 7)));
		assertThat(round.networks()).containsExactly(
				expected(Network.SOCIALCHEFSNATVERKET.displayName(),
						List.of(this.statuses.get(0), this.statuses.get(1), this.statuses.get(4),
								this.statuses.get(5))),
				expected(Network.HR_CHEFSNATVERKET.displayName(),
						List.of(this.statuses.get(2), this.statuses.get(3), this.statuses.get(6))));
		// and in plain numbers, so that a mistake in both cannot hide
		assertThat(round.overall()).isEqualTo(new RoundView.Rate(null, 7, 2, 5, 2, 2, 1));
		assertThat(round.waiting().people()).extracting(RoundView.Waiting::name)
			.containsExactly("Bo B", "Cia C", "Dan D", "Eva E", "Fia F");
		assertThat(round.waiting().people().get(2).reason()).isEqualTo("inte inbjuden ännu");
		assertThat(round.reasons()).containsExactly("not-invited", "no-route", "bounced", "in-progress", "no-reply");
	}

	@Test
	void whoHasNotAnsweredIsShownFiftyAPageFilteredByOrganisationAndReason() {
		for (int i = 0; i < 120; i++) {
			add(String.format("Person %03d", i), (i % 2 == 0) ? "degerfors" : "kumla", Network.SOCIALCHEFSNATVERKET,
					(i % 3 == 0) ? bounced() : noReply(1));
		}

		RoundView first = RoundView.of(this.people, this.statuses, organisations(), this.texts, Language.EN,
				RoundView.Filter.NONE);
		assertThat(first.waiting().people()).hasSize(50);
		assertThat(first.waiting().pages()).isEqualTo(3);
		assertThat(first.waiting().people().get(0).organisation()).isEqualTo("Degerfors kommun");

		RoundView last = RoundView.of(this.people, this.statuses, organisations(), this.texts, Language.EN,
				new RoundView.Filter(null, null, 3));
		assertThat(last.waiting().people()).hasSize(20);
		assertThat(last.waiting().first()).isEqualTo(101);
		assertThat(last.waiting().last()).isEqualTo(120);

		RoundView filtered = RoundView.of(this.people, this.statuses, organisations(), this.texts, Language.EN,
				new RoundView.Filter("Kumla kommun", "bounced", 1));
		// odd numbers divisible by 3: 3, 9, ..., 117
		assertThat(filtered.waiting().matching()).isEqualTo(20);
		assertThat(filtered.waiting().people()).allSatisfy(waiting -> {
			assertThat(waiting.organisation()).isEqualTo("Kumla kommun");
			assertThat(waiting.reason()).contains("bounces");
		});
		// a page past the end shows the last one
		RoundView beyond = RoundView.of(this.people, this.statuses, organisations(), this.texts, Language.EN,
				new RoundView.Filter(null, null, 99));
		assertThat(beyond.waiting().page()).isEqualTo(3);
		// the figures do not depend on the page or the filter
		assertThat(filtered.overall()).isEqualTo(first.overall());
	}

	private static RoundView.Rate expected(String name, List<RecipientStatus> statuses) {
		return new RoundView.Rate(name, statuses.size(),
				(int) statuses.stream().filter(s -> s.submittedAt() != null).count(),
				(int) statuses.stream().filter(s -> s.invitedAt() != null).count(),
				(int) statuses.stream().filter(s -> s.reminders() > 0).count(),
				(int) statuses.stream()
					.filter(s -> s.submittedAt() == null && (s.noRoute() || !s.unreachable().isEmpty()))
					.count(),
				(int) statuses.stream()
					.filter(s -> s.reasons().stream().anyMatch(RecipientFact.NotYetInvited.class::isInstance))
					.count());
	}

	private void add(String name, String organisation, Network network, Standing standing) {
		Person person = new Person(PersonId.random(), name, name.replace(' ', '.') + "@example.org", "Chef",
				new OrganisationId(organisation), Set.of(network), null, PreferredChannel.EMAIL, Language.SV, true);
		this.people.add(person);
		this.statuses.add(standing.of(person));
	}

	private static List<Organisation> organisations() {
		return List.of(new Organisation(new OrganisationId("degerfors"), "Degerfors kommun", OrganisationKind.KOMMUN),
				new Organisation(new OrganisationId("kumla"), "Kumla kommun", OrganisationKind.KOMMUN));
	}

	interface Standing {

		RecipientStatus of(Person person);

	}

	private static Standing answered() {
		return p -> status(p, INVITED, 0, SUBMITTED, List.of(), false, List.of());
	}

	private static Standing answeredAfterReminder() {
		return p -> status(p, INVITED, 1, SUBMITTED, List.of(), false, List.of());
	}

	private static Standing inProgress() {
		return p -> status(p, INVITED, 0, null, List.of(), false, List.of(new RecipientFact.InProgress()));
	}

	private static Standing bounced() {
		return p -> status(p, INVITED, 0, null, List.of(Channel.EMAIL), false,
				List.of(new RecipientFact.Unreachable(Channel.EMAIL, p.email()),
						new RecipientFact.NoReplyYet(INVITED, Channel.EMAIL, 0)));
	}

	private static Standing notInvited() {
		return p -> status(p, null, 0, null, List.of(), false, List.of(new RecipientFact.NotYetInvited()));
	}

	private static Standing noRoute() {
		return p -> status(p, null, 0, null, List.of(Channel.TEAMS, Channel.EMAIL), true,
				List.of(new RecipientFact.NoRoute(null)));
	}

	private static Standing noReply(int reminders) {
		return p -> status(p, INVITED, reminders, null, List.of(), false,
				List.of(new RecipientFact.NoReplyYet(INVITED, Channel.EMAIL, reminders)));
	}

	private static RecipientStatus status(Person person, Instant invited, int reminders, Instant submitted,
			List<Channel> unreachable, boolean noRoute, List<RecipientFact> reasons) {
		return new RecipientStatus(person.id(), person.name(), person.organisation().value(), invited,
				(invited != null) ? Channel.EMAIL : null, reminders, submitted, unreachable, noRoute, false, reasons);
	}

	private static RecipientFactTexts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new RecipientFactTexts(messages, ZoneId.of("Europe/Stockholm"));
	}

}
