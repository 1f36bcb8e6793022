package se.samla.campaigns;

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

}
