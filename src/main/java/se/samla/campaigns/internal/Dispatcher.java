package se.samla.campaigns.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.Delivery;
import se.samla.campaigns.DispatchReport;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.MessageContents;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.OutboxKey;
import se.samla.campaigns.OutgoingMessage;
import se.samla.campaigns.PlannedMessage;
import se.samla.campaigns.RecipientFacts;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutPlanner;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.UnknownSendOutException;
import se.samla.campaigns.WorkingCalendar;
import se.samla.campaigns.internal.OutboxRecords.OutboxRow;
import se.samla.campaigns.internal.OutboxRecords.Recorded;
import se.samla.campaigns.internal.OutboxRecords.Status;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;

/**
 * Turns send-out plans into messages. Each run first records what is due in the outbox
 * (invitations, the one latest due reminder for each person who has not submitted and is
 * not away by their own absence notice, escalations), then delivers what the outbox
 * holds, choosing each person's route. A message whose kind a {@link MessageContents}
 * source writes (a digest) reaches its channel with its content, written by the run's
 * writer, so that recipients of one run share one digest.
 * <p>
 * Safe to run at any time, as often as wanted, on several instances at once: what is due
 * is derived from the plan and the outbox, never from a memory of earlier runs, so a run
 * after a long stop sends each person at most one reminder (the latest due) and only
 * inside sending hours.
 */
