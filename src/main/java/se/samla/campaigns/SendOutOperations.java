package se.samla.campaigns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.campaigns.internal.OutboxRecords;
import se.samla.campaigns.internal.ScheduleBuilder;
import se.samla.campaigns.internal.OutboxRecords.OutboxRow;
import se.samla.campaigns.internal.OutboxRecords.Status;
import se.samla.campaigns.internal.RunningServices;
import se.samla.campaigns.internal.SendOutRecords;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

/**
 * What operators do with a send-out: see who stands where, preview a day, pause and
 * resume, send now, close early and extend the deadline. Reminders are planned from the
 * deadline on every dispatch run, so an extension re-plans them by itself.
 */
@Service
public class SendOutOperations {

	private static final Logger log = LoggerFactory.getLogger(SendOutOperations.class);

	private final SendOuts sendOuts;

	private final SendOutRecords records;

	private final OutboxRecords outbox;

	private final Dispatcher dispatcher;

	private final ResponseManagement responses;

	private final Directory directory;

	private final ContactRoutes routes;

	private final Clock clock;

	private final RunningServices services;

	private final ObjectProvider<RecipientFacts> facts;

	private final ScheduleBuilder schedules;

	private final MessageSource messages;

	private final ZoneId zone;

	SendOutOperations(SendOuts sendOuts, SendOutRecords records, OutboxRecords outbox, Dispatcher dispatcher,
			ResponseManagement responses, Directory directory, ContactRoutes routes, Clock clock,
			RunningServices services, ObjectProvider<RecipientFacts> facts, MessageSource messages,
			CampaignProperties properties, ScheduleBuilder schedules) {
		this.services = services;
		this.schedules = schedules;
		this.facts = facts;
		this.messages = messages;
		this.zone = properties.zone();
		this.sendOuts = sendOuts;
		this.records = records;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.responses = responses;
		this.directory = directory;
		this.routes = routes;
		this.clock = clock;
	}

