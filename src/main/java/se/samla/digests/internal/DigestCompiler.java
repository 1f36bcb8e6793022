package se.samla.digests.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.samla.answers.ResponseState;
import se.samla.answers.StepKey;
import se.samla.answers.Step;
import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityHistory;
import se.samla.digests.Digest.ActivityRow;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.Change;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.FollowUp;
import se.samla.digests.Digest.Level;
import se.samla.digests.Digest.LevelCount;
import se.samla.digests.Digest.NamedRate;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.PersonLine;
import se.samla.digests.Digest.QuestionSection;
import se.samla.digests.Digest.Quote;
import se.samla.digests.Digest.Rate;
import se.samla.digests.Digest.Rates;
import se.samla.digests.Digest.RawRow;
import se.samla.digests.Digest.Theme;
import se.samla.digests.Digest.View;
import se.samla.digests.Digest.YearStatus;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;
import se.samla.shared.Language;
import se.samla.surveys.AnswerFormatter;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.Option;
import se.samla.surveys.Question;
import se.samla.surveys.QuestionType;
import se.samla.surveys.Questionnaire;

/**
 * Compiles a digest from what was read: a pure function, linear in the number of answers.
 * <p>
 * What counts: rates count submitted responses among those asked; the sections, colour
 * tables, themes, changes and follow-up show submitted responses only (what an
 * organisation has committed to), while the raw data of the persons view also lists
 * answers of responses still in progress, marked as such.
 * <p>
 * What people wrote is shown as written in the persons view, and through a
 * {@link FreeTextMask} (names, email addresses and phone numbers masked) in the views
 * without persons: every answer, comment, quote, change and follow-up text passes
 * {@link #shown} on its way into the digest, so that every renderer gets it masked. The
 * themes are found in the text as written, and the organisations view quotes the same
 * answers as the persons view, masked.
 */
final class DigestCompiler {

	private static final int QUOTES_PER_THEME = 3;

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private DigestCompiler() {
	}

	static Digest compile(DigestSource source) {
		Language language = source.language();
		Questionnaire questionnaire = source.questionnaire();
		boolean persons = source.view() == View.PERSONS;
		FreeTextMask mask = persons ? FreeTextMask.NONE
				: FreeTextMask.of(source.people().values(), source.organisations());
		Map<OrganisationId, Organisation> organisations = source.organisationsById();
		Set<PersonId> asked = new HashSet<>();
		source.recipients().forEach(person -> asked.add(person.id()));
		Map<PersonId, ResponseState> submitted = new LinkedHashMap<>();
		for (ResponseState response : source.responses()) {
			if (response.isSubmitted()) {
				submitted.put(response.person(), response);
			}
		}
		List<Respondent> ordered = inOrganisationOrder(submitted.values(), source, organisations);

		Rates rates = rates(source, organisations, submitted.keySet());
		List<PersonLine> notAnswered = new ArrayList<>();
		List<PersonLine> unreachable = new ArrayList<>();
		if (persons) {
			Set<PersonId> started = new HashSet<>();
			source.responses().forEach(response -> started.add(response.person()));
			for (Person person : source.recipients()) {
				if (source.unreachable().containsKey(person.id())) {
					unreachable.add(line(person, organisations, source.unreachable().get(person.id())));
				}
				if (!submitted.containsKey(person.id())) {
					notAnswered.add(line(person, organisations, source.reasons().get(person.id())));
				}
			}
		}

		List<QuestionSection> sections = new ArrayList<>();
		List<ColourTable> colours = new ArrayList<>();
		Map<String, Tagged> textsByArea = new LinkedHashMap<>();
		source.themes().areas().forEach(area -> textsByArea.put(area, new Tagged()));
		int number = 0;
		for (Question question : questionnaire.questions()) {
			number++;
			Map<String, List<AnswerLine>> byOrganisation = new LinkedHashMap<>();
			for (Respondent respondent : ordered) {
				Person person = respondent.person();
				String organisation = respondent.organisation();
				for (Step step : respondent.response().steps()) {
					if (!step.key().questionId().equals(question.id()) || step.answer() == null) {
						continue;
					}
					String shown = shown(question, step.answer(), language, mask);
					List<String> areas = List.of();
					if (question.type() == QuestionType.TEXT) {
						// each answer is scanned once, as written: its matches per area
						// are kept for picking the quotes
						String text = AnswerFormatter.format(question, step.answer(), language);
						Map<String, Integer> hits = source.themes().hits(text);
						areas = List.copyOf(hits.keySet());
						hits.forEach((area, count) -> textsByArea.computeIfAbsent(area, key -> new Tagged())
							.add(new Quote(organisation, text), shown, count));
					}
					byOrganisation.computeIfAbsent(organisation, key -> new ArrayList<>())
						.add(new AnswerLine(persons ? nameOf(person) : null, step.itemLabel(), shown, areas));
				}
			}
			List<OrganisationAnswers> answers = new ArrayList<>();
			byOrganisation.forEach((organisation, lines) -> answers.add(new OrganisationAnswers(organisation, lines)));
			sections.add(new QuestionSection(question.id(), number, question.text().in(language), answers));
			if (question.type() == QuestionType.MATRIX) {
				colours.addAll(colourTables(question, ordered, source, organisations, persons));
			}
		}

		List<Theme> themes = new ArrayList<>();
		textsByArea.forEach((area, tagged) -> {
			if (!tagged.quotes.isEmpty()) {
				themes.add(new Theme(area, tagged.quotes.size(),
						representative(source.themes(), area, tagged, mask != FreeTextMask.NONE)));
			}
		});
		themes.sort(Comparator.comparingInt(Theme::count).reversed());

		List<Change> changes = (source.previous() != null) ? changes(source, submitted, organisations, mask)
				: List.of();
		FollowUp followUp = (questionnaire.repeat() == Questionnaire.Repeat.PER_OWNED_ACTIVITY)
				? followUp(source, submitted, organisations, mask, persons) : null;
		List<RawRow> raw = raw(source, persons, organisations, mask);
		return new Digest(source.sendOut().id(), source.sendOut().title(), questionnaire.title().in(language),
				source.now(), source.sendOut().deadline(),
				source.sendOut().closedAt() == null && !source.now().isAfter(source.sendOut().deadline()),
				source.view(), rates, notAnswered, unreachable, sections, colours, changes,
				(source.previous() != null) ? source.previous().title() : null, themes, followUp, raw);
	}

