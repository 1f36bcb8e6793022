package se.samla.digests.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseState;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOut;
import se.samla.digests.Chart;
import se.samla.digests.Digest;
import se.samla.digests.Digest.View;
import se.samla.digests.DigestProperties;
import se.samla.digests.DigestTexts;
import se.samla.directory.Network;
import se.samla.directory.Organisation;
import se.samla.directory.Person;
import se.samla.directory.PersonId;
import se.samla.directory.PlanActivity;
import se.samla.shared.Language;
import se.samla.surveys.Questionnaire;

/**
 * The digests module's workings behind {@link se.samla.digests.Digests}: the theme
 * matcher (its keyword file is read, and checked, at start-up), the compiler and the
 * renderers.
 */
@Component
public class DigestCompilation {

	private final ThemeMatcher themes;

	private final BodyLimits email;

	DigestCompilation(DigestProperties properties) {
		this.themes = ThemeMatcher.load(properties.themes());
		this.email = BodyLimits.of(properties.email());
	}

	/**
	 * Compiles a digest, with the earlier rounds (newest first): the previous one for the
	 * changes, and for a yearly follow-up the ones before for each activity's status year
	 * by year.
	 */
	public Digest compile(SendOut sendOut, Questionnaire questionnaire, List<Person> recipients,
			List<ResponseState> responses, List<Organisation> organisations, Map<PersonId, Person> people,
			Map<PersonId, String> unreachable, Map<PersonId, String> reasons,
			Map<ResponseId, Map<StepKey, String>> answerChannels, List<EarlierRound> earlier,
			List<PlanActivity> activities, List<Network> networks, View view, Language language, Instant now) {
		EarlierRound previous = earlier.isEmpty() ? null : earlier.get(0);
		return DigestCompiler.compile(new DigestSource(sendOut, questionnaire, recipients, responses, organisations,
				people, unreachable, reasons, answerChannels, (previous != null) ? previous.sendOut() : null,
				(previous != null) ? previous.responses() : List.of(), activities, networks, this.themes, view,
				language, now, earlier));
	}

	/**
	 * The digest's charts; none (and one warning in the log) when they cannot be drawn,
	 * e.g. on a machine without fonts.
	 */
	public List<Chart> charts(Digest digest, DigestTexts texts) {
		return DigestCharts.charts(digest, texts);
	}

	/**
	 * The email's HTML body: a bounded selection, with counts of the rest and the
	 * workbook named for them ({@code samla.digests.email.*}), and the charts, each as
	 * {@code <img src="cid:…">} by its {@link Chart#contentId()}.
	 */
	public String html(Digest digest, DigestTexts texts, List<Chart> charts) {
		return HtmlDigest.toString(digest, texts, this.email, charts);
	}

	/** The email's plain-text body, bounded as the HTML is. */
	public String text(Digest digest, DigestTexts texts) {
		return TextDigest.toString(digest, texts, this.email);
	}

	/**
	 * The whole digest as HTML, every answer, for a file: written as it goes; each chart
	 * shown from where {@code source} says (e.g. a PNG file beside it).
	 */
	public void fullHtml(Digest digest, DigestTexts texts, List<Chart> charts, Function<Chart, String> source,
			Writer out) throws IOException {
		HtmlDigest.write(digest, texts, BodyLimits.NONE, charts, source, out);
		out.flush();
	}

	/** The workbook: every answer, and the charts on a sheet of their own. */
	public void xlsx(Digest digest, DigestTexts texts, List<Chart> charts, OutputStream out) throws IOException {
		XlsxDigest.write(digest, texts, charts, out);
	}

	public void csv(Digest digest, DigestTexts texts, Writer out) throws IOException {
		CsvDigest.write(digest, texts, out);
	}

	/**
	 * A round before the one compiled, with its responses.
	 *
	 * @param sendOut the round
	 * @param responses its responses
	 */
	public record EarlierRound(SendOut sendOut, List<ResponseState> responses) {

		public EarlierRound {
			responses = List.copyOf(responses);
		}

	}

}
