package se.samla.directory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What looking people up in Microsoft Graph found, person by person.
 *
 * @param configured whether any Entra registration exists (without one nobody is looked
 * up)
 * @param people one entry per person looked up (or not, for want of a registration), in
 * directory order
 */
public record IdentityReport(boolean configured, List<Entry> people) {

	public IdentityReport {
		people = List.copyOf(people);
	}

	/** How looking one person up ended. */
	public enum Outcome {

		/** Found: the person is reached in Teams from now on. */
		FOUND,
		/** Nobody in the tenant has the address: reached by e-mail. */
		NOT_FOUND,
		/** Several users have the address: reached by e-mail. */
		AMBIGUOUS,
		/** No Entra registration serves the person's organisation: reached by e-mail. */
		NO_REGISTRATION,
		/** Graph or Entra refused (the detail says why): reached by e-mail, try again. */
		REFUSED,
		/**
		 * The user found is already another person's Teams identity: reached by e-mail.
		 */
		TAKEN;

	}

	/**
	 * One person.
	 *
	 * @param person the person (name and address are for the operator, not for logs)
	 * @param outcome how it ended
	 * @param detail the tenant, the number of users, or the refusal's reason
	 */
	public record Entry(Person person, Outcome outcome, String detail) {
	}

	public long count(Outcome outcome) {
		return this.people.stream().filter(entry -> entry.outcome() == outcome).count();
	}

	/** Counts per outcome, without personal data, fit for a log. */
	public String summary() {
		if (!this.configured) {
			return "no Entra registration configured; nobody looked up in Graph";
		}
		return Arrays.stream(Outcome.values())
			.filter(outcome -> count(outcome) > 0)
			.map(outcome -> count(outcome) + " " + outcome.name().toLowerCase().replace('_', ' '))
			.collect(Collectors.joining(", ", "Teams identities from Graph: ", ""))
			.replaceFirst(": $", ": nobody left to look up");
	}

}
