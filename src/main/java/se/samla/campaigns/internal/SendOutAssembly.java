package se.samla.campaigns.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.WorkingCalendar;
import se.samla.campaigns.internal.SendOutDefinition.Recurrence;
import se.samla.shared.SendOutId;
import se.samla.shared.yaml.YamlProblems;
import se.samla.surveys.QuestionnaireId;

/**
 * The send-out rules that concern several keys of a file (what is required, a fixed or a
 * recurring send-out, a deadline after the opening), and the rounds of a recurring one.
 */
final class SendOutAssembly {

	/** In a recurring send-out's title, replaced by the round's year. */
	private static final String YEAR = "{year}";

	private final ZoneId zone;

	private final YamlProblems problems;

	SendOutAssembly(ZoneId zone, YamlProblems problems) {
		this.zone = zone;
		this.problems = problems;
	}

	/**
	 * @return the send-out, or the rounds of a recurring one; empty if the file has any
	 * problem
	 */
	List<SendOut> sendOuts(SendOutDefinition definition, String source) {
		Node root = definition.root();
		require(definition, "id", definition.id());
		require(definition, "title", definition.title());
		require(definition, "questionnaire", definition.questionnaire());
		require(definition, "audience", definition.audience());
		if (!definition.recurring()) {
			require(definition, "opens", definition.opens());
			require(definition, "deadline", definition.deadline());
		}
		else if (definition.opensNode() != null) {
			this.problems.add(definition.opensNode(),
					"a recurring send-out takes its opening and deadline from recurrence: remove opens and deadline");
		}
		else if (definition.title() != null && !definition.title().contains(YEAR)) {
			this.problems.add(definition.titleNode(),
					"the title of a recurring send-out must contain " + YEAR + " so that the rounds can be told apart");
		}
		SendOutId sendOutId = null;
		QuestionnaireId questionnaireId = null;
		try {
			sendOutId = (definition.id() != null) ? new SendOutId(definition.id()) : null;
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(definition.idNode(),
					"id '" + definition.id() + "' must be lower-case letters, digits and dashes");
		}
		try {
			questionnaireId = (definition.questionnaire() != null) ? new QuestionnaireId(definition.questionnaire())
					: null;
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(root,
					"questionnaire '" + definition.questionnaire() + "' is not a valid questionnaire id");
		}
		if (definition.opens() != null && definition.deadline() != null
				&& !definition.deadline().isAfter(definition.opens())) {
			this.problems.add(root, "the deadline must come after the opening time");
		}
		if (definition.audience() != null && definition.audience().isEmpty()) {
			this.problems.add(root, "the audience names nobody: give networks, organisations, roles or activityOwners");
		}
		if (!this.problems.isEmpty()) {
			return List.of();
		}
		SendOutRules rules = new SendOutRules(definition.reminders(), definition.quietHours(), definition.summerPause(),
				definition.escalation(), definition.digests());
		if (definition.recurrence() == null) {
			return List.of(new SendOut(sendOutId, definition.title(), questionnaireId, definition.audience(),
					definition.opens(), definition.deadline(), null, null, source, rules, null, definition.enabled()));
		}
		return rounds(definition, sendOutId, questionnaireId, rules, source);
	}

	private List<SendOut> rounds(SendOutDefinition definition, SendOutId id, QuestionnaireId questionnaire,
			SendOutRules rules, String source) {
		Recurrence recurrence = definition.recurrence();
		List<SendOut> rounds = new ArrayList<>();
		WorkingCalendar calendar = new WorkingCalendar(rules);
		SendOutId previous = null;
		for (int year = recurrence.fromYear(); year <= recurrence.toYear(); year++) {
			LocalDate openingDay = recurrence.openingDay(year, calendar);
			if (openingDay == null) {
				this.problems.add(recurrence.opensNode(), "recurrence.opens: " + year + "-" + recurrence.month() + "-"
						+ recurrence.day() + " does not exist");
				continue;
			}
			LocalTime openingTime = (recurrence.time() != null) ? recurrence.time() : rules.quietHours().from();
			Instant opens = ZonedDateTime.of(openingDay, openingTime, this.zone).toInstant();
			Instant deadline = ZonedDateTime
				.of(calendar.plusWorkingDays(openingDay, recurrence.deadlineAfterWorkingDays()),
						rules.quietHours().to(), this.zone)
				.toInstant();
			SendOutId roundId = new SendOutId(id.value() + "-" + year);
			rounds.add(new SendOut(roundId, definition.title().replace(YEAR, String.valueOf(year)), questionnaire,
					definition.audience(), opens, deadline, null, null, source, rules, previous, definition.enabled()));
			previous = roundId;
		}
		return this.problems.isEmpty() ? rounds : List.of();
	}

	/**
	 * Reports a missing key; a key that is written but wrong has been reported by what it
	 * is.
	 */
	private void require(SendOutDefinition definition, String key, Object value) {
		if (value == null && !definition.written().contains(key)) {
			this.problems.add(definition.root(), "missing '" + key + "'");
		}
	}

}