@Component
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private static final int BATCH = 500;

	/**
	 * How many rows a run claims at once: one write instead of one per message. The rows
	 * wait for their turn under the run's renewed claim, so a crash delays them by a
	 * lease at most, and a dispatcher running beside this one still shares the rest.
	 */
	private static final int CLAIM_GROUP = 10;

	/** At most this many rows wait in a run's lanes, fetched but not yet claimed. */
	private static final int MAX_WAITING = 10 * BATCH;

	private static final int MAX_ATTEMPTS = 5;

	/**
	 * Payload an earlier version wrote on a digest's Teams card row; the key says it now
	 * ({@link OutboxKey.Digest#teamsCard()}).
	 */
	static final String TEAMS_CARD = "teams-card";

	/**
	 * Past this time after its deadline a send-out has nothing left to send (escalation
	 * included).
	 */
	private static final Duration SETTLED_AFTER = Duration.ofDays(31);

	private final SendOuts sendOuts;

	private final OutboxRecords outbox;

	private final ChannelRegistry channels;

	private final ContactRouteRecords routes;

	private final ResponseManagement responses;

	private final Directory directory;

	private final Clock clock;

	private final ObjectProvider<RecipientFacts> facts;

	// any number of sources, none in a context without the modules that write content
	private final ObjectProvider<MessageContents> contents;

	private final Duration lease;

	private final String instance;

	/** The claim tokens of the delivery runs in progress in this instance. */
	private final Set<String> holding = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService renewal;

	private final TransactionTemplate transactions;

	private final int laneCount;

	/** Delivers lanes side by side; threads are made as lanes need them. */
	private final ExecutorService laneWorkers;

	Dispatcher(SendOuts sendOuts, OutboxRecords outbox, ChannelRegistry channels, ContactRouteRecords routes,
			ResponseManagement responses, Directory directory, Clock clock, CampaignProperties properties,
			ObjectProvider<RecipientFacts> facts, ObjectProvider<MessageContents> contents,
			PlatformTransactionManager transactionManager) {
		this.facts = facts;
		this.contents = contents;
		this.sendOuts = sendOuts;
		this.outbox = outbox;
		this.channels = channels;
		this.routes = routes;
		this.responses = responses;
		this.directory = directory;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.lease = properties.claimLease();
		this.instance = instanceName();
		// A background renewal, not a stamp before each send: one send can block far
		// longer than the lease (a throttled SMTP server, Teams' Retry-After).
		this.renewal = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "samla-claim-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1, properties.renewalInterval().toMillis());
		this.renewal.scheduleWithFixedDelay(this::renewClaims, every, every, TimeUnit.MILLISECONDS);
		this.laneCount = Math.max(1, properties.deliveryLanes());
		AtomicInteger lanes = new AtomicInteger();
		this.laneWorkers = new ThreadPoolExecutor(this.laneCount, this.laneCount, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), task -> {
					Thread thread = new Thread(task, "samla-delivery-lane-" + lanes.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		((ThreadPoolExecutor) this.laneWorkers).allowCoreThreadTimeOut(true);
	}

	@PreDestroy
	void stopRenewing() {
		this.renewal.shutdownNow();
		this.laneWorkers.shutdownNow();
	}

	/** One run over every send-out: record what is due now, then deliver. */
	public DispatchReport run() {
		Instant now = this.clock.instant();
		int recorded = 0;
		for (SendOut sendOut : this.sendOuts.all()) {
			recorded += record(sendOut, now, false);
		}
		return deliver(recorded);
	}

	/**
	 * "Send now": records what is due for one send-out even outside sending hours, and
	 * delivers.
	 */
	public DispatchReport runNow(SendOutId id) {
		return deliver(recordNow(id));
	}

	/**
	 * Records what is due for one send-out even outside sending hours, and leaves the
	 * delivery to the next dispatcher run.
	 * @return how many messages were recorded
	 */
	public int recordNow(SendOutId id) {
		SendOut sendOut = this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
		return record(sendOut, this.clock.instant(), true);
	}

	int record(SendOut sendOut, Instant now, boolean ignoreSendingHours) {
		List<OutboxRow> due = new ArrayList<>();
		collect(sendOut, now, ignoreSendingHours, due::add);
		int recorded = 0;
		for (int from = 0; from < due.size(); from += BATCH) {
			recorded += this.outbox.enqueueAll(due.subList(from, Math.min(due.size(), from + BATCH)));
		}
		if (recorded > 0) {
			log.info("Send-out {}: {} message(s) recorded for delivery", sendOut.id(), recorded);
		}
		return recorded;
	}

	/**
	 * Finds what is due now. (What is due later, as a plan, is {@link ScheduleBuilder}'s
	 * job.)
	 */
	private void collect(SendOut sendOut, Instant now, boolean ignoreSendingHours, Consumer<OutboxRow> sink) {
		if (!sendOut.enabled() || sendOut.closedAt() != null || sendOut.pausedAt() != null
				|| now.isBefore(sendOut.opensAt()) || now.isAfter(sendOut.deadline().plus(SETTLED_AFTER))) {
			return;
		}
		SendOutPlanner planner = SendOutPlanner.forSendOut(sendOut);
		WorkingCalendar calendar = planner.calendar();
		if (!ignoreSendingHours && !calendar.isSendingTime(now)) {
			return;
		}
		List<PlannedMessage> plan = planner.plan(sendOut);
		List<Recorded> recorded = this.outbox.recorded(sendOut.id());
		Set<OutboxKey> existing = new HashSet<>();
		recorded.forEach(message -> existing.add(OutboxKey.parse(message.key())));
		Map<PersonId, List<OutboxKey.Kind>> kindsByPerson = byPerson(existing);
		Map<PersonId, Recorded> previous = previousMessages(recorded);
		Map<LocalDate, Map<Integer, LocalDate>> spacedUntil = new HashMap<>();
		List<Person> recipients = this.sendOuts.recipients(sendOut);
		Set<PersonId> submitted = this.responses.submitted(sendOut.id());
		boolean open = !now.isAfter(sendOut.deadline());
		Optional<PlannedMessage> invitation = plan.stream()
			.filter(message -> message.kind() == MessageKind.INVITATION)
			.findFirst();
		Map<PersonId, LocalDate> away = null;
		for (Person person : recipients) {
			List<OutboxKey.Kind> kinds = kindsByPerson.getOrDefault(person.id(), List.of());
			boolean invited = kinds.contains(new OutboxKey.Invitation());
			if (open && !invited && !submitted.contains(person.id())
					&& (ignoreSendingHours || invitation.map(message -> !message.at().isAfter(now)).orElse(false))) {
				sink.accept(OutboxRow.pending(OutboxKey.invitation(sendOut.id(), person.id()), null,
						invitation.map(PlannedMessage::at).orElse(now), now));
				continue;
			}
			if (open && invited && !submitted.contains(person.id())) {
				Set<Integer> sent = remindersRecorded(kinds);
				// "Send now" skips only the sending-hours check of the misfire rule.
				Optional<PlannedMessage> reminder = ignoreSendingHours
						? SendOutPlanner.latestDue(plan, MessageKind.REMINDER, now)
							.filter(due -> sent.stream().noneMatch(number -> number >= due.number()))
						: planner.reminderToSend(plan, sent, now);
				Recorded last = previous.get(person.id());
				if (last != null) {
					// The spacing rule per person: not sooner than the rule's spacing
					// after
					// this person's previous message (someone invited late, or reminded
					// late after a stop).
					reminder = reminder.filter(due -> {
						int spacing = planner.spacingBefore(plan, sendOut.rules().reminders(), last.kind(),
								last.number(), due);
						LocalDate earliest = spacedUntil
							.computeIfAbsent(calendar.dateOf(last.at()), day -> new HashMap<>())
							.computeIfAbsent(spacing,
									days -> calendar.plusWorkingDays(calendar.dateOf(last.at()), days));
						return !calendar.dateOf(now).isBefore(earliest);
					});
				}
				if (reminder.isPresent()) {
					// someone who said they are away is reminded after they are back
					if (away == null) {
						away = awayUntil(sendOut.id());
					}
					LocalDate until = away.get(person.id());
					if (until != null && !calendar.dateOf(now).isAfter(until)) {
						reminder = Optional.empty();
					}
				}
				reminder.ifPresent(due -> sink.accept(OutboxRow.pending(
						new OutboxKey(sendOut.id(), person.id(), new OutboxKey.Reminder(due.number())), null, due.at(),
						now)));
			}
		}
		escalate(sendOut, plan, now, existing, recipients, submitted, sink);
		digests(sendOut, plan, now, kindsByPerson, sink);
	}

	/** Who said they are away and until when, from every channel. */
	private Map<PersonId, LocalDate> awayUntil(SendOutId id) {
		Map<PersonId, LocalDate> away = new HashMap<>();
		this.facts.orderedStream()
			.forEach(source -> source.awayUntil(id)
				.forEach((person, until) -> away.merge(person, until, (a, b) -> a.isAfter(b) ? a : b)));
		return away;
	}

	/**
	 * The latest due digest for each member of the networks that receive them, once: by
	 * email (the full digest) and, for members with a Teams identity, a short card in
	 * Teams too. A digest missed during a stop is not sent late if a newer one is due.
	 */
	private void digests(SendOut sendOut, List<PlannedMessage> plan, Instant now,
			Map<PersonId, List<OutboxKey.Kind>> kindsByPerson, Consumer<OutboxRow> sink) {
		Optional<PlannedMessage> due = SendOutPlanner.latestDue(plan, MessageKind.DIGEST, now);
		if (due.isEmpty() || sendOut.rules().digests().to().isEmpty()) {
			return;
		}
		int number = due.get().number();
		for (Person member : members(sendOut.rules().digests().to())) {
			boolean newer = kindsByPerson.getOrDefault(member.id(), List.of())
				.stream()
				.anyMatch(kind -> kind instanceof OutboxKey.Digest sent && sent.number() >= number);
			if (newer) {
				continue;
			}
			sink.accept(OutboxRow.pending(new OutboxKey(sendOut.id(), member.id(), new OutboxKey.Digest(number, false)),
					null, due.get().at(), now));
			if (member.teams() != null) {
				sink.accept(
						OutboxRow.pending(new OutboxKey(sendOut.id(), member.id(), new OutboxKey.Digest(number, true)),
								null, due.get().at(), now));
			}
		}
	}

	private void escalate(SendOut sendOut, List<PlannedMessage> plan, Instant now, Set<OutboxKey> existing,
			List<Person> recipients, Set<PersonId> submitted, Consumer<OutboxRow> sink) {
		if (sendOut.rules().escalation() == null) {
			return;
		}
		Optional<PlannedMessage> escalation = plan.stream()
			.filter(message -> message.kind() == MessageKind.ESCALATION && !message.at().isAfter(now))
			.findFirst();
		if (escalation.isEmpty()) {
			return;
		}
		List<PersonId> missing = recipients.stream()
			.map(Person::id)
			.filter(person -> !submitted.contains(person))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		String payload = missing.stream().map(id -> id.value().toString()).collect(Collectors.joining(","));
		for (Person lead : members(sendOut.rules().escalation().to())) {
			OutboxKey key = new OutboxKey(sendOut.id(), lead.id(), new OutboxKey.Escalation());
			if (!existing.contains(key)) {
				sink.accept(OutboxRow.pending(key, payload, escalation.get().at(), now));
			}
		}
	}

	private List<Person> members(Set<Network> networks) {
		Set<Person> members = new LinkedHashSet<>();
		networks.forEach(network -> members.addAll(this.directory.members(network)));
		return List.copyOf(members);
	}

	/**
	 * Each person's latest invitation or reminder: reminders are numbered in time order,
	 * so the highest number is the latest, and any reminder comes after the invitation.
	 */
	private static Map<PersonId, Recorded> previousMessages(List<Recorded> recorded) {
		Map<PersonId, Recorded> previous = new HashMap<>();
		for (Recorded message : recorded) {
			if (message.kind() != MessageKind.INVITATION && message.kind() != MessageKind.REMINDER) {
				continue;
			}
			previous.merge(message.person(), message, (a, b) -> (rank(b) > rank(a)) ? b : a);
		}
		return previous;
	}

	private static int rank(Recorded message) {
		return (message.kind() == MessageKind.INVITATION) ? 0 : message.number();
	}

	private static Set<Integer> remindersRecorded(List<OutboxKey.Kind> kinds) {
		return kinds.stream()
			.filter(OutboxKey.Reminder.class::isInstance)
			.map(OutboxKey.Kind::number)
			.collect(Collectors.toSet());
	}

	/** The kinds of message recorded for each person. */
	private static Map<PersonId, List<OutboxKey.Kind>> byPerson(Set<OutboxKey> keys) {
		Map<PersonId, List<OutboxKey.Kind>> kinds = new HashMap<>();
		for (OutboxKey key : keys) {
			kinds.computeIfAbsent(key.person(), person -> new ArrayList<>()).add(key.kind());
		}
		return kinds;
	}

	private DispatchReport deliver(int recorded) {
		String token = this.instance + "/" + UUID.randomUUID();
		this.holding.add(token);
		Run run = new Run(token, this.contents.orderedStream().toList());
		try {
			if (this.laneCount <= 1) {
				deliverInTurn(run);
			}
			else {
				deliverInLanes(run);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.holding.remove(token);
			this.channels.endOfBatch();
		}
		return new DispatchReport(recorded, run.delivered.get(), run.logged.get());
	}

	/** Delivers batch after batch in this thread, one lane after the other. */
	private void deliverInTurn(Run run) {
		Set<UUID> seen = new HashSet<>();
		List<OutboxRow> batch;
		do {
			batch = this.outbox.deliverable(this.clock.instant(), this.lease, BATCH)
				.stream()
				.filter(row -> seen.add(row.id()))
				.toList();
			byLane(batch, run).values().forEach(rows -> deliverLane(rows, run));
		}
		while (!batch.isEmpty());
	}

	/**
	 * Delivers lane by lane: the rows of one lane (one Teams tenant, or email) in order,
	 * the lanes side by side, so that a tenant waiting for its share of Teams' limits
	 * holds up no other. Rows are fetched while the lanes work, whenever few are left
	 * waiting or a lane has run dry (the rows still waiting are fetched again and
	 * skipped, so a batch brings new rows even when the outbox lists one tenant's rows
	 * together). Every row is still claimed before it is sent and finished under the
	 * claim, whichever thread sends it.
	 */
	private void deliverInLanes(Run run) throws InterruptedException {
		Set<UUID> seen = new HashSet<>();
		DeliveryLanes lanes = new DeliveryLanes<OutboxRow>(this.laneWorkers, CLAIM_GROUP,
				rows -> deliverLane(rows, run));
		try {
			while (true) {
				int waiting = lanes.queued();
				if (waiting >= MAX_WAITING) {
					lanes.awaitRoom(MAX_WAITING);
					continue;
				}
				long mark = lanes.dried();
				List<OutboxRow> batch = this.outbox.deliverable(this.clock.instant(), this.lease, BATCH + waiting)
					.stream()
					.filter(row -> seen.add(row.id()))
					.toList();
				if (!batch.isEmpty()) {
					lanes.add(byLane(batch, run));
					lanes.awaitRoomOrDrySince(BATCH / 2, mark);
				}
				else if (lanes.idle()) {
					return;
				}
				else {
					lanes.awaitIdle();
				}
			}
		}
		catch (InterruptedException ex) {
			// the turns under way end by themselves; what waits stays in the outbox
			lanes.stop();
			throw ex;
		}
		catch (RuntimeException ex) {
			// the run ends only when no lane still sends under its claim
			lanes.stop();
			lanes.awaitIdle();
			throw ex;
		}
	}

	private Map<String, List<OutboxRow>> byLane(List<OutboxRow> batch, Run run) {
		Map<String, List<OutboxRow>> lanes = new LinkedHashMap<>();
		for (OutboxRow row : batch) {
			lanes.computeIfAbsent(lane(row, run), lane -> new ArrayList<>()).add(row);
		}
		return lanes;
	}

	/** The lane of a row: its first configured route's, e.g. TEAMS/{tenant}; else "". */
	private String lane(OutboxRow row, Run run) {
		Optional<Person> person = run.person(row.person(), this.directory);
		if (person.isEmpty()) {
			return "";
		}
		for (Channel channel : routeOrder(person.get(), row)) {
			Optional<MessageChannel> route = this.channels.configured(channel);
			if (route.isPresent() && route.get().canReach(person.get())) {
				// channels without lanes of their own share one, as before there were
				// lanes
				String lane = route.get().lane(person.get());
				return lane.isEmpty() ? "" : channel + "/" + lane;
			}
		}
		return "";
	}

	private void deliverLane(List<OutboxRow> rows, Run run) {
		for (int from = 0; from < rows.size(); from += CLAIM_GROUP) {
			List<OutboxRow> group = rows.subList(from, Math.min(rows.size(), from + CLAIM_GROUP));
			// Each claim carries its own moment: stamped with the run's start, a long
			// run's later claims would look abandoned the moment they are made.
			Set<UUID> mine = this.outbox.claimAll(group.stream().map(OutboxRow::id).toList(), run.token,
					this.clock.instant(), this.lease);
			List<Claimed> claimed = group.stream()
				.filter(row -> mine.contains(row.id()))
				.map(row -> claimed(row, run.sendOut(row.sendOut(), this.sendOuts), run))
				.toList();
			prepare(claimed);
			for (Claimed claim : claimed) {
				switch (deliver(claim, run)) {
					case DELIVERED -> run.delivered.incrementAndGet();
					case LOGGED -> run.logged.incrementAndGet();
					default -> {
					}
				}
			}
		}
	}

	private void renewClaims() {
		for (String token : this.holding) {
			try {
				this.outbox.renew(token, this.clock.instant());
			}
			catch (RuntimeException ex) {
				// The next renewal tries again; a lease is three renewals long.
				log.warn("Could not renew the outbox claims of {}: {}", token, ex.getMessage());
			}
		}
	}

	/** A claimed row with its message, if its send-out and person still exist. */
	private Claimed claimed(OutboxRow row, SendOut sendOut, Run run) {
		Optional<Person> person = run.person(row.person(), this.directory);
		if (sendOut == null || person.isEmpty() || !person.get().active()) {
			return new Claimed(row, null);
		}
		return new Claimed(row, new OutgoingMessage(row.key(), sendOut, person.get(), row.kind(), row.number(),
				(row.kind() == MessageKind.DIGEST) ? List.of() : parseMissing(row.payload()), null));
	}

	/**
	 * Lets each channel prepare the messages of a claimed group that go by it first.
	 * Preparing is a saving, not a condition: a channel delivers what it did not prepare.
	 */
	private void prepare(List<Claimed> claimed) {
		for (Channel channel : Channel.values()) {
			Optional<MessageChannel> route = this.channels.configured(channel);
			if (route.isEmpty()) {
				continue;
			}
			List<OutgoingMessage> first = claimed.stream()
				.filter(claim -> claim.message() != null
						&& routeOrder(claim.message().recipient(), claim.row()).get(0) == channel
						&& route.get().canReach(claim.message().recipient()))
				.map(Claimed::message)
				.toList();
			if (first.isEmpty()) {
				continue;
			}
			try {
				route.get().prepare(first);
			}
			catch (RuntimeException ex) {
				log.warn("The {} channel could not prepare {} message(s); they are delivered one by one: {}", channel,
						first.size(), ex.getMessage());
			}
		}
	}

	private Outcome deliver(Claimed claim, Run run) {
		String token = run.token;
		OutboxRow row = claim.row();
		OutgoingMessage message = claim.message();
		if (message == null) {
			finish(row, token, Status.CANCELLED, null, null, "send-out or person no longer exists");
			return Outcome.NONE;
		}
		SendOut sendOut = message.sendOut();
		Person person = message.recipient();
		if (row.kind() == MessageKind.REMINDER && hasSubmitted(sendOut.id(), row.person())) {
			finish(row, token, Status.CANCELLED, null, null, "answered before the reminder went out");
			return Outcome.NONE;
		}
		List<Channel> order = routeOrder(person, row);
		List<String> unreachable = new ArrayList<>();
		// Real channels first, whichever the person prefers: a stand-in only logs, so it
		// is the last resort, never a reason to skip a channel that can deliver.
		for (Channel channel : order) {
			Optional<MessageChannel> route = this.channels.configured(channel);
			if (route.isEmpty()) {
				continue;
			}
			if (!route.get().canReach(person) || !this.routes.isReachable(person.id(), channel)) {
				unreachable.add(channel + ": not reachable");
				continue;
			}
			Delivery delivery;
			try {
				// written only for a channel that sends it (a stand-in only logs it)
				message = run.written(message);
				delivery = send(route.get(), message);
			}
			catch (RuntimeException ex) {
				delivery = new Delivery.Failed(
						"content not written: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			if (delivery instanceof Delivery.Sent sent) {
				return finishSent(row, token, route.get(), message, sent) ? Outcome.DELIVERED : Outcome.NONE;
			}
			if (delivery instanceof Delivery.Logged logged) {
				return finish(row, token, Status.LOGGED, channel, logged.reference(), null) ? Outcome.LOGGED
						: Outcome.NONE;
			}
			if (delivery instanceof Delivery.Unreachable unreachableBy) {
				if (!unreachableBy.forNow()) {
					this.routes.markUnreachable(person.id(), channel, unreachableBy.reason());
				}
				unreachable.add(channel + ": " + unreachableBy.reason());
				continue;
			}
			Delivery.Failed failed = (Delivery.Failed) delivery;
			if (row.attempts() + 1 >= MAX_ATTEMPTS) {
				finish(row, token, Status.FAILED, channel, null, failed.reason());
			}
			else if (!this.outbox.retryLater(row.id(), token, failed.reason())) {
				lostClaim(row);
			}
			return Outcome.NONE;
		}
		for (Channel channel : order) {
			if (this.channels.configured(channel).isPresent()) {
				continue;
			}
			MessageChannel standIn = this.channels.standIn(channel);
			if (standIn.canReach(person) && this.routes.isReachable(person.id(), channel)) {
				Delivery delivery = send(standIn, message);
				String reference = (delivery instanceof Delivery.Logged logged) ? logged.reference()
						: Delivery.Logged.LOGGED_PREFIX + row.key().value();
				return finish(row, token, Status.LOGGED, channel, reference, "no " + channel + " channel configured")
						? Outcome.LOGGED : Outcome.NONE;
			}
			unreachable.add(channel + ": not reachable (and not configured)");
		}
		finish(row, token, Status.NO_ROUTE, null, null, String.join("; ", unreachable));
		log.warn("Send-out {}: no channel reaches person {}; the project leads are told", sendOut.id(),
				row.person().value());
		// a digest is not a request for answers: nobody needs telling it did not arrive
		if (row.kind() != MessageKind.NO_ROUTE && row.kind() != MessageKind.DIGEST) {
			Instant now = this.clock.instant();
			for (Person lead : members(Set.of(Network.PROJEKTLEDARE))) {
				this.outbox.enqueue(OutboxRow.pending(
						new OutboxKey(sendOut.id(), lead.id(), new OutboxKey.NoRouteNotice(row.person())),
						row.person().value().toString(), now, now));
			}
		}
		return Outcome.NONE;
	}

	private static Delivery send(MessageChannel channel, OutgoingMessage message) {
		try {
			return channel.deliver(message);
		}
		catch (RuntimeException ex) {
			return new Delivery.Failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * Marks a row sent together with the channel's own record of the message, in one
	 * transaction: one write to disk, and a crash keeps both or neither (the message is
	 * then sent again under the same key). The channel's record is kept even if the row
	 * was taken over: the message did go out.
	 */
	private boolean finishSent(OutboxRow row, String token, MessageChannel route, OutgoingMessage message,
			Delivery.Sent sent) {
		Boolean finished = this.transactions.execute(status -> {
			boolean mine = this.outbox.finish(row.id(), token, Status.SENT, route.channel(), sent.reference(), null,
					this.clock.instant());
			route.accepted(message, sent);
			return mine;
		});
		if (Boolean.TRUE.equals(finished)) {
			return true;
		}
		lostClaim(row);
		return false;
	}

	private boolean finish(OutboxRow row, String token, Status status, Channel channel, String reference,
			String error) {
		if (this.outbox.finish(row.id(), token, status, channel, reference, error, this.clock.instant())) {
			return true;
		}
		lostClaim(row);
		return false;
	}

	private static void lostClaim(OutboxRow row) {
		// Another dispatcher took the row over (this one looked dead): its outcome
		// stands.
		log.warn("Outbox row {} ({}) was no longer this dispatcher's to finish; not counted", row.id(), row.kind());
	}

	private boolean hasSubmitted(SendOutId sendOut, PersonId person) {
		return this.responses.hasSubmitted(sendOut, person);
	}

	/**
	 * The route of one message: a digest goes by email, its card by Teams; a new link by
	 * email (the page that asked for it says so); everything else by the preferred
	 * channel first, then the other.
	 */
	static List<Channel> routeOrder(Person person, OutboxRow row) {
		if (row.kind() == MessageKind.NEW_LINK) {
			return List.of(Channel.EMAIL);
		}
		if (row.key().kind() instanceof OutboxKey.Digest digest) {
			// Teams is no route for the full digest: a member Teams reaches gets its card
			// by a row of its own, so the full digest there would be the card again.
			return (digest.teamsCard() || TEAMS_CARD.equals(row.payload())) ? List.of(Channel.TEAMS)
					: List.of(Channel.EMAIL);
		}
		return routeOrder(person);
	}

	/** The preferred channel first, then the other. */
	static List<Channel> routeOrder(Person person) {
		Channel preferred = person.preferredChannel().channel();
		return (preferred == Channel.TEAMS) ? List.of(Channel.TEAMS, Channel.EMAIL)
				: List.of(Channel.EMAIL, Channel.TEAMS);
	}

	private static List<PersonId> parseMissing(String payload) {
		if (payload == null || payload.isBlank()) {
			return List.of();
		}
		return Arrays.stream(payload.split(",")).map(id -> new PersonId(UUID.fromString(id))).toList();
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "unknown";
		}
		// short enough that the claim token (this and a run's UUID) fits claimed_by
		return host.substring(0, Math.min(host.length(), 50)) + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * One delivery run: its claim token, what it looked up and the content it wrote
	 * (shared by its lanes), and its counts.
	 */
	private static final class Run {

		private final String token;

		private final List<MessageContents> contents;

		/**
		 * One writer per source and run: messages of the run that say the same share it.
		 */
		private final Map<MessageContents, MessageContents.Writer> writers = new ConcurrentHashMap<>();

		private final Map<SendOutId, Optional<SendOut>> sendOuts = new ConcurrentHashMap<>();

		private final Map<PersonId, Optional<Person>> people = new ConcurrentHashMap<>();

		private final AtomicInteger delivered = new AtomicInteger();

		private final AtomicInteger logged = new AtomicInteger();

		Run(String token, List<MessageContents> contents) {
			this.token = token;
			this.contents = contents;
		}

		/**
		 * The message with its content, if a source writes its kind and it has none yet.
		 */
		OutgoingMessage written(OutgoingMessage message) {
			if (message.content() != null) {
				return message;
			}
			for (MessageContents source : this.contents) {
				if (source.writes(message.kind())) {
					MessageContents.Writer writer = this.writers.computeIfAbsent(source, MessageContents::writer);
					return message.withContent(writer.contentOf(message));
				}
			}
			return message;
		}

		SendOut sendOut(SendOutId id, SendOuts all) {
			return this.sendOuts.computeIfAbsent(id, all::find).orElse(null);
		}

		Optional<Person> person(PersonId id, Directory directory) {
			return this.people.computeIfAbsent(id, directory::person);
		}

	}

	/** A claimed row and its message ({@code null}: its send-out or person is gone). */
	private record Claimed(OutboxRow row, OutgoingMessage message) {
	}

	/** What became of one claimed row, for the run's report. */
	private enum Outcome {

		DELIVERED, LOGGED, NONE

	}

}
