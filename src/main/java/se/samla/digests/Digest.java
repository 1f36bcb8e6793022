package se.samla.digests;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import se.samla.shared.SendOutId;

/**
 * One send-out's responses compiled for one audience, ready to render. Everything in it
 * is plain text: renderers escape it (HTML), neutralise it (spreadsheets) or show it as
 * plain text runs (Teams), so an answer is never markup or a formula.
 *
 * @param sendOut the send-out
 * @param title the send-out's title
 * @param questionnaireTitle the questionnaire's title
 * @param compiledAt when it was compiled
 * @param deadline the send-out's deadline
 * @param open whether the send-out still takes answers (a weekly digest) or not (final)
 * @param view with organisation only, or with organisation and person
 * @param rates response rates
 * @param notAnswered who has not submitted (only in the {@link View#PERSONS} view)
 * @param unreachable who no channel reaches (only in the {@link View#PERSONS} view)
 * @param questions per question, the answers grouped by organisation
 * @param colourTables for colour-rating questions, one occupation × organisation table
 * per period
 * @param changes what changed since the previous round of the same questionnaire
 * @param previousTitle the previous round's title, or {@code null} when there is none
 * @param themes free-text answers by development area
 * @param followUp for a questionnaire asked per plan activity: the activities' status
 * @param raw every answer, one row each
 */
