package se.samla.digests.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseState;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOut;
import se.samla.digests.Digest.View;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;
import se.samla.shared.Language;
import se.samla.surveys.Questionnaire;

/**
 * Everything a digest is compiled from, read beforehand, so that compiling is a pure
 * function of it (and can be measured on its own).
 *
 * @param sendOut the send-out
 * @param questionnaire its questionnaire (current version)
 * @param recipients who was asked
 * @param responses every response started, with its answers
 * @param organisations the organisations, in the directory's order
 * @param people everyone who answered or was asked, by id
 * @param unreachable people no channel reaches, with why
 * @param reasons why each person who has not answered has not, in the reader's language
 * (only in the persons view)
 * @param answerChannels the channel of each recorded answer, by response and question,
 * named in the reader's language
 * @param previous the previous round of the same questionnaire, if any
 * @param previousResponses the previous round's responses
 * @param activities the plan activities
 * @param networks the networks to give rates for
 * @param themes the development-area matcher
 * @param view the view to compile
 * @param language the reader's language
 * @param now when it is compiled
 * @param earlier the earlier rounds, newest first (the previous one first): all of them
 * for a yearly follow-up, else at most the previous one
 */
record DigestSource(SendOut sendOut, Questionnaire questionnaire, List<Person> recipients,
		List<ResponseState> responses, List<Organisation> organisations, Map<PersonId, Person> people,
		Map<PersonId, String> unreachable, Map<PersonId, String> reasons,
		Map<ResponseId, Map<StepKey, String>> answerChannels, SendOut previous, List<ResponseState> previousResponses,
		List<PlanActivity> activities, List<Network> networks, ThemeMatcher themes, View view, Language language,
		Instant now, List<DigestCompilation.EarlierRound> earlier) {

	DigestSource {
		earlier = (earlier != null) ? List.copyOf(earlier) : List.of();
	}

	/** A source whose only earlier round is the previous one. */
	DigestSource(SendOut sendOut, Questionnaire questionnaire, List<Person> recipients, List<ResponseState> responses,
			List<Organisation> organisations, Map<PersonId, Person> people, Map<PersonId, String> unreachable,
			Map<PersonId, String> reasons, Map<ResponseId, Map<StepKey, String>> answerChannels, SendOut previous,
			List<ResponseState> previousResponses, List<PlanActivity> activities, List<Network> networks,
			ThemeMatcher themes, View view, Language language, Instant now) {
		this(sendOut, questionnaire, recipients, responses, organisations, people, unreachable, reasons, answerChannels,
				previous, previousResponses, activities, networks, themes, view, language, now, (previous != null)
						? List.of(new DigestCompilation.EarlierRound(previous, previousResponses)) : List.of());
	}

	Map<OrganisationId, Organisation> organisationsById() {
		Map<OrganisationId, Organisation> byId = new java.util.LinkedHashMap<>();
		this.organisations.forEach(organisation -> byId.put(organisation.id(), organisation));
		return byId;
	}

}