	/**
	 * Every recipient's standing: invited, reminded n times, answered, bounced, no route,
	 * logged only (no configured channel reaches them, so nothing was sent); and for
	 * everyone who has not answered, why (from the outbox, the routes, and what the
	 * channels know through {@link RecipientFacts}).
	 */
	public List<RecipientStatus> recipients(SendOutId id) {
		SendOut sendOut = require(id);
		Map<PersonId, List<OutboxRow>> rows = this.outbox.forSendOut(id)
			.stream()
			.collect(Collectors.groupingBy(OutboxRow::person));
		Map<PersonId, ResponseState> started = this.responses.responses(id)
			.stream()
			.collect(Collectors.toMap(ResponseState::person, Function.identity()));
		Map<PersonId, List<RecipientFact>> channelFacts = new HashMap<>();
		this.facts.orderedStream()
			.forEach(source -> source.facts(id)
				.forEach(
						(person, facts) -> channelFacts.computeIfAbsent(person, p -> new ArrayList<>()).addAll(facts)));
		List<RecipientStatus> statuses = new ArrayList<>();
		for (Person person : this.sendOuts.recipients(sendOut)) {
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
			for (Channel channel : List.of(Channel.TEAMS, Channel.EMAIL)) {
				if (!this.routes.isReachable(person.id(), channel)) {
					unreachable.add(channel);
				}
			}
			ResponseState response = started.get(person.id());
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

	/**
	 * The send-out's whole plan in time order (invitation, reminders, escalation,
	 * digests, as {@link SendOutPlanner} makes it), each step with how many messages went
	 * out and how many the {@link #schedule} still holds for it.
	 */
	public List<PlanProgress> progress(SendOutId id) {
		SendOut sendOut = require(id);
		Map<String, Integer> sent = new HashMap<>();
		this.outbox.sentCounts(id).forEach(count -> sent.put(count.kind() + "/" + count.number(), count.sent()));
		Map<String, Integer> waiting = new HashMap<>();
		for (ScheduledMessage message : this.schedules.schedule(sendOut, this.clock.instant())) {
			if (!message.teamsCard()) {
				waiting.merge(message.kind() + "/" + message.number(), 1, Integer::sum);
			}
		}
		return SendOutPlanner.forSendOut(sendOut)
			.plan(sendOut)
			.stream()
			.map(step -> new PlanProgress(step, sent.getOrDefault(step.kind() + "/" + step.number(), 0),
					waiting.getOrDefault(step.kind() + "/" + step.number(), 0)))
			.toList();
	}

	public void pause(SendOutId id) {
		require(id);
		this.records.pause(id, this.clock.instant());
		log.info("Send-out {} paused", id);
	}

	public void resume(SendOutId id) {
		require(id);
		this.records.resume(id);
		log.info("Send-out {} resumed", id);
	}

	/**
	 * Opens the send-out now if it has not opened, and sends what is due, ignoring
	 * sending hours once. For the running service (its HTTP endpoint and jobs), whose
	 * channels are configured.
	 */
	public DispatchReport sendNow(SendOutId id) {
		requireEnabled(id);
		this.records.openNow(id, this.clock.instant());
		log.info("Send-out {}: send now", id);
		return this.dispatcher.runNow(id);
	}

	/**
	 * "Send now" from an operator command: opens the send-out and records what is due,
	 * ignoring sending hours once, but delivers nothing. A command process is not the
	 * service: its channels are not the service's (email is off without the service's
	 * profile), so it leaves delivery to the service's dispatcher, which sends every
	 * waiting message on its next run.
	 */
	public DispatchReport recordNow(SendOutId id) {
		requireEnabled(id);
		this.records.openNow(id, this.clock.instant());
		log.info("Send-out {}: send now (recorded for the service to deliver)", id);
		return DispatchReport.recordedOnly(this.dispatcher.recordNow(id));
	}

	/**
	 * Puts the messages of a send-out that a stand-in only logged (no channel was
	 * configured) back to waiting, so that the dispatcher sends them by a real channel.
	 * Also finds those an earlier version counted as sent.
	 * @return how many messages will be sent again
	 */
	public int resendLogged(SendOutId id) {
		require(id);
		int requeued = this.outbox.requeueLogged(id);
		log.info("Send-out {}: {} message(s) only logged by a stand-in queued to be sent again", id, requeued);
		return requeued;
	}

	/**
	 * Whether a Samla service is running against this database (and will deliver what an
	 * operator command recorded).
	 */
	public boolean serviceRunning() {
		return this.services.anyRunning();
	}

	/** Closes the send-out: no more answers are accepted and nothing more is sent. */
	public void close(SendOutId id) {
		require(id);
		this.records.close(id, this.clock.instant());
		log.info("Send-out {} closed early", id);
	}

	/** Moves the deadline; reminders are planned anew from it. */
	public SendOut extendDeadline(SendOutId id, Instant deadline) {
		SendOut sendOut = require(id);
		if (!deadline.isAfter(sendOut.opensAt())) {
			throw new IllegalArgumentException("the new deadline must come after the opening time");
		}
		this.records.extendDeadline(id, deadline);
		log.info("Send-out {}: deadline moved to {}", id, deadline);
		return require(id);
	}

	/**
	 * Queues the message that carries a person's new personal link (asked for on the
	 * answer pages) in the outbox, so it is recorded and sent once, by email, on the
	 * dispatcher's next run.
	 * @param generation the new link's generation: one message per link
	 * @return whether this call queued it (false: that link's message was queued before)
	 */
	public boolean sendNewLink(SendOutId id, PersonId person, int generation) {
		require(id);
		Instant now = this.clock.instant();
		boolean queued = this.outbox
			.enqueue(OutboxRow.pending(new OutboxKey(id, person, new OutboxKey.NewLink(generation)), null, now, now));
		log.info("Send-out {}: a new personal link was asked for and {}", id, queued ? "queued" : "was already queued");
		return queued;
	}

	/** A disabled send-out sends nothing, not even when asked to send now. */
	private SendOut requireEnabled(SendOutId id) {
		SendOut sendOut = require(id);
		if (!sendOut.enabled()) {
			throw new IllegalArgumentException("send-out " + id + " is disabled: set enabled: true in scheduler/"
					+ sendOut.source() + " and restart Samla");
		}
		return sendOut;
	}

	private SendOut require(SendOutId id) {
		return this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
	}

}
