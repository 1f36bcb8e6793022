package se.samla.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.samla.answers.ResponseManagement;
import se.samla.campaigns.MessageChannel;
import se.samla.campaigns.MessageKind;
import se.samla.campaigns.PlannedMessage;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.ScheduledMessage;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutPlanner;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.WorkingCalendar;
import se.samla.campaigns.internal.OutboxRecords.Recorded;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.shared.Channel;

/**
 * The whole remaining schedule of a send-out: every message its plan will still send, per
 * person and day, with the channel the route choice would take, if nobody answers
 * meanwhile. Computed in one pass over the plan and the outbox, by the same rules as the
 * dispatcher (only the latest due reminder, spaced per person), instead of asking the
 * dispatcher day by day.
 */
@Component
public class ScheduleBuilder {

	private final SendOuts sendOuts;

	private final OutboxRecords outbox;

	private final ResponseManagement responses;

	private final Directory directory;

	private final ChannelRegistry channels;

	private final ContactRouteRecords routes;

	ScheduleBuilder(SendOuts sendOuts, OutboxRecords outbox, ResponseManagement responses, Directory directory,
			ChannelRegistry channels, ContactRouteRecords routes) {
		this.sendOuts = sendOuts;
		this.outbox = outbox;
		this.responses = responses;
		this.directory = directory;
		this.channels = channels;
		this.routes = routes;
	}

	/** What the send-out will still send from {@code now} on, in time order. */
	public List<ScheduledMessage> schedule(SendOut sendOut, Instant now) {
		if (!sendOut.enabled() || sendOut.closedAt() != null) {
			return List.of();
		}
		SendOutPlanner planner = SendOutPlanner.forSendOut(sendOut);
		WorkingCalendar calendar = planner.calendar();
		List<PlannedMessage> plan = planner.plan(sendOut);
		Instant next = calendar.nextSendingTime(now);
		Map<PersonId, List<Recorded>> recorded = new HashMap<>();
		for (Recorded message : this.outbox.recorded(sendOut.id())) {
			recorded.computeIfAbsent(message.person(), person -> new ArrayList<>()).add(message);
		}
		Set<PersonId> submitted = this.responses.submitted(sendOut.id());
		Routes route = new Routes(this.routes.unreachableRoutes());
		List<ScheduledMessage> schedule = new ArrayList<>();
		List<Person> recipients = this.sendOuts.recipients(sendOut);
		Reminders reminders = new Reminders(planner, plan, sendOut, next);
		boolean anyoneMissing = false;
		for (Person person : recipients) {
			if (submitted.contains(person.id())) {
				continue;
			}
			anyoneMissing = true;
			reminders.forPerson(person, recorded.getOrDefault(person.id(), List.of()), route, schedule);
		}
		if (anyoneMissing && sendOut.rules().escalation() != null) {
			Optional<PlannedMessage> escalation = plan.stream()
				.filter(message -> message.kind() == MessageKind.ESCALATION)
				.findFirst();
			for (Person lead : members(sendOut.rules().escalation().to())) {
				boolean sent = recorded.getOrDefault(lead.id(), List.of())
					.stream()
					.anyMatch(message -> message.kind() == MessageKind.ESCALATION);
				if (escalation.isPresent() && !sent) {
					schedule.add(new ScheduledMessage(lead.id(), lead.name(), MessageKind.ESCALATION, 0, false,
							later(escalation.get().at(), next), route.of(lead, false, false)));
				}
			}
		}
		digests(sendOut, plan, now, next, recorded, route, schedule);
		schedule.sort(Comparator.comparing(ScheduledMessage::at)
			.thenComparing(ScheduledMessage::kind)
			.thenComparingInt(ScheduledMessage::number)
			.thenComparing(ScheduledMessage::name)
			.thenComparing(ScheduledMessage::teamsCard));
		return schedule;
	}

	/**
	 * Each digest still to come, and the latest due one if a member has not had it: by
	 * email, and a card in Teams for members with a Teams identity.
	 */
	private void digests(SendOut sendOut, List<PlannedMessage> plan, Instant now, Instant next,
			Map<PersonId, List<Recorded>> recorded, Routes route, List<ScheduledMessage> schedule) {
		if (sendOut.rules().digests().to().isEmpty()) {
			return;
		}
		Optional<PlannedMessage> due = SendOutPlanner.latestDue(plan, MessageKind.DIGEST, now);
		List<PlannedMessage> digests = plan.stream()
			.filter(message -> message.kind() == MessageKind.DIGEST)
			.filter(message -> message.at().isAfter(now) || due.map(message::equals).orElse(false))
			.toList();
		for (Person member : members(sendOut.rules().digests().to())) {
			int had = recorded.getOrDefault(member.id(), List.of())
				.stream()
				.filter(message -> message.kind() == MessageKind.DIGEST)
				.mapToInt(Recorded::number)
				.max()
				.orElse(0);
			for (PlannedMessage digest : digests) {
				if (digest.number() <= had) {
					continue;
				}
				Instant at = later(digest.at(), next);
				schedule.add(new ScheduledMessage(member.id(), member.name(), MessageKind.DIGEST, digest.number(),
						false, at, route.of(member, true, false)));
				if (member.teams() != null) {
					schedule.add(new ScheduledMessage(member.id(), member.name(), MessageKind.DIGEST, digest.number(),
							true, at, route.of(member, true, true)));
				}
			}
		}
	}

