package se.samla.digests.internal;

import se.samla.digests.Digest;
import se.samla.digests.Digest.ActivityRow;
import se.samla.digests.Digest.AnswerLine;
import se.samla.digests.Digest.Change;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.LevelCount;
import se.samla.digests.Digest.NamedRate;
import se.samla.digests.Digest.OrganisationAnswers;
import se.samla.digests.Digest.PersonLine;
import se.samla.digests.Digest.QuestionSection;
import se.samla.digests.Digest.Quote;
import se.samla.digests.Digest.Theme;
import se.samla.digests.DigestTexts;

/**
 * The digest as the plain-text part of the email: the same sections as the HTML, with the
 * colour tables as counts per level (the attachment has the tables), bounded as the HTML
 * is ({@link BodyLimits}).
 */
public final class TextDigest {

	private final StringBuilder out = new StringBuilder(32 * 1024);

	private final DigestTexts texts;

	private final BodyLimits limits;

	/** What has been written, in UTF-8 bytes. */
	private long bytes;

	private TextDigest(DigestTexts texts, BodyLimits limits) {
		this.texts = texts;
		this.limits = limits;
	}

	/** The whole digest, every answer. */
	public static String toString(Digest digest, DigestTexts texts) {
		return toString(digest, texts, BodyLimits.NONE);
	}

	/** The digest as an email body: a bounded selection. */
	static String toString(Digest digest, DigestTexts texts, BodyLimits limits) {
		return new TextDigest(texts, limits).document(digest);
	}

	private boolean room(int shown, int limit) {
		return this.limits.room(shown, limit, this.bytes);
	}

	private void more(String code, int rest) {
		if (rest > 0) {
			line("  " + this.texts.get(code, rest));
		}
	}

	private String document(Digest digest) {
		heading(this.texts.get("title", digest.title()), '=');
		line(this.texts.get("compiled", this.texts.dateTime(digest.compiledAt()), this.texts.date(digest.deadline())));
		line(digest.open() ? this.texts.get("open") : this.texts.get("final"));
		line(this.texts.get("view." + digest.view().name()));
		heading(this.texts.get("rates"), '-');
		Digest.Rate overall = digest.rates().overall();
		line(this.texts.get("rates.overall", overall.answered(), overall.asked(), overall.percent()));
		for (NamedRate rate : digest.rates().organisations()) {
			line("  " + rate.name() + ": " + rate.rate().answered() + "/" + rate.rate().asked() + " ("
					+ rate.rate().percent() + " %)");
		}
		for (NamedRate rate : digest.rates().networks()) {
			line("  " + rate.name() + ": " + rate.rate().answered() + "/" + rate.rate().asked() + " ("
					+ rate.rate().percent() + " %)");
		}
		people(this.texts.get("not-answered"), digest.notAnswered());
		people(this.texts.get("unreachable"), digest.unreachable());
		if (digest.followUp() != null) {
			heading(this.texts.get("follow-up"), '-');
			int shown = 0;
			for (ActivityRow row : digest.followUp().activities()) {
				if (!room(shown, this.limits.rowsPerList())) {
					break;
				}
				shown++;
				line(row.id() + " " + row.activity() + " (" + ((row.owner() != null) ? row.owner() + ", " : "")
						+ row.organisation() + "): " + ((row.status() != null) ? row.status() : "–"));
			}
			more("more.rows", digest.followUp().activities().size() - shown);
			people(this.texts.get("not-reported"), digest.followUp().notReported());
		}
		if (!digest.colourTables().isEmpty()) {
			heading(this.texts.get("colours"), '-');
			for (ColourTable table : digest.colourTables()) {
				StringBuilder counts = new StringBuilder();
				for (LevelCount count : table.counts()) {
					counts.append((counts.length() > 0) ? ", " : "")
						.append(count.level().label())
						.append(' ')
						.append(count.count());
				}
				line(this.texts.get("colours.period", table.question(), table.period()) + ": " + counts);
			}
		}
		if (digest.previousTitle() != null) {
			heading(this.texts.get("changes"), '-');
			line(this.texts.get("changes.since", digest.previousTitle()));
			if (digest.changes().isEmpty()) {
				line(this.texts.get("changes.none"));
			}
			int shown = 0;
			for (Change change : digest.changes()) {
				if (!room(shown, this.limits.rowsPerList())) {
					break;
				}
				shown++;
				line("  " + change.subject() + ", " + change.organisation()
						+ ((change.period() != null) ? ", " + change.period() : "") + ": " + change.from() + " → "
						+ change.to());
			}
			more("more.rows", digest.changes().size() - shown);
		}
		heading(this.texts.get("themes"), '-');
		if (digest.themes().isEmpty()) {
			line(this.texts.get("themes.none"));
		}
		for (Theme theme : digest.themes()) {
			line(theme.area() + ": " + this.texts.get("themes.count", theme.count()));
			for (Quote quote : theme.quotes()) {
				line("  ”" + oneLine(quote.text()) + "”"
						+ ((quote.organisation() != null) ? " – " + quote.organisation() : ""));
			}
		}
		heading(this.texts.get("questions"), '-');
		for (QuestionSection section : digest.questions()) {
			this.out.append('\n');
			line(section.number() + ". " + section.text());
			if (section.organisations().isEmpty()) {
				line("  " + this.texts.get("no-answers"));
			}
			int shown = 0;
			rows: for (OrganisationAnswers organisation : section.organisations()) {
				for (AnswerLine answer : organisation.answers()) {
					if (!room(shown, this.limits.answersPerQuestion())) {
						break rows;
					}
					shown++;
					StringBuilder who = new StringBuilder(organisation.organisation());
					if (answer.person() != null) {
						who.append(", ").append(answer.person());
					}
					if (answer.item() != null) {
						who.append(", ").append(answer.item());
					}
					line("  [" + who + "] " + this.limits.answer(answer.text()).replace("\n", "\n    "));
				}
			}
			more("more.answers", section.answerCount() - shown);
		}
		this.out.append('\n');
		line(this.texts.get("footer"));
		return this.out.toString();
	}

	private void people(String title, java.util.List<PersonLine> people) {
		if (people.isEmpty()) {
			return;
		}
		heading(title + " (" + people.size() + ")", '-');
		int shown = 0;
		for (PersonLine person : people) {
			if (!room(shown, this.limits.rowsPerList())) {
				break;
			}
			shown++;
			line("  " + person.name() + ", " + person.organisation()
					+ ((person.email() != null) ? " <" + person.email() + ">" : "")
					+ ((person.reason() != null) ? " – " + person.reason() : ""));
		}
		more("more.rows", people.size() - shown);
	}

	private void heading(String text, char underline) {
		this.out.append('\n');
		line(text);
		line(String.valueOf(underline).repeat(text.length()));
	}

	private void line(String text) {
		this.out.append(text).append('\n');
		this.bytes += BodyLimits.utf8Length(text, 0, text.length()) + 1;
	}

	private static String oneLine(String text) {
		return text.replace('\n', ' ');
	}

}
