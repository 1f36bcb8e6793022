package se.samla.directory;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.samla.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTypesTests {

	@Test
	void readsNetworksLenientlyIncludingThePersonnelChiefsAlias() {
		assertThat(Network.parse("Socialchefsnätverket")).isEqualTo(Network.SOCIALCHEFSNATVERKET);
		assertThat(Network.parse(" socialchefsnatverket ")).isEqualTo(Network.SOCIALCHEFSNATVERKET);
		assertThat(Network.parse("HR-CHEFSNÄTVERKET")).isEqualTo(Network.HR_CHEFSNATVERKET);
		assertThat(Network.parse("hr chefsnatverket")).isEqualTo(Network.HR_CHEFSNATVERKET);
		assertThat(Network.parse("Personalchefsnätverket")).isEqualTo(Network.HR_CHEFSNATVERKET);
		assertThat(Network.parse("projektledare")).isEqualTo(Network.PROJEKTLEDARE);
		assertThat(Network.HR_CHEFSNATVERKET.displayName()).isEqualTo("HR-chefsnätverket");
		assertThatIllegalArgumentException().isThrownBy(() -> Network.parse("Kockarna"))
			.withMessageContaining("unknown network 'Kockarna'");
	}

	@Test
	void readsPreferredChannelsInSwedishAndEnglish() {
		assertThat(Set.of("Teams", "TEAMS"))
			.allSatisfy(typed -> assertThat(PreferredChannel.parse(typed)).isEqualTo(PreferredChannel.TEAMS));
		assertThat(Set.of("e-post", "E-post", "email", "mejl", "Mail"))
			.allSatisfy(typed -> assertThat(PreferredChannel.parse(typed)).isEqualTo(PreferredChannel.EMAIL));
		assertThatIllegalArgumentException().isThrownBy(() -> PreferredChannel.parse("brevduva"));
	}

	@Test
	void acceptsOnlyGuidShapedTeamsIdentitiesAndStoresThemLowerCase() {
		TeamsIdentity identity = new TeamsIdentity("{1C8E2F4A-5B6D-4E7F-8A9B-0C1D2E3F4A5B}",
				"7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37");
		assertThat(identity.entraObjectId()).isEqualTo("1c8e2f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
		assertThatIllegalArgumentException().isThrownBy(() -> new TeamsIdentity("anna", identity.tenantId()))
			.withMessageContaining("invalid Entra object id 'anna'");
		assertThatIllegalArgumentException().isThrownBy(() -> new TeamsIdentity(identity.entraObjectId(), null));
	}

	@Test
	void keepsEmailAddressesLowerCaseAndRejectsInvalidOnes() {
		Person person = person("  Anna.Berg@Example.ORG ");
		assertThat(person.email()).isEqualTo("anna.berg@example.org");
		assertThatIllegalArgumentException().isThrownBy(() -> person("anna.example.org"))
			.withMessage("invalid e-mail address 'anna.example.org'");
	}

	@Test
	void requiresATeamsIdentityToPreferTeams() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Person(PersonId.random(), "Anna", "anna@example.org", null,
					new OrganisationId("kumla"), Set.of(), null, PreferredChannel.TEAMS, Language.SV, true))
			.withMessageContaining("Teams");
	}

	@Test
	void acceptsOnlySlugsAsOrganisationIds() {
		assertThat(new OrganisationId("region-orebro-lan").value()).isEqualTo("region-orebro-lan");
		assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationId("Örebro"));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationId("-orebro"));
	}

	private static Person person(String email) {
		return new Person(new PersonId(UUID.randomUUID()), "Anna Berg", email, "Socialchef",
				new OrganisationId("kumla"), Set.of(Network.SOCIALCHEFSNATVERKET), null, PreferredChannel.EMAIL, null,
				true);
	}

}
