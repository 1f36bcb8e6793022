package se.samla.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
import se.samla.support.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads' figures of a large round: every figure counts everyone, and who has not
 * answered comes a page of fifty at a time, in organisation and name order.
 */
class RoundViewTests {

	private static final Instant INVITED = Instant.parse("2026-12-01T08:00:00Z");

	private static final List<Organisation> ORGANISATIONS = List.of(
			new Organisation(new OrganisationId("askersund"), "Askersund", OrganisationKind.KOMMUN),
			new Organisation(new OrganisationId("degerfors"), "Degerfors", OrganisationKind.KOMMUN));

	private final RecipientFactTexts texts = new RecipientFactTexts(Bundles.messages(), ZoneId.of("Europe/Stockholm"));

	private final List<Person> people = new ArrayList<>();

	private final List<RecipientStatus> statuses = new ArrayList<>();

	RoundViewTests() {
		// 130 people, every fifth answered: 104 have not
		for (int i = 0; i < 130; i++) {
			Organisation organisation = ORGANISATIONS.get(i % 2);
			Person person = new Person(new PersonId(new UUID(0, i)), String.format("Chef %03d", i),
					"chef" + i + "@example.org", "Socialchef", organisation.id(), Set.of(Network.SOCIALCHEFSNATVERKET),
					null, PreferredChannel.EMAIL, Language.SV, true);
			boolean answered = i % 5 == 0;
			this.people.add(person);
			this.statuses.add(new RecipientStatus(person.id(), person.name(), organisation.id().value(), INVITED,
					Channel.EMAIL, 0, answered ? INVITED.plusSeconds(3600) : null, List.of(), false, false,
					answered ? List.of() : List.of(new RecipientFact.NoReplyYet(INVITED, Channel.EMAIL, 0))));
		}
	}

	@Test
	void theFiguresCountEveryoneAndWhoHasNotAnsweredComesFiftyAPage() {
		RoundView first = RoundView.of(this.people, this.statuses, ORGANISATIONS, this.texts, Language.SV, 1);

		assertThat(first.total()).isEqualTo(130);
		assertThat(first.answered()).isEqualTo(26);
		assertThat(first.organisations())
			.extracting(RoundView.Rate::name, RoundView.Rate::total, RoundView.Rate::answered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Askersund", 65, 13),
					org.assertj.core.groups.Tuple.tuple("Degerfors", 65, 13));
		assertThat(first.waitingCount()).isEqualTo(104);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.waiting()).hasSize(50);
		assertThat(first.first()).isEqualTo(1);
		assertThat(first.last()).isEqualTo(50);
		assertThat(first.waiting().get(0).organisation()).isEqualTo("Askersund");
		assertThat(first.waiting().get(0).reason())
			.isEqualTo("inbjuden 1 december 2026 via e-post, inte påmind, inget svar");

		RoundView last = RoundView.of(this.people, this.statuses, ORGANISATIONS, this.texts, Language.SV, 3);
		assertThat(last.waiting()).hasSize(4);
		assertThat(last.first()).isEqualTo(101);
		assertThat(last.last()).isEqualTo(104);
		assertThat(last.waiting()).allMatch(waiting -> waiting.organisation().equals("Degerfors"));
		assertThat(last.answered()).isEqualTo(first.answered());
	}

	@Test
	void aPagePastTheLastShowsTheLastAndEveryoneIsOnExactlyOnePage() {
		List<String> names = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			RoundView.of(this.people, this.statuses, ORGANISATIONS, this.texts, Language.SV, page)
				.waiting()
				.forEach(waiting -> names.add(waiting.name()));
		}
		assertThat(names).hasSize(104).doesNotHaveDuplicates();
		assertThat(RoundView.of(this.people, this.statuses, ORGANISATIONS, this.texts, Language.SV, 99).page())
			.isEqualTo(3);
		assertThat(RoundView.of(this.people, this.statuses, ORGANISATIONS, this.texts, Language.SV, 0).page())
			.isEqualTo(1);
	}

}
