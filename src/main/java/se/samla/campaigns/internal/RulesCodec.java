package se.samla.campaigns.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import se.samla.campaigns.DigestSchedule;
import se.samla.campaigns.Escalation;
import se.samla.campaigns.QuietHours;
import se.samla.campaigns.ReminderRule;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SummerPause;
import se.samla.directory.Network;

/** Stores a send-out's rules as one small JSON document. */
final class RulesCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RulesCodec() {
	}

	static String write(SendOutRules rules) {
		ObjectNode node = JSON.createObjectNode();
		ReminderRule reminders = rules.reminders();
		node.putObject("reminders")
			.put("firstAfterWorkingDays", reminders.firstAfterWorkingDays())
			.put("thenEveryWorkingDays", reminders.thenEveryWorkingDays())
			.put("maxReminders", reminders.maxReminders())
			.put("lastWorkingDayBeforeDeadline", reminders.lastWorkingDayBeforeDeadline());
		node.putObject("quietHours")
			.put("from", rules.quietHours().from().toString())
			.put("to", rules.quietHours().to().toString())
			.put("zone", rules.quietHours().zone().getId());
		if (rules.summerPause() != null) {
			node.putObject("summerPause")
				.put("fromWeek", rules.summerPause().fromWeek())
				.put("toWeek", rules.summerPause().toWeek());
		}
		if (rules.escalation() != null) {
			ObjectNode escalation = node.putObject("escalation")
				.put("afterWorkingDays", rules.escalation().afterWorkingDays());
			rules.escalation().to().stream().map(Network::name).sorted().forEach(escalation.putArray("to")::add);
		}
		ObjectNode digests = node.putObject("digests");
		if (rules.digests().weeklyOn() != null) {
			digests.put("weeklyOn", rules.digests().weeklyOn().name());
		}
		digests.put("afterDeadline", rules.digests().afterDeadline());
		rules.digests().to().stream().map(Network::name).sorted().forEach(digests.putArray("to")::add);
		rules.digests()
			.withPersons()
			.stream()
			.map(Network::name)
			.sorted()
			.forEach(digests.putArray("withPersons")::add);
		return JSON.writeValueAsString(node);
	}

	static SendOutRules read(String json, ZoneId fallbackZone) {
		if (json == null) {
			return SendOutRules.defaults(fallbackZone);
		}
		JsonNode node = JSON.readTree(json);
		JsonNode r = node.path("reminders");
		ReminderRule reminders = new ReminderRule(r.path("firstAfterWorkingDays").asInt(),
				r.path("thenEveryWorkingDays").asInt(), r.path("maxReminders").asInt(),
				r.path("lastWorkingDayBeforeDeadline").asBoolean());
		JsonNode q = node.path("quietHours");
		QuietHours quietHours = new QuietHours(LocalTime.parse(q.path("from").asString()),
				LocalTime.parse(q.path("to").asString()), ZoneId.of(q.path("zone").asString()));
		JsonNode p = node.path("summerPause");
		SummerPause pause = p.isMissingNode() ? null
				: new SummerPause(p.path("fromWeek").asInt(), p.path("toWeek").asInt());
		JsonNode e = node.path("escalation");
		Escalation escalation = e.isMissingNode() ? null
				: new Escalation(e.path("afterWorkingDays").asInt(), networks(e.path("to")));
		JsonNode d = node.path("digests");
		DigestSchedule digests = new DigestSchedule(
				d.hasNonNull("weeklyOn") ? DayOfWeek.valueOf(d.path("weeklyOn").asString()) : null,
				d.path("afterDeadline").asBoolean(), networks(d.path("to")), networks(d.path("withPersons")));
		return new SendOutRules(reminders, quietHours, pause, escalation, digests);
	}

	private static Set<Network> networks(JsonNode array) {
		Set<Network> networks = new LinkedHashSet<>();
		array.forEach(n -> networks.add(Network.valueOf(n.asString())));
		return networks;
	}

}
