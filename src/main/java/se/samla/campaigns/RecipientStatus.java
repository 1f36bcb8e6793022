package se.samla.campaigns;

import java.time.Instant;
import java.util.List;

import se.samla.directory.PersonId;
import se.samla.shared.Channel;

/**
 * Where one person stands in a send-out.
 *
 * @param person the person
 * @param name their name
 * @param organisation their organisation's id
 * @param invitedAt when the invitation went out, or {@code null}
 * @param invitedBy the channel it went by, or {@code null}
 * @param reminders how many reminders went out
 * @param submittedAt when they submitted, or {@code null}
 * @param unreachable channels that could not reach them (bounced address, blocked app)
 * @param noRoute whether no channel could reach them at all
 * @param loggedOnly whether an invitation or reminder to them was only logged by a
 * stand-in, because no configured channel reaches them: they have not been sent anything
 * @param reasons why they have not answered, most telling first
 * ({@link RecipientFact#ORDER}); empty once they have
 */
public record RecipientStatus(PersonId person, String name, String organisation, Instant invitedAt, Channel invitedBy,
		int reminders, Instant submittedAt, List<Channel> unreachable, boolean noRoute, boolean loggedOnly,
		List<RecipientFact> reasons) {

	/** What {@link #summary()} says of someone a stand-in "messaged". */
	public static final String LOGGED_ONLY = "logged only (no channel configured)";

	public RecipientStatus {
		unreachable = List.copyOf(unreachable);
		reasons = List.copyOf(reasons);
	}

	/**
	 * A few words for lists: answered, no-route, logged only (no channel configured),
	 * bounced, reminded, invited or waiting.
	 */
	public String summary() {
		if (this.submittedAt != null) {
			return "answered";
		}
		if (this.noRoute) {
			return "no-route";
		}
		if (this.loggedOnly) {
			return LOGGED_ONLY;
		}
		if (this.unreachable.contains(Channel.EMAIL)) {
			return "bounced";
		}
		if (this.reminders > 0) {
			return "reminded " + this.reminders;
		}
		return (this.invitedAt != null) ? "invited" : "waiting";
	}

}
