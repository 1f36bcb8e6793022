package se.samla.digests.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.samla.answers.ResponseId;
import se.samla.answers.ResponseState;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOut;
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

	public Digest compile(SendOut sendOut, Questionnaire questionnaire, List<Person> recipients,
			List<ResponseState> responses, List<Organisation> organisations, Map<PersonId, Person> people,
			Map<PersonId, String> unreachable, Map<PersonId, String> reasons,
			Map<ResponseId, Map<StepKey, String>> answerChannels, SendOut previous,
			List<ResponseState> previousResponses, List<PlanActivity> activities, List<Network> networks, View view,
			Language language, Instant now) {
		return DigestCompiler.compile(new DigestSource(sendOut, questionnaire, recipients, responses, organisations,
				people, unreachable, reasons, answerChannels, previous, previousResponses, activities, networks,
				this.themes, view, language, now));
	}

	/**
	 * The email's HTML body: a bounded selection, with counts of the rest and the
	 * workbook named for them ({@code samla.digests.email.*}).
	 */
	public String html(Digest digest, DigestTexts texts) {
		return HtmlDigest.toString(digest, texts, this.email);
	}

	/** The email's plain-text body, bounded as the HTML is. */
	public String text(Digest digest, DigestTexts texts) {
		return TextDigest.toString(digest, texts, this.email);
	}

	/** The whole digest as HTML, every answer, for a file: written as it goes. */
	public void fullHtml(Digest digest, DigestTexts texts, Writer out) throws IOException {
		HtmlDigest.write(digest, texts, out);
		out.flush();
	}

	public void xlsx(Digest digest, DigestTexts texts, OutputStream out) throws IOException {
		XlsxDigest.write(digest, texts, out);
	}

	public void csv(Digest digest, DigestTexts texts, Writer out) throws IOException {
		CsvDigest.write(digest, texts, out);
	}

}
