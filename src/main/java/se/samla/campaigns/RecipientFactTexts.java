package se.samla.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import se.samla.campaigns.RecipientFact.AskedToClarify;
import se.samla.campaigns.RecipientFact.HeldForReview;
import se.samla.campaigns.RecipientFact.NoReplyYet;
import se.samla.campaigns.RecipientFact.TeamsAppNotInstalled;
import se.samla.campaigns.RecipientFact.OutOfOffice;
import se.samla.campaigns.RecipientFact.RepliedNotUnderstood;
import se.samla.campaigns.RecipientFact.Unreachable;
import se.samla.shared.Channel;
import se.samla.shared.Language;

/**
 * Says why someone has not answered, in a reader's language, from the message bundles
 * ({@code recipient.reason.*}).
 */
public final class RecipientFactTexts {

	private final MessageSource messages;

	private final ZoneId zone;

	public RecipientFactTexts(MessageSource messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	/** Every fact, most telling first, joined with "; ". */
	public String describe(List<RecipientFact> facts, Language language) {
		return facts.stream().map(fact -> describe(fact, language)).collect(Collectors.joining("; "));
	}

	public String describe(RecipientFact fact, Language language) {
		Object[] arguments = new Object[0];
		if (fact instanceof NoReplyYet noReply) {
			arguments = new Object[] { day(noReply.invitedAt(), language), channel(noReply.by(), language),
					noReply.reminders() };
		}
		else if (fact instanceof Unreachable unreachable) {
			arguments = new Object[] { (unreachable.address() != null) ? unreachable.address() : "" };
		}
		else if (fact instanceof TeamsAppNotInstalled notInstalled) {
			arguments = new Object[] { day(notInstalled.at(), language),
					(notInstalled.reason() != null) ? notInstalled.reason() : "" };
		}
		else if (fact instanceof OutOfOffice away) {
			arguments = new Object[] { day(away.at(), language), day(away.until(), language) };
		}
		else if (fact instanceof AskedToClarify asked) {
			arguments = new Object[] { day(asked.last(), language), asked.times() };
		}
		else if (fact instanceof HeldForReview held) {
			arguments = new Object[] { day(held.at(), language) };
		}
		else if (fact instanceof RepliedNotUnderstood replied) {
			arguments = new Object[] { day(replied.at(), language) };
		}
		return this.messages.getMessage("recipient.reason." + fact.code(), arguments, language.locale());
	}

	private String channel(Channel channel, Language language) {
		return (channel != null)
				? this.messages.getMessage("recipient.channel." + channel.name(), null, language.locale()) : "?";
	}

	private String day(Instant instant, Language language) {
		return (instant != null) ? day(instant.atZone(this.zone).toLocalDate(), language) : "?";
	}

	private String day(LocalDate date, Language language) {
		return (date != null) ? DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(date) : "?";
	}

}
