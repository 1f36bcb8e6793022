package se.samla.campaigns;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.samla.directory.PersonId;
import se.samla.shared.SendOutId;

/**
 * The key of one message in the outbox: which send-out, to whom, and what. It is what
 * makes delivery exactly once (the outbox holds each key once) and what a channel derives
 * its idempotency from (the email Message-ID, the Teams booking), so its written form
 * ({@code send-out/person/slug}) never changes: rows and Message-IDs written by earlier
 * versions stay valid. This is the only place that writes or reads it.
 *
 * @param sendOut the send-out
 * @param person the person the message goes to
 * @param kind what the message is
 */
public record OutboxKey(SendOutId sendOut, PersonId person, Kind kind) {

	private static final Pattern SLUG = Pattern
		.compile("invitation|escalation|reminder-(\\d+)|digest-(\\d+)(-card)?|no-route-(.+)|new-link-(\\d+)");

	public OutboxKey {
		if (sendOut == null || person == null || kind == null) {
			throw new IllegalArgumentException("an outbox key needs a send-out, a person and a kind");
		}
	}

	public static OutboxKey invitation(SendOutId sendOut, PersonId person) {
		return new OutboxKey(sendOut, person, new Invitation());
	}

	/**
	 * Reads a key in its written form.
	 * @throws IllegalArgumentException if the text is not an outbox key
	 */
	public static OutboxKey parse(String text) {
		String[] parts = (text != null) ? text.split("/", 3) : new String[0];
		if (parts.length != 3) {
			throw new IllegalArgumentException("not an outbox key: " + text);
		}
		Matcher slug = SLUG.matcher(parts[2]);
		if (!slug.matches()) {
			throw new IllegalArgumentException("not an outbox key: " + text);
		}
		Kind kind;
		if (slug.group(1) != null) {
			kind = new Reminder(Integer.parseInt(slug.group(1)));
		}
		else if (slug.group(2) != null) {
			kind = new Digest(Integer.parseInt(slug.group(2)), slug.group(3) != null);
		}
		else if (slug.group(5) != null) {
			kind = new NewLink(Integer.parseInt(slug.group(5)));
		}
		else if (slug.group(4) != null) {
			kind = new NoRouteNotice(new PersonId(UUID.fromString(slug.group(4))));
		}
		else {
			kind = "invitation".equals(parts[2]) ? new Invitation() : new Escalation();
		}
		return new OutboxKey(new SendOutId(parts[0]), new PersonId(UUID.fromString(parts[1])), kind);
	}

	/** The written form, as stored in the outbox and hashed into Message-IDs. */
	public String value() {
		return this.sendOut.value() + "/" + this.person.value() + "/" + this.kind.slug();
	}

	/**
	 * The key of the invitation this message follows up (a reminder's email answers it).
	 */
	public OutboxKey invitationKey() {
		return invitation(this.sendOut, this.person);
	}

	@Override
	public String toString() {
		return value();
	}

	/** What a message is; its slug is the last part of the written key. */
	public sealed interface Kind {

		String slug();

		MessageKind messageKind();

		/** The reminder's or the digest's number, else 0. */
		default int number() {
			return 0;
		}

	}

	/** The first message of a send-out to a person. */
	public record Invitation() implements Kind {

		@Override
		public String slug() {
			return "invitation";
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.INVITATION;
		}

	}

	/** Reminder number {@code number}, from 1. */
	public record Reminder(int number) implements Kind {

		public Reminder {
			if (number < 1) {
				throw new IllegalArgumentException("reminders are numbered from 1");
			}
		}

		@Override
		public String slug() {
			return "reminder-" + this.number;
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.REMINDER;
		}

	}

	/**
	 * Digest number {@code number}: the full digest by email, or its headline figures as
	 * a Teams card.
	 */
	public record Digest(int number, boolean teamsCard) implements Kind {

		public Digest {
			if (number < 1) {
				throw new IllegalArgumentException("digests are numbered from 1");
			}
		}

		@Override
		public String slug() {
			return "digest-" + this.number + (this.teamsCard ? "-card" : "");
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.DIGEST;
		}

	}

	/** The list of who has not answered, to a project lead. */
	public record Escalation() implements Kind {

		@Override
		public String slug() {
			return "escalation";
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.ESCALATION;
		}

	}

	/** A notice to a project lead that no channel reaches the person {@code about}. */
	public record NoRouteNotice(PersonId about) implements Kind {

		public NoRouteNotice {
			if (about == null) {
				throw new IllegalArgumentException("a no-route notice is about someone");
			}
		}

		@Override
		public String slug() {
			return "no-route-" + this.about.value();
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.NO_ROUTE;
		}

	}

	/**
	 * A new personal link the person asked for: {@code generation} is the link's, so each
	 * new link is sent once however often the request arrives.
	 */
	public record NewLink(int generation) implements Kind {

		public NewLink {
			if (generation < 1) {
				throw new IllegalArgumentException("a new link has a generation from 1");
			}
		}

		@Override
		public String slug() {
			return "new-link-" + this.generation;
		}

		@Override
		public MessageKind messageKind() {
			return MessageKind.NEW_LINK;
		}

		@Override
		public int number() {
			return this.generation;
		}

	}

}
