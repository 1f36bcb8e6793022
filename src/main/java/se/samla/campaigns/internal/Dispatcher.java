package se.samla.campaigns.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.CampaignProperties;
import se.samla.campaigns.Delivery;
import se.samla.campaigns.DispatchReport;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.OutgoingMessage;
import se.samla.campaigns.PlannedMessage;
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
 * (invitations, the one latest due reminder for each person who has not submitted,
 * escalations), then delivers what the outbox holds, choosing each person's route.
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

	private static final int MAX_ATTEMPTS = 5;

	/**
	 * Payload of a digest row that is the short Teams card (the full digest goes by
	 * email).
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

	private final Duration lease;

	private final String instance;

	Dispatcher(SendOuts sendOuts, OutboxRecords outbox, ChannelRegistry channels, ContactRouteRecords routes,
			ResponseManagement responses, Directory directory, Clock clock, CampaignProperties properties) {
		this.sendOuts = sendOuts;
		this.outbox = outbox;
		this.channels = channels;
		this.routes = routes;
		this.responses = responses;
		this.directory = directory;
		this.clock = clock;
		this.lease = properties.claimLease();
		this.instance = instanceName();
	}

	/** One run over every send-out: record what is due now, then deliver. */
	public DispatchReport run() {
		Instant now = this.clock.instant();
		int recorded = 0;
		for (SendOut sendOut : this.sendOuts.all()) {
			recorded += record(sendOut, now, false);
		}
		return new DispatchReport(recorded, deliver(now));
	}

	/**
	 * "Send now": records what is due for one send-out even outside sending hours, and
	 * delivers.
	 */
	public DispatchReport runNow(SendOutId id) {
		Instant now = this.clock.instant();
		SendOut sendOut = this.sendOuts.find(id).orElseThrow(() -> new UnknownSendOutException(id));
		return new DispatchReport(record(sendOut, now, true), deliver(now));
	}

	/**
	 * The messages a run at the given moment would record for a send-out, without
	 * recording them.
	 */
	public List<OutboxRow> preview(SendOut sendOut, Instant at) {
		List<OutboxRow> due = new ArrayList<>();
		collect(sendOut, at, false, true, due::add);
		return due;
	}

	int record(SendOut sendOut, Instant now, boolean ignoreSendingHours) {
		int[] recorded = { 0 };
		collect(sendOut, now, ignoreSendingHours, false, row -> {
			if (this.outbox.enqueue(row)) {
				recorded[0]++;
			}
		});
		if (recorded[0] > 0) {
			log.info("Send-out {}: {} message(s) recorded for delivery", sendOut.id(), recorded[0]);
		}
		return recorded[0];
	}

	/**
	 * Finds what is due. A preview assumes the plan was followed until then: people not
	 * yet invited count as invited once their invitation's moment has passed.
	 */
	private void collect(SendOut sendOut, Instant now, boolean ignoreSendingHours, boolean preview,
			java.util.function.Consumer<OutboxRow> sink) {
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
		Set<String> existing = new HashSet<>();
		recorded.forEach(message -> existing.add(message.key()));
		Map<String, Set<String>> slugsByPerson = bySlug(existing);
		Map<PersonId, Recorded> previous = previousMessages(recorded);
		Map<LocalDate, Map<Integer, LocalDate>> spacedUntil = new HashMap<>();
		List<Person> recipients = this.sendOuts.recipients(sendOut);
		Set<PersonId> submitted = this.responses.submitted(sendOut.id());
		boolean open = !now.isAfter(sendOut.deadline());
		Optional<PlannedMessage> invitation = plan.stream()
			.filter(message -> message.kind() == MessageKind.INVITATION)
			.findFirst();
		for (Person person : recipients) {
			String invitationKey = key(sendOut.id(), person.id(), "invitation");
			Set<String> slugs = slugsByPerson.getOrDefault(person.id().value().toString(), Set.of());
			boolean invited = slugs.contains("invitation") || (preview
					&& invitation.map(message -> message.at().isBefore(calendar.sendingStart(calendar.dateOf(now))))
						.orElse(false));
			if (open && !invited && !submitted.contains(person.id())
					&& (ignoreSendingHours || invitation.map(message -> !message.at().isAfter(now)).orElse(false))) {
				sink.accept(OutboxRow.pending(invitationKey, sendOut.id(), person.id(), MessageKind.INVITATION, 0, null,
						invitation.map(PlannedMessage::at).orElse(now), now));
				continue;
			}
			if (open && invited && !submitted.contains(person.id())) {
				Set<Integer> sent = remindersRecorded(slugs);
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
				reminder.ifPresent(due -> sink.accept(OutboxRow.pending(key(sendOut.id(), person.id(), due.slug()),
						sendOut.id(), person.id(), MessageKind.REMINDER, due.number(), null, due.at(), now)));
			}
		}
		escalate(sendOut, plan, now, existing, recipients, submitted, sink);
		digests(sendOut, plan, now, slugsByPerson, sink);
	}

	/**
	 * The latest due digest for each member of the networks that receive them, once: by
	 * email (the full digest) and, for members with a Teams identity, a short card in
	 * Teams too. A digest missed during a stop is not sent late if a newer one is due.
	 */
	private void digests(SendOut sendOut, List<PlannedMessage> plan, Instant now,
			Map<String, Set<String>> slugsByPerson, java.util.function.Consumer<OutboxRow> sink) {
		Optional<PlannedMessage> due = SendOutPlanner.latestDue(plan, MessageKind.DIGEST, now);
		if (due.isEmpty() || sendOut.rules().digests().to().isEmpty()) {
			return;
		}
		int number = due.get().number();
		for (Person member : members(sendOut.rules().digests().to())) {
			Set<String> slugs = slugsByPerson.getOrDefault(member.id().value().toString(), Set.of());
			boolean newer = slugs.stream()
				.filter(slug -> slug.startsWith("digest-"))
				.map(slug -> slug.substring("digest-".length()).split("-")[0])
				.anyMatch(sent -> Integer.parseInt(sent) >= number);
			if (newer) {
				continue;
			}
			sink.accept(OutboxRow.pending(key(sendOut.id(), member.id(), "digest-" + number), sendOut.id(), member.id(),
					MessageKind.DIGEST, number, null, due.get().at(), now));
			if (member.teams() != null) {
				sink.accept(OutboxRow.pending(key(sendOut.id(), member.id(), "digest-" + number + "-card"),
						sendOut.id(), member.id(), MessageKind.DIGEST, number, TEAMS_CARD, due.get().at(), now));
			}
		}
	}

	private void escalate(SendOut sendOut, List<PlannedMessage> plan, Instant now, Set<String> existing,
			List<Person> recipients, Set<PersonId> submitted, java.util.function.Consumer<OutboxRow> sink) {
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
			String key = key(sendOut.id(), lead.id(), "escalation");
			if (!existing.contains(key)) {
				sink.accept(OutboxRow.pending(key, sendOut.id(), lead.id(), MessageKind.ESCALATION, 0, payload,
						escalation.get().at(), now));
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

	private static Set<Integer> remindersRecorded(Set<String> slugs) {
		return slugs.stream()
			.filter(slug -> slug.startsWith("reminder-"))
			.map(slug -> Integer.parseInt(slug.substring("reminder-".length())))
			.collect(Collectors.toSet());
	}

	/**
	 * The outbox keys of a send-out grouped by person: person id to the slugs recorded.
	 */
	private static Map<String, Set<String>> bySlug(Set<String> keys) {
		Map<String, Set<String>> slugs = new HashMap<>();
		for (String key : keys) {
			String[] parts = key.split("/", 3);
			if (parts.length == 3) {
				slugs.computeIfAbsent(parts[1], person -> new java.util.HashSet<>()).add(parts[2]);
			}
		}
		return slugs;
	}

	static String key(SendOutId sendOut, PersonId person, String slug) {
		return sendOut.value() + "/" + person.value() + "/" + slug;
	}

	private int deliver(Instant now) {
		int delivered = 0;
		Map<SendOutId, Optional<SendOut>> sendOutCache = new HashMap<>();
		List<OutboxRow> batch;
		Set<UUID> seen = new java.util.HashSet<>();
		do {
			batch = this.outbox.deliverable(now, this.lease, BATCH).stream().filter(row -> seen.add(row.id())).toList();
			for (OutboxRow row : batch) {
				if (!this.outbox.claim(row.id(), this.instance, now, this.lease)) {
					continue;
				}
				Optional<SendOut> sendOut = sendOutCache.computeIfAbsent(row.sendOut(), this.sendOuts::find);
				if (deliver(row, sendOut.orElse(null), now)) {
					delivered++;
				}
			}
		}
		while (!batch.isEmpty());
		this.channels.endOfBatch();
		return delivered;
	}

	private boolean deliver(OutboxRow row, SendOut sendOut, Instant now) {
		Optional<Person> person = this.directory.person(row.person());
		if (sendOut == null || person.isEmpty() || !person.get().active()) {
			this.outbox.finish(row.id(), Status.CANCELLED, null, "send-out or person no longer exists", now);
			return false;
		}
		if (row.kind() == MessageKind.REMINDER && hasSubmitted(sendOut.id(), row.person())) {
			this.outbox.finish(row.id(), Status.CANCELLED, null, "answered before the reminder went out", now);
			return false;
		}
		OutgoingMessage message = new OutgoingMessage(row.key(), sendOut, person.get(), row.kind(), row.number(),
				(row.kind() == MessageKind.DIGEST) ? List.of() : parseMissing(row.payload()));
		List<String> unreachable = new ArrayList<>();
		for (Channel channel : routeOrder(person.get(), row)) {
			var route = this.channels.get(channel);
			if (!route.canReach(person.get()) || !this.routes.isReachable(person.get().id(), channel)) {
				unreachable.add(channel + ": not reachable");
				continue;
			}
			Delivery delivery;
			try {
				delivery = route.deliver(message);
			}
			catch (RuntimeException ex) {
				delivery = new Delivery.Failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			if (delivery instanceof Delivery.Sent) {
				this.outbox.finish(row.id(), Status.SENT, channel, null, this.clock.instant());
				return true;
			}
			if (delivery instanceof Delivery.Unreachable unreachableBy) {
				this.routes.markUnreachable(person.get().id(), channel, unreachableBy.reason());
				unreachable.add(channel + ": " + unreachableBy.reason());
				continue;
			}
			Delivery.Failed failed = (Delivery.Failed) delivery;
			if (row.attempts() + 1 >= MAX_ATTEMPTS) {
				this.outbox.finish(row.id(), Status.FAILED, channel, failed.reason(), now);
			}
			else {
				this.outbox.retryLater(row.id(), failed.reason());
			}
			return false;
		}
		this.outbox.finish(row.id(), Status.NO_ROUTE, null, String.join("; ", unreachable), now);
		log.warn("Send-out {}: no channel reaches person {}; the project leads are told", sendOut.id(),
				row.person().value());
		// a digest is not a request for answers: nobody needs telling it did not arrive
		if (row.kind() != MessageKind.NO_ROUTE && row.kind() != MessageKind.DIGEST) {
			for (Person lead : members(Set.of(Network.PROJEKTLEDARE))) {
				this.outbox.enqueue(OutboxRow.pending(key(sendOut.id(), lead.id(), "no-route-" + row.person().value()),
						sendOut.id(), lead.id(), MessageKind.NO_ROUTE, 0, row.person().value().toString(), now, now));
			}
		}
		return false;
	}

	private boolean hasSubmitted(SendOutId sendOut, PersonId person) {
		return this.responses.hasSubmitted(sendOut, person);
	}

	/**
	 * The route of one message: a digest goes by email (its card by Teams only),
	 * everything else by the preferred channel first, then the other.
	 */
	static List<Channel> routeOrder(Person person, OutboxRow row) {
		if (row.kind() == MessageKind.DIGEST) {
			return TEAMS_CARD.equals(row.payload()) ? List.of(Channel.TEAMS) : List.of(Channel.EMAIL, Channel.TEAMS);
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
		catch (java.io.IOException ex) {
			host = "unknown";
		}
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
