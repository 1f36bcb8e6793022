package se.samla.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseProgress;
import se.samla.answers.ResponseState;
import se.samla.campaigns.internal.OutboxRecords;
import se.samla.campaigns.internal.OutboxRecords.OutboxRow;
import se.samla.campaigns.internal.OutboxRecords.Status;
import se.samla.campaigns.internal.ScheduleBuilder;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

/**
 * What can be read of a send-out while it runs: who stands where and why, and what its
 * plan will still send. Only reads: it never reaches the dispatcher or the channels'
 * sending, so the modules that write messages (digests) can ask it without standing
 * between the dispatcher and the channels ({@link SendOutOperations} is the operators'
 * changing side).
 */
@Service
public class SendOutQueries {

	private final SendOuts sendOuts;

	private final OutboxRecords outbox;

	private final ResponseManagement responses;

	private final ContactRoutes routes;

	private final Clock clock;

	// what every channel knows, in order: any number of channels, none in a context
	// without them
	private final ObjectProvider<RecipientFacts> facts;

	private final ScheduleBuilder schedules;

	private final MessageSource messages;

	private final ZoneId zone;

	SendOutQueries(SendOuts sendOuts, OutboxRecords outbox, ResponseManagement responses, ContactRoutes routes,
			Clock clock, ObjectProvider<RecipientFacts> facts, MessageSource messages, CampaignProperties properties,
			ScheduleBuilder schedules) {
		this.sendOuts = sendOuts;
		this.outbox = outbox;
		this.responses = responses;
		this.routes = routes;
		this.clock = clock;
		this.facts = facts;
		this.messages = messages;
		this.zone = properties.zone();
		this.schedules = schedules;
	}

	/**
	 * Every recipient's standing: invited, reminded n times, answered, bounced, no route,
	 * logged only (no configured channel reaches them, so nothing was sent); and for
	 * everyone who has not answered, why (from the outbox, the routes, and what the
	 * channels know through {@link RecipientFacts}).
	 */
	public List<RecipientStatus> recipients(SendOutId id) {
		return recipients(id, this.sendOuts.recipients(require(id)));
	}