public record Digest(SendOutId sendOut, String title, String questionnaireTitle, Instant compiledAt, Instant deadline,
		boolean open, View view, Rates rates, List<PersonLine> notAnswered, List<PersonLine> unreachable,
		List<QuestionSection> questions, List<ColourTable> colourTables, List<Change> changes, String previousTitle,
		List<Theme> themes, FollowUp followUp, List<RawRow> raw) {

	public Digest {
		notAnswered = List.copyOf(notAnswered);
		unreachable = List.copyOf(unreachable);
		questions = List.copyOf(questions);
		colourTables = List.copyOf(colourTables);
		changes = List.copyOf(changes);
		themes = List.copyOf(themes);
		raw = List.copyOf(raw);
	}

	/** How much of the people behind the answers a digest shows. */
	public enum View {

		/**
		 * Answers with the organisation only: what the networks get (the default). Names
		 * of the directory's people, email addresses and phone numbers in what people
		 * wrote are masked ({@code [namn]}, {@code [e-post]}, {@code [telefon]}).
		 */
		ORGANISATIONS,

		/**
		 * Answers with organisation and person, and who is missing: what the project
		 * leads get.
		 */
		PERSONS

	}

	/** Response rates overall, per organisation and per network. */
	public record Rates(Rate overall, List<NamedRate> organisations, List<NamedRate> networks) {

		public Rates {
			organisations = List.copyOf(organisations);
			networks = List.copyOf(networks);
		}

	}

	/** How many of those asked have submitted. */
	public record Rate(int answered, int asked) {

		/** The share in whole percent, rounded down; 0 when nobody was asked. */
		public int percent() {
			return (this.asked == 0) ? 0 : (int) (100L * this.answered / this.asked);
		}

	}

	public record NamedRate(String name, Rate rate) {
	}

	/** A person in a list of who is missing, with why when it is known. */
	public record PersonLine(String name, String organisation, String email, String reason) {
	}

	/**
	 * One question with its answers, grouped by organisation in the directory's order.
	 */
	public record QuestionSection(String questionId, int number, String text, List<OrganisationAnswers> organisations) {

		public QuestionSection {
			organisations = List.copyOf(organisations);
		}

		public int answerCount() {
			return this.organisations.stream().mapToInt(organisation -> organisation.answers().size()).sum();
		}

	}

	public record OrganisationAnswers(String organisation, List<AnswerLine> answers) {

		public OrganisationAnswers {
			answers = List.copyOf(answers);
		}

	}

	/**
	 * One answer as text.
	 *
	 * @param person who answered, or {@code null} in the organisations view
	 * @param item the plan activity the answer is about, or {@code null}
	 * @param text the answer as text
	 * @param areas the development areas the text mentions (free text only)
	 */
	public record AnswerLine(String person, String item, String text, List<String> areas) {

		public AnswerLine {
			areas = List.copyOf(areas);
		}

	}

	/**
	 * A colour rating for one period: occupations down, organisations across, a level in
	 * every cell that has one.
	 *
	 * @param questionId the matrix question
	 * @param question its text
	 * @param period the period's label, e.g. "Nu", "Om 1 år"
	 * @param rows the occupations, in the questionnaire's order
	 * @param columns the organisations that rated, in the directory's order
	 * @param cells occupation to organisation to level
	 * @param counts how many cells have each level, in the scale's order
	 */
	public record ColourTable(String questionId, String question, String period, List<String> rows,
			List<String> columns, Map<String, Map<String, Level>> cells, List<LevelCount> counts) {

		public ColourTable {
			rows = List.copyOf(rows);
			columns = List.copyOf(columns);
			cells = Map.copyOf(cells);
			counts = List.copyOf(counts);
		}

		public Level cell(String row, String column) {
			Map<String, Level> byColumn = this.cells.get(row);
			return (byColumn != null) ? byColumn.get(column) : null;
		}

	}

	/** A level of a colour scale as shown: its name and colour. */
	public record Level(String id, String label, String colour) {
	}

	public record LevelCount(Level level, int count) {
	}

	/**
	 * Something that moved since the previous round, e.g. an occupation that moved to
	 * Brist, an activity that moved to Genomfört.
	 *
	 * @param subject the occupation or plan activity
	 * @param organisation the organisation (or the owner's)
	 * @param period the period, for a colour rating, else {@code null}
	 * @param from the earlier answer
	 * @param to the answer now
	 */
	public record Change(String subject, String organisation, String period, String from, String to) {
	}

	/** A development area and the free-text answers that mention it. */
	public record Theme(String area, int count, List<Quote> quotes) {

		public Theme {
			quotes = List.copyOf(quotes);
		}

	}

	public record Quote(String organisation, String text) {
	}

	/**
	 * The yearly follow-up: each plan activity's status, who has not reported, and each
	 * activity's status year by year.
	 *
	 * @param activities each activity and owner, with this round's status
	 * @param notReported who has not reported
	 * @param history per activity and owner, the status of each year followed up, this
	 * round's included; empty when not known
	 */
	public record FollowUp(List<ActivityRow> activities, List<PersonLine> notReported, List<ActivityHistory> history) {

		public FollowUp {
			activities = List.copyOf(activities);
			notReported = List.copyOf(notReported);
			history = List.copyOf(history);
		}

		public FollowUp(List<ActivityRow> activities, List<PersonLine> notReported) {
			this(activities, notReported, List.of());
		}

	}

	/**
	 * A plan activity's status year by year.
	 *
	 * @param activity the activity as listed, e.g. "A1 Introduktionsprogram"
	 * @param organisation the owner's organisation
	 * @param years the years with a status, oldest first
	 */
	public record ActivityHistory(String activity, String organisation, List<YearStatus> years) {

		public ActivityHistory {
			years = List.copyOf(years);
		}

	}

	/**
	 * An activity's status in one year.
	 *
	 * @param year the year of the round
	 * @param status the status as the option's label, without comment, e.g. "Pågående"
	 * @param option the option's place in the question (0 for the first), for its colour;
	 * -1 when unknown
	 */
	public record YearStatus(int year, String status, int option) {
	}

	public record ActivityRow(String id, String activity, String area, String owner, String organisation, String status,
			String effect, String nextStep) {
	}

	/**
	 * One answer, flat, for the raw-data sheet.
	 *
	 * @param organisation the respondent's organisation
	 * @param person the respondent, or {@code null} in the organisations view
	 * @param number the question's number
	 * @param questionId the question's id
	 * @param question the question's text
	 * @param item the plan activity, or {@code null}
	 * @param answer the answer as text
	 * @param channel where it came from (Teams, email, operator)
	 * @param submitted whether the response is submitted
	 */
	public record RawRow(String organisation, String person, int number, String questionId, String question,
			String item, String answer, String channel, boolean submitted) {
	}

}
