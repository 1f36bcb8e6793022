package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.samla.shared.Channel;

/**
 * Why someone has not answered: one fact about a recipient, from the send-out's own
 * records (invited or not, reminders, routes) or from a channel through
 * {@link RecipientFacts} (an out-of-office reply, a request to clarify). A person may
 * have several; {@link #ORDER} puts the most telling first.
 */
public sealed interface RecipientFact {

	/**
	 * @return whether the fact says the person did reply in some way (started answering,
	 * or a reply waits to be understood), so that "no reply" would be untrue
	 */
	default boolean isAReply() {
		return this instanceof InProgress || this instanceof AskedToClarify || this instanceof HeldForReview
				|| this instanceof RepliedNotUnderstood;
	}

	/** The kinds, most telling first: what an operator should look at before the rest. */
	List<Class<? extends RecipientFact>> ORDER = List.of(NotYetInvited.class, LoggedOnly.class, NoRoute.class,
			HeldForReview.class, AskedToClarify.class, RepliedNotUnderstood.class, OutOfOffice.class, Unreachable.class,
			TeamsAppNotInstalled.class, InProgress.class, NoReplyYet.class);

	/** A stable name for texts and JSON, e.g. {@code out-of-office}. */
	String code();

	/** Not invited yet: the invitation has not gone out (or not yet been recorded). */
	record NotYetInvited() implements RecipientFact {

		@Override
		public String code() {
			return "not-invited";
		}

	}

	/**
	 * A message to them was only logged by a stand-in: no configured channel reaches
	 * them, so nothing was sent.
	 */
	record LoggedOnly() implements RecipientFact {

		@Override
		public String code() {
			return "logged-only";
		}

	}

	/**
	 * Invited (and maybe reminded) and nothing heard back.
	 *
	 * @param invitedAt when the invitation went out
	 * @param by the channel it went by, or {@code null}
	 * @param reminders how many reminders went out
	 */
	record NoReplyYet(Instant invitedAt, Channel by, int reminders) implements RecipientFact {

		@Override
		public String code() {
			return "no-reply";
		}

	}

	/** Started answering but has not submitted. */
	record InProgress() implements RecipientFact {

		@Override
		public String code() {
			return "in-progress";
		}

	}

	/**
	 * No channel could deliver a message to the person.
	 *
	 * @param detail what each channel said
	 */
	record NoRoute(String detail) implements RecipientFact {

		@Override
		public String code() {
			return "no-route";
		}

	}

	/**
	 * A channel cannot reach the person: an address that bounces, a blocked Teams app.
	 *
	 * @param channel the channel
	 * @param address the address that bounced (for email), or {@code null}
	 */
	record Unreachable(Channel channel, String address) implements RecipientFact {

		@Override
		public String code() {
			return (this.channel == Channel.EMAIL) ? "bounced" : "teams-unreachable";
		}

	}

	/**
	 * Samla could not install its Teams app for the person, so Teams could not reach them
	 * and they got email; the installation is tried again for a later message.
	 *
	 * @param at when it was last tried
	 * @param reason what Graph said
	 * @param forNow whether Graph did not answer (rather than refused)
	 */
	record TeamsAppNotInstalled(Instant at, String reason, boolean forNow) implements RecipientFact {

		@Override
		public String code() {
			return this.forNow ? "teams-app-not-installed-for-now" : "teams-app-not-installed";
		}

	}

	/**
	 * An automatic out-of-office reply came back.
	 *
	 * @param at when it arrived
	 * @param until the day the reply says the person is back, or {@code null}
	 */
	record OutOfOffice(Instant at, LocalDate until) implements RecipientFact {

		@Override
		public String code() {
			return (this.until != null) ? "out-of-office-until" : "out-of-office";
		}

	}

	/**
	 * The person replied, but not clearly enough to record; Samla asked them to clarify.
	 *
	 * @param last when it last asked
	 * @param times how many times it asked
	 */
	record AskedToClarify(Instant last, int times) implements RecipientFact {

		@Override
		public String code() {
			return "asked-to-clarify";
		}

	}

	/**
	 * A reply with the person's link came from someone else and waits for an operator.
	 *
	 * @param at when it arrived
	 */
	record HeldForReview(Instant at) implements RecipientFact {

		@Override
		public String code() {
			return "held-for-review";
		}

	}

	/**
	 * The person replied, the reply was kept, but it recorded no answer.
	 *
	 * @param at when the latest such reply arrived
	 */
	record RepliedNotUnderstood(Instant at) implements RecipientFact {

		@Override
		public String code() {
			return "replied-not-understood";
		}

	}

}
