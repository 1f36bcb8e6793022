package se.samla.campaigns;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

/**
 * What a channel knows about the recipients of a send-out that explains why they have not
 * answered (an out-of-office reply, a request to clarify, a reply held for review). The
 * channels implement it, so that campaigns can say why without knowing their internals.
 */
public interface RecipientFacts {

	/**
	 * The facts this channel holds for people of the send-out, by person, read in one go.
	 */
	Map<PersonId, List<RecipientFact>> facts(SendOutId sendOut);

	/**
	 * The people of the send-out who said they are away, with the day they said they are
	 * back (or the last day away): their reminders wait until after it. By default read
	 * from the out-of-office facts; a channel may answer it more cheaply.
	 */
	default Map<PersonId, LocalDate> awayUntil(SendOutId sendOut) {
		Map<PersonId, LocalDate> away = new HashMap<>();
		facts(sendOut).forEach((person, facts) -> facts.stream()
			.filter(RecipientFact.OutOfOffice.class::isInstance)
			.map(RecipientFact.OutOfOffice.class::cast)
			.filter(fact -> fact.until() != null)
			.reduce((first, second) -> second)
			.ifPresent(fact -> away.put(person, fact.until())));
		return away;
	}

}