	private static Rates rates(DigestSource source, Map<OrganisationId, Organisation> organisations,
			Set<PersonId> submitted) {
		int answered = 0;
		Map<OrganisationId, int[]> byOrganisation = new LinkedHashMap<>();
		organisations.keySet().forEach(id -> byOrganisation.put(id, new int[2]));
		Map<Network, int[]> byNetwork = new LinkedHashMap<>();
		source.networks().forEach(network -> byNetwork.put(network, new int[2]));
		for (Person person : source.recipients()) {
			boolean done = submitted.contains(person.id());
			answered += done ? 1 : 0;
			int[] organisation = byOrganisation.computeIfAbsent(person.organisation(), id -> new int[2]);
			organisation[1]++;
			organisation[0] += done ? 1 : 0;
			for (Network network : person.networks()) {
				int[] counts = byNetwork.get(network);
				if (counts != null) {
					counts[1]++;
					counts[0] += done ? 1 : 0;
				}
			}
		}
		List<NamedRate> perOrganisation = new ArrayList<>();
		byOrganisation.forEach((id, counts) -> {
			if (counts[1] > 0) {
				perOrganisation
					.add(new NamedRate((organisations.get(id) != null) ? organisations.get(id).name() : id.value(),
							new Rate(counts[0], counts[1])));
			}
		});
		List<NamedRate> perNetwork = new ArrayList<>();
		byNetwork.forEach((network, counts) -> {
			if (counts[1] > 0) {
				perNetwork.add(new NamedRate(network.displayName(), new Rate(counts[0], counts[1])));
			}
		});
		return new Rates(new Rate(answered, source.recipients().size()), perOrganisation, perNetwork);
	}