	/**
	 * As {@link #recipients(SendOutId)}, for the send-out's recipients as the caller has
	 * just read them ({@link SendOuts#recipients(SendOut)}): a page that shows both reads
	 * the directory once.
	 */
	public List<RecipientStatus> recipients(SendOutId id, List<Person> recipients) {
		Map<PersonId, List<OutboxRow>> rows = this.outbox.forSendOut(id)
			.stream()
			.collect(Collectors.groupingBy(OutboxRow::person));
		// read in one go each: a send-out may have thousands of recipients
		Map<PersonId, ResponseProgress> started = this.responses.progress(id);
		Map<PersonId, Set<Channel>> broken = this.routes.unreachableRoutes();
		Map<PersonId, List<RecipientFact>> channelFacts = new HashMap<>();
		this.facts.orderedStream()
			.forEach(source -> source.facts(id)
				.forEach(
						(person, facts) -> channelFacts.computeIfAbsent(person, p -> new ArrayList<>()).addAll(facts)));
		List<RecipientStatus> statuses = new ArrayList<>();
		for (Person person : recipients) {
			List<OutboxRow> mine = rows.getOrDefault(person.id(), List.of());
			OutboxRow invitation = mine.stream()
				.filter(row -> row.kind() == MessageKind.INVITATION && row.status() == Status.SENT)
				.findFirst()
				.orElse(null);
			int reminders = (int) mine.stream()
				.filter(row -> row.kind() == MessageKind.REMINDER && row.status() == Status.SENT)
				.count();
			boolean noRoute = mine.stream().anyMatch(row -> row.status() == Status.NO_ROUTE);
			boolean loggedOnly = mine.stream()
				.anyMatch(row -> row.status() == Status.LOGGED
						&& (row.kind() == MessageKind.INVITATION || row.kind() == MessageKind.REMINDER));
			List<Channel> unreachable = new ArrayList<>();
			Set<Channel> notReaching = broken.getOrDefault(person.id(), Set.of());
			for (Channel channel : List.of(Channel.TEAMS, Channel.EMAIL)) {
				if (notReaching.contains(channel)) {
					unreachable.add(channel);
				}
			}
			ResponseProgress response = started.get(person.id());
			boolean submitted = response != null && response.isSubmitted();
			List<RecipientFact> reasons = new ArrayList<>();
			if (!submitted) {
				// recorded but not yet delivered (waiting for the dispatcher) is not
				// invited
				if (invitation == null && !loggedOnly && !noRoute) {
					reasons.add(new RecipientFact.NotYetInvited());
				}
				if (loggedOnly) {
					reasons.add(new RecipientFact.LoggedOnly());
				}
				if (noRoute) {
					reasons.add(new RecipientFact.NoRoute(mine.stream()
						.filter(row -> row.status() == Status.NO_ROUTE)
						.map(OutboxRow::lastError)
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null)));
				}
				for (Channel channel : unreachable) {
					reasons.add(
							new RecipientFact.Unreachable(channel, (channel == Channel.EMAIL) ? person.email() : null));
				}
				reasons.addAll(latestOfEachKind(channelFacts.getOrDefault(person.id(), List.of())));
				if (response != null) {
					reasons.add(new RecipientFact.InProgress());
				}
				// "no reply" is said only of someone nothing was heard from: not of one
				// who
				// started answering, nor of one whose reply is waiting to be understood
				if (invitation != null && reasons.stream().noneMatch(RecipientFact::isAReply)) {
					reasons.add(new RecipientFact.NoReplyYet(invitation.finishedAt(), invitation.channel(), reminders));
				}
				reasons.sort(Comparator.comparingInt(fact -> RecipientFact.ORDER.indexOf(fact.getClass())));
			}
			statuses.add(new RecipientStatus(person.id(), person.name(), person.organisation().value(),
					(invitation != null) ? invitation.finishedAt() : null,
					(invitation != null) ? invitation.channel() : null, reminders,
					submitted ? response.submittedAt() : null, unreachable, noRoute, loggedOnly, reasons));
		}
		return statuses;
	}

	/** The texts that say why, in a reader's language. */
	public RecipientFactTexts texts() {
		return new RecipientFactTexts(this.messages, this.zone);
	}

	/**
	 * Channels may report a kind of fact more than once (two auto-replies): keep the
	 * last.
	 */
	private static List<RecipientFact> latestOfEachKind(List<RecipientFact> facts) {
		Map<Class<?>, RecipientFact> latest = new LinkedHashMap<>();
		facts.forEach(fact -> latest.put(fact.getClass(), fact));
		return List.copyOf(latest.values());
	}

	/**
	 * What would be sent on a given day if nobody else answers before then: that day of
	 * the {@link #schedule}.
	 */
	public List<PreviewedMessage> preview(SendOutId id, LocalDate day) {
		SendOut sendOut = require(id);
		ZoneId zone = sendOut.rules().quietHours().zone();
		return this.schedules.schedule(sendOut, this.clock.instant())
			.stream()
			.filter(message -> message.at().atZone(zone).toLocalDate().equals(day))
			.map(message -> new PreviewedMessage(message.person(), message.name(), message.kind(), message.number(),
					message.at(), message.channel(), message.label()))
			.toList();
	}

	/**
	 * Every message the send-out's plan will still send, per person and day, with its
	 * kind and the channel the route choice would take, if nobody answers meanwhile.
	 */
	public List<ScheduledMessage> schedule(SendOutId id) {
		return this.schedules.schedule(require(id), this.clock.instant());
	}

	private SendOut require(SendOutId id) {
		return this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
	}

	/**
	 * The send-out's whole plan in time order (invitation, reminders, escalation,
	 * digests, as {@link SendOutPlanner} makes it), each step with how many messages went
	 * out and how many the {@link #schedule} still holds for it.
	 */
	public List<PlanProgress> progress(SendOutId id) {
		SendOut sendOut = require(id);
		Map<String, OutboxRecords.SentCount> sent = new HashMap<>();
		this.outbox.sentCounts(id).forEach(count -> sent.put(count.kind() + "/" + count.number(), count));
		Map<String, Integer> waiting = new HashMap<>();
		for (ScheduledMessage message : this.schedules.schedule(sendOut, this.clock.instant())) {
			if (!message.teamsCard()) {
				waiting.merge(message.kind() + "/" + message.number(), 1, Integer::sum);
			}
		}
		return SendOutPlanner.forSendOut(sendOut).plan(sendOut).stream().map(step -> {
			OutboxRecords.SentCount out = sent.get(step.kind() + "/" + step.number());
			return new PlanProgress(step, (out != null) ? out.sent() : 0,
					waiting.getOrDefault(step.kind() + "/" + step.number(), 0), (out != null) ? out.lastSent() : null);
		}).toList();
	}

}
