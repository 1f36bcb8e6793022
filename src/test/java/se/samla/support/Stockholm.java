package se.samla.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.directory.OrganisationId;
import se.samla.shared.SendOutId;
import se.samla.surveys.QuestionnaireId;

/** Times as Swedish people write them, and the step-2 send-out the channel tests use. */
public final class Stockholm {

	public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	private Stockholm() {
	}

	public static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
	}

	/**
	 * Defines a step-2 send-out for one organisation's chiefs, open 1–18 December 2026
	 * with the default rules.
	 */
	public static SendOutId stepTwo(SendOuts sendOuts, String id, String title, String organisation) {
		return round(sendOuts, id, title, "steg2", organisation);
	}

	/**
	 * Defines a send-out of the questionnaire for one organisation's people, open 1–18
	 * December 2026 with the default rules.
	 */
	public static SendOutId round(SendOuts sendOuts, String id, String title, String questionnaire,
			String organisation) {
		SendOutId sendOut = new SendOutId(id);
		sendOuts.define(new SendOut(sendOut, title, new QuestionnaireId(questionnaire),
				new Audience(Set.of(), Set.of(new OrganisationId(organisation)), List.of(), false),
				at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test", SendOutRules.defaults(ZONE), null));
		return sendOut;
	}

}