	/**
	 * One table per period: the occupations, and per response (an organisation, with the
	 * person in the persons view, numbered when the same twice) the level of each.
	 */
	private static List<ColourTable> colourTables(Question question, List<Respondent> responses, DigestSource source,
			Map<OrganisationId, Organisation> organisations, boolean persons) {
		Language language = source.language();
		List<String> rows = question.rows().stream().map(row -> row.label().in(language)).toList();
		List<String> columns = new ArrayList<>();
		List<AnswerValue.MatrixAnswer> answers = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Respondent respondent : responses) {
			for (Step step : respondent.response().steps()) {
				if (step.key().questionId().equals(question.id())
						&& step.answer() instanceof AnswerValue.MatrixAnswer matrix) {
					Person person = respondent.person();
					String organisation = respondent.organisation();
					// unique, or two responses would share a cell: two people of an
					// organisation, or (with many responses) two of the same name
					String base = persons ? organisation + " – " + nameOf(person) : organisation;
					int count = seen.merge(base, 1, Integer::sum);
					String column = (count > 1) ? base + " (" + count + ")" : base;
					while (count > 1 && seen.containsKey(column)) {
						column = base + " (" + (++count) + ")";
						seen.put(base, count);
					}
					if (count > 1) {
						seen.put(column, 1);
					}
					columns.add(column);
					answers.add(matrix);
				}
			}
		}
		List<ColourTable> tables = new ArrayList<>();
		for (Option period : question.periods()) {
			Map<String, Map<String, Level>> cells = new LinkedHashMap<>();
			Map<String, Integer> counts = new HashMap<>();
			for (Option row : question.rows()) {
				Map<String, Level> byColumn = new LinkedHashMap<>();
				for (int i = 0; i < answers.size(); i++) {
					String levelId = answers.get(i).ratings().getOrDefault(row.id(), Map.of()).get(period.id());
					if (levelId == null) {
						continue;
					}
					int column = i;
					question.scale().level(levelId).ifPresent(level -> {
						byColumn.put(columns.get(column),
								new Level(level.id(), level.label().in(language), level.colour()));
						counts.merge(level.id(), 1, Integer::sum);
					});
				}
				cells.put(row.label().in(language), byColumn);
			}
			List<LevelCount> levelCounts = question.scale()
				.levels()
				.stream()
				.map(level -> new LevelCount(new Level(level.id(), level.label().in(language), level.colour()),
						counts.getOrDefault(level.id(), 0)))
				.toList();
			tables.add(new ColourTable(question.id(), question.text().in(language), period.label().in(language), rows,
					columns, cells, levelCounts));
		}
		return tables;
	}

	/**
	 * What moved since the previous round, per respondent: a colour rating of an
	 * occupation for a period, or a choice (e.g. an activity's status).
	 */
	private static List<Change> changes(DigestSource source, Map<PersonId, ResponseState> submitted,
			Map<OrganisationId, Organisation> organisations, FreeTextMask mask) {
		Language language = source.language();
		Map<PersonId, ResponseState> before = new HashMap<>();
		source.previousResponses()
			.stream()
			.filter(ResponseState::isSubmitted)
			.forEach(response -> before.put(response.person(), response));
		List<Change> changes = new ArrayList<>();
		for (ResponseState now : submitted.values()) {
			ResponseState then = before.get(now.person());
			if (then == null) {
				continue;
			}
			String organisation = organisationName(source.people().get(now.person()), organisations);
			for (Step step : now.steps()) {
				Step earlier = then.step(step.key()).orElse(null);
				if (earlier == null || earlier.answer() == null || step.answer() == null
						|| step.answer().equals(earlier.answer())) {
					continue;
				}
				Question question = step.question();
				if (question.type() == QuestionType.MATRIX && step.answer() instanceof AnswerValue.MatrixAnswer after
						&& earlier.answer() instanceof AnswerValue.MatrixAnswer previous) {
					for (Option row : question.rows()) {
						for (Option period : question.periods()) {
							String from = previous.ratings().getOrDefault(row.id(), Map.of()).get(period.id());
							String to = after.ratings().getOrDefault(row.id(), Map.of()).get(period.id());
							if (from != null && to != null && !from.equals(to)) {
								changes
									.add(new Change(row.label().in(language), organisation, period.label().in(language),
											levelName(question, from, language), levelName(question, to, language)));
							}
						}
					}
				}
				else if (question.type() == QuestionType.SINGLE_CHOICE || question.type() == QuestionType.SCALE) {
					changes.add(new Change((step.itemLabel() != null) ? step.itemLabel() : question.text().in(language),
							organisation, null, shown(question, earlier.answer(), language, mask),
							shown(question, step.answer(), language, mask)));
				}
			}
		}
		return changes;
	}

	/**
	 * Each owned activity's status. The owners are people: their names, and the list of
	 * who has not reported, are in the persons view only; the views without persons show
	 * each activity by organisation, an unreported one without a status.
	 */
	private static FollowUp followUp(DigestSource source, Map<PersonId, ResponseState> submitted,
			Map<OrganisationId, Organisation> organisations, FreeTextMask mask, boolean persons) {
		Language language = source.language();
		List<ActivityRow> rows = new ArrayList<>();
		Set<PersonId> asked = new HashSet<>();
		source.recipients().forEach(person -> asked.add(person.id()));
		for (PlanActivity activity : source.activities()) {
			for (PersonId owner : activity.owners()) {
				if (!asked.contains(owner)) {
					continue;
				}
				Person person = source.people().get(owner);
				ResponseState response = submitted.get(owner);
				String status = null;
				String effect = null;
				String next = null;
				if (response != null) {
					for (Step step : response.steps()) {
						if (!activity.id().value().equals(step.key().itemId()) || step.answer() == null) {
							continue;
						}
						String text = shown(step.question(), step.answer(), language, mask);
						switch (step.question().id()) {
							case "status" -> status = text;
							case "effekt" -> effect = text;
							case "nasta-steg" -> next = text;
							default -> {
							}
						}
					}
				}
				rows.add(new ActivityRow(activity.id().value(), activity.title(), activity.developmentArea(),
						persons ? nameOf(person) : null, organisationName(person, organisations), status, effect,
						next));
			}
		}
		List<PersonLine> notReported = !persons ? List.of()
				: source.recipients()
					.stream()
					.filter(person -> !submitted.containsKey(person.id()))
					.map(person -> line(person, organisations, null))
					.toList();
		return new FollowUp(rows, notReported, history(source, submitted, organisations, asked));
	}

	/**
	 * Each activity's status year by year: this round's and the earlier rounds', a later
	 * round's status of a year taking the place of an earlier one's. A round counts for
	 * the year of its deadline.
	 */
	private static List<ActivityHistory> history(DigestSource source, Map<PersonId, ResponseState> submitted,
			Map<OrganisationId, Organisation> organisations, Set<PersonId> asked) {
		List<Map<PersonId, ResponseState>> rounds = new ArrayList<>();
		List<Integer> years = new ArrayList<>();
		for (int i = source.earlier().size() - 1; i >= 0; i--) {
			DigestCompilation.EarlierRound round = source.earlier().get(i);
			Map<PersonId, ResponseState> byPerson = new HashMap<>();
			round.responses()
				.stream()
				.filter(ResponseState::isSubmitted)
				.forEach(response -> byPerson.put(response.person(), response));
			rounds.add(byPerson);
			years.add(year(round.sendOut().deadline()));
		}
		rounds.add(submitted);
		years.add(year(source.sendOut().deadline()));
		List<ActivityHistory> history = new ArrayList<>();
		for (PlanActivity activity : source.activities()) {
			for (PersonId owner : activity.owners()) {
				if (!asked.contains(owner)) {
					continue;
				}
				Map<Integer, YearStatus> byYear = new TreeMap<>();
				for (int i = 0; i < rounds.size(); i++) {
					YearStatus status = status(rounds.get(i).get(owner), activity, years.get(i), source.language());
					if (status != null) {
						byYear.put(status.year(), status);
					}
				}
				history.add(new ActivityHistory(activity.id().value() + " " + activity.title(),
						organisationName(source.people().get(owner), organisations), List.copyOf(byYear.values())));
			}
		}
		return history;
	}

	/** The status an owner gave an activity in a response, or {@code null}. */
	private static YearStatus status(ResponseState response, PlanActivity activity, int year, Language language) {
		if (response == null) {
			return null;
		}
		for (Step step : response.steps()) {
			if (activity.id().value().equals(step.key().itemId()) && "status".equals(step.question().id())
					&& step.answer() instanceof AnswerValue.ChoiceAnswer choice) {
				Question question = step.question();
				int option = 0;
				for (Option candidate : question.options()) {
					if (candidate.id().equals(choice.id())) {
						return new YearStatus(year, candidate.label().in(language), option);
					}
					option++;
				}
				return new YearStatus(year, choice.id(), -1);
			}
		}
		return null;
	}

	/**
	 * The year of a deadline, in Sweden's time (a deadline on New Year's Eve is late).
	 */
	private static int year(Instant deadline) {
		return deadline.atZone(SWEDEN).getYear();
	}

	private static List<RawRow> raw(DigestSource source, boolean persons,
			Map<OrganisationId, Organisation> organisations, FreeTextMask mask) {
		Language language = source.language();
		Map<String, Integer> numbers = new HashMap<>();
		int number = 0;
		for (Question question : source.questionnaire().questions()) {
			numbers.put(question.id(), ++number);
		}
		List<RawRow> rows = new ArrayList<>();
		for (Respondent respondent : inOrganisationOrder(source.responses(), source, organisations)) {
			ResponseState response = respondent.response();
			if (!persons && !response.isSubmitted()) {
				continue;
			}
			Map<StepKey, String> channels = source.answerChannels().getOrDefault(response.id(), Map.of());
			Person person = respondent.person();
			String organisation = respondent.organisation();
			for (Step step : response.steps()) {
				if (step.answer() == null) {
					continue;
				}
				rows.add(new RawRow(organisation, persons ? nameOf(person) : null,
						numbers.getOrDefault(step.question().id(), 0), step.question().id(),
						step.question().text().in(language), step.itemLabel(),
						shown(step.question(), step.answer(), language, mask), channels.get(step.key()),
						response.isSubmitted()));
			}
		}
		return rows;
	}

	/**
	 * The responses by organisation (in the directory's order), then by name; each with
	 * its respondent, looked up once.
	 */
	private static List<Respondent> inOrganisationOrder(java.util.Collection<ResponseState> responses,
			DigestSource source, Map<OrganisationId, Organisation> organisations) {
		Map<OrganisationId, Integer> order = new HashMap<>();
		int index = 0;
		for (OrganisationId id : organisations.keySet()) {
			order.put(id, index++);
		}
		List<Respondent> sorted = new ArrayList<>(responses.size());
		for (ResponseState response : responses) {
			Person person = source.people().get(response.person());
			int rank = (person != null) ? order.getOrDefault(person.organisation(), Integer.MAX_VALUE)
					: Integer.MAX_VALUE;
			sorted.add(new Respondent(response, person, organisationName(person, organisations), rank, nameOf(person)));
		}
		sorted.sort(Comparator.comparingInt(Respondent::rank).thenComparing(Respondent::name));
		return sorted;
	}

	/**
	 * A response with its respondent, their organisation's name, the organisation's place
	 * in the directory and the respondent's name.
	 */
	private record Respondent(ResponseState response, Person person, String organisation, int rank, String name) {
	}

	/**
	 * The quotes of an area, chosen among the answers as written; when they are shown
	 * masked, each is quoted again from its masked answer (whole, so that shortening
	 * cannot leave half a name or number behind).
	 */
	private static List<Quote> representative(ThemeMatcher themes, String area, Tagged tagged, boolean masked) {
		List<String> texts = tagged.quotes.stream().map(Quote::text).toList();
		List<Quote> result = new ArrayList<>();
		for (ThemeMatcher.Excerpt excerpt : themes.quotes(area, texts, tagged.hits, QUOTES_PER_THEME)) {
			// the excerpt says which answer it quotes (also when shortened or multi-line)
			String chosen = masked ? themes.quote(area, tagged.shown.get(excerpt.index())) : excerpt.text();
			String organisation = tagged.quotes.get(excerpt.index()).organisation();
			result.add(new Quote(organisation, chosen));
		}
		return result;
	}

	/**
	 * The answers tagged with an area as written and as shown, with how often the area
	 * matched in each.
	 */
	private static final class Tagged {

		final List<Quote> quotes = new ArrayList<>();

		final List<String> shown = new ArrayList<>();

		int[] hits = new int[16];

		void add(Quote quote, String shown, int count) {
			if (this.quotes.size() == this.hits.length) {
				this.hits = Arrays.copyOf(this.hits, 2 * this.hits.length);
			}
			this.hits[this.quotes.size()] = count;
			this.quotes.add(quote);
			this.shown.add(shown);
		}

	}

	/**
	 * An answer as the digest shows it: as written in the persons view, with what its
	 * author wrote masked in the others.
	 */
	private static String shown(Question question, AnswerValue answer, Language language, FreeTextMask mask) {
		return AnswerFormatter.format(question, mask.mask(answer), language);
	}

	private static PersonLine line(Person person, Map<OrganisationId, Organisation> organisations, String reason) {
		return new PersonLine(person.name(), organisationName(person, organisations), person.email(), reason);
	}

	private static String organisationName(Person person, Map<OrganisationId, Organisation> organisations) {
		if (person == null) {
			return "?";
		}
		Organisation organisation = organisations.get(person.organisation());
		return (organisation != null) ? organisation.name() : person.organisation().value();
	}

	private static String nameOf(Person person) {
		return (person != null) ? person.name() : "?";
	}

	private static String levelName(Question question, String id, Language language) {
		return question.scale().level(id).map(level -> level.label().in(language)).orElse(id);
	}

}