	private List<Person> members(Set<Network> networks) {
		Set<Person> members = new LinkedHashSet<>();
		networks.forEach(network -> members.addAll(this.directory.members(network)));
		return List.copyOf(members);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * The invitation and reminders of each person, walking the working days once with the
	 * dispatcher's rules: on each day, the latest due reminder the person has not had, if
	 * the spacing after their previous message has passed.
	 */
	private static final class Reminders {

		private final SendOutPlanner planner;

		private final WorkingCalendar calendar;

		private final List<PlannedMessage> plan;

		private final List<PlannedMessage> reminders;

		private final ReminderRule rule;

		private final PlannedMessage invitation;

		private final Instant deadline;

		private final Instant next;

		private final List<LocalDate> days = new ArrayList<>();

		/** For each working day, the latest reminder due on it (null: none yet). */
		private final List<PlannedMessage> latestDue = new ArrayList<>();

		private final Map<String, Integer> spacings = new HashMap<>();

		private final Map<String, LocalDate> earliest = new HashMap<>();

		Reminders(SendOutPlanner planner, List<PlannedMessage> plan, SendOut sendOut, Instant next) {
			this.planner = planner;
			this.calendar = planner.calendar();
			this.plan = plan;
			this.reminders = plan.stream().filter(message -> message.kind() == MessageKind.REMINDER).toList();
			this.rule = sendOut.rules().reminders();
			this.invitation = plan.stream()
				.filter(message -> message.kind() == MessageKind.INVITATION)
				.findFirst()
				.orElseThrow();
			this.deadline = sendOut.deadline();
			this.next = next;
			LocalDate last = this.calendar.dateOf(this.deadline);
			int r = 0;
			PlannedMessage latest = null;
			for (LocalDate day = this.calendar.dateOf(next); !day.isAfter(last); day = day.plusDays(1)) {
				if (!this.calendar.isWorkingDay(day)) {
					continue;
				}
				while (r < this.reminders.size() && !this.calendar.dateOf(this.reminders.get(r).at()).isAfter(day)) {
					latest = this.reminders.get(r++);
				}
				this.days.add(day);
				this.latestDue.add(latest);
			}
		}

		void forPerson(Person person, List<Recorded> recorded, Routes route, List<ScheduledMessage> schedule) {
			Channel channel = route.of(person, false, false);
			MessageKind previousKind = null;
			int previousNumber = 0;
			LocalDate previousDay = null;
			int had = 0;
			for (Recorded message : recorded) {
				if (message.kind() == MessageKind.INVITATION && previousKind == null) {
					previousKind = MessageKind.INVITATION;
					previousDay = this.calendar.dateOf(message.at());
				}
				else if (message.kind() == MessageKind.REMINDER && message.number() > had) {
					had = message.number();
					previousKind = MessageKind.REMINDER;
					previousNumber = message.number();
					previousDay = this.calendar.dateOf(message.at());
				}
			}
			if (previousKind == null) {
				Instant at = later(this.invitation.at(), this.next);
				if (!at.isBefore(this.deadline)) {
					return;
				}
				schedule.add(new ScheduledMessage(person.id(), person.name(), MessageKind.INVITATION, 0, false, at,
						channel));
				previousKind = MessageKind.INVITATION;
				previousDay = this.calendar.dateOf(at);
			}
			for (int i = 0; i < this.days.size(); i++) {
				PlannedMessage due = this.latestDue.get(i);
				LocalDate day = this.days.get(i);
				if (due == null || due.number() <= had || day.isBefore(previousDay)) {
					continue;
				}
				int spacing = spacing(previousKind, previousNumber, due);
				if (day.isBefore(earliest(previousDay, spacing))) {
					continue;
				}
				Instant at = later(this.calendar.sendingStart(day), this.next);
				if (!at.isBefore(this.deadline)) {
					break;
				}
				schedule.add(new ScheduledMessage(person.id(), person.name(), MessageKind.REMINDER, due.number(), false,
						at, channel));
				had = due.number();
				previousKind = MessageKind.REMINDER;
				previousNumber = due.number();
				previousDay = day;
			}
		}

		private int spacing(MessageKind previousKind, int previousNumber, PlannedMessage due) {
			return this.spacings.computeIfAbsent(previousKind + "/" + previousNumber + "/" + due.number(),
					key -> this.planner.spacingBefore(this.plan, this.rule, previousKind, previousNumber, due));
		}

		private LocalDate earliest(LocalDate previous, int spacing) {
			return this.earliest.computeIfAbsent(previous + "/" + spacing,
					key -> this.calendar.plusWorkingDays(previous, spacing));
		}

	}

	/**
	 * The route choice, as the dispatcher makes it, with what is known of broken routes.
	 */
	private final class Routes {

		private final Map<PersonId, Set<Channel>> unreachable;

		Routes(Map<PersonId, Set<Channel>> unreachable) {
			this.unreachable = unreachable;
		}

		/**
		 * Real channels first, as the dispatcher tries them; a channel that is not
		 * configured only if nothing configured reaches the person (its stand-in logs the
		 * message).
		 */
		Channel of(Person person, boolean digest, boolean card) {
			List<Channel> order = card ? List.of(Channel.TEAMS)
					: digest ? List.of(Channel.EMAIL) : Dispatcher.routeOrder(person);
			for (boolean configured : new boolean[] { true, false }) {
				for (Channel channel : order) {
					Optional<MessageChannel> real = ScheduleBuilder.this.channels.configured(channel);
					if (real.isPresent() != configured) {
						continue;
					}
					MessageChannel route = real.orElseGet(() -> ScheduleBuilder.this.channels.standIn(channel));
					if (route.canReach(person)
							&& !this.unreachable.getOrDefault(person.id(), Set.of()).contains(channel)) {
						return channel;
					}
				}
			}
			return null;
		}

	}

}
