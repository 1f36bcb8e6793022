package se.samla.directory;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import se.samla.directory.internal.EmailAddresses;
import se.samla.shared.Language;

/**
 * Someone Samla may ask: a chief or project lead at one organisation.
 *
 * @param id stable id, kept when the person is re-imported
 * @param name full name
 * @param email e-mail address, lower-case; unique across the directory
 * @param role job title, e.g. "Socialchef", or {@code null}
 * @param organisation where the person works
 * @param networks the networks the person belongs to, possibly none
 * @param teams the person's Teams identity, or {@code null} if they are reached by e-mail
 * only
 * @param preferredChannel how the person prefers to be asked; Teams needs a Teams
 * identity
 * @param language the language the person is addressed in
 * @param active whether the person is asked at all
 */
public record Person(PersonId id, String name, String email, String role, OrganisationId organisation,
		Set<Network> networks, TeamsIdentity teams, PreferredChannel preferredChannel, Language language,
		boolean active) {

	public Person {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(organisation, "organisation");
		Objects.requireNonNull(preferredChannel, "preferredChannel");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("missing name");
		}
		name = name.strip();
		email = EmailAddresses.normalise(email);
		role = (role == null || role.isBlank()) ? null : role.strip();
		networks = (networks == null || networks.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(networks));
		language = (language != null) ? language : Language.SV;
		if (preferredChannel == PreferredChannel.TEAMS && teams == null) {
			throw new IllegalArgumentException("preferred channel Teams needs an Entra id and a tenant id");
		}
	}

	public boolean isMemberOf(Network network) {
		return this.networks.contains(network);
	}

}
