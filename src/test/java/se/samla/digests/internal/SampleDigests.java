package se.samla.digests.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import se.samla.digests.Digest;
import se.samla.digests.DigestTexts;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.Bundles;

/** Small digests built by hand for the renderers' tests, and the digest texts. */
final class SampleDigests {

	static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	static final Level SHORTAGE = new Level("brist", "Brist", "#C00000");

	static final Level BALANCE = new Level("balans", "Balans", "#70AD47");

	static final Level SURPLUS = new Level("overskott", "Överskott", "#ffc000");

	/**
	 * What respondents may type that a spreadsheet would otherwise run or a page show.
	 */
	static final List<String> INJECTIONS = List.of("=HYPERLINK(\"http://evil.example\",\"klicka\")", "+46 70 123", "-1",
			"@SUM(A1)", "<script>alert(1)</script>", "=1+1");

	private SampleDigests() {
	}

	static DigestTexts texts(Language language) {
		return new DigestTexts(Bundles.messages(), language, ZONE);
	}

	/**
	 * A digest with everything in it. The names are there in both views, as a compiler
	 * mistake would leave them: the organisations view must not show them all the same.
	 */
	static Digest digest(View view) {
		return digest(view, List.of(
				section(1, "q1", "Vilka yrken är svårast att rekrytera?",
						new OrganisationAnswers("Region Norr",
								List.of(new AnswerLine("Cecilia Carlsson", null, "Sjuksköterskor och barnmorskor",
										List.of("Rekrytering")))),
						new OrganisationAnswers(
								"Kommun Syd",
								List.of(new AnswerLine("David Dahl", null, "Undersköterskor", List.of())))),
				section(2, "q2", "Hur har aktiviteten gått?", new OrganisationAnswers("Region Norr", List
					.of(new AnswerLine("Cecilia Carlsson", "A1 Introduktionsprogram", "Genomförd", List.of()))))));
	}

	static Digest digest(View view, List<QuestionSection> questions) {
		List<RawRow> raw = new ArrayList<>();
		for (QuestionSection question : questions) {
			for (OrganisationAnswers organisation : question.organisations()) {
				for (AnswerLine answer : organisation.answers()) {
					raw.add(new RawRow(organisation.organisation(), answer.person(), question.number(),
							question.questionId(), question.text(), answer.item(), answer.text(), "Teams", true));
				}
			}
		}
		return new Digest(new SendOutId("steg2-2026"), "Kompetensbehov 2026", "Steg 2",
				Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-18T22:59:00Z"), true, view,
				new Rates(new Rate(3, 5),
						List.of(new NamedRate("Region Norr", new Rate(2, 3)),
								new NamedRate("Kommun Syd", new Rate(1, 2))),
						List.of(new NamedRate("Nätverk Vård", new Rate(3, 5)))),
				List.of(new PersonLine("Anna Andersson", "Kommun Syd", "anna.andersson@kommunsyd.example", null)),
				List.of(new PersonLine("Bo Berg", "Region Norr", null, "Ingen e-postadress")), questions,
				List.of(colours("Nu", SHORTAGE, BALANCE), colours("Om 1 år", BALANCE, SURPLUS)),
				List.of(new Change("Sjuksköterska", "Region Norr", "Nu", "Balans", "Brist")), "Kompetensbehov 2025",
				List.of(new Theme("Rekrytering", 2,
						List.of(new Quote("Region Norr", "Svårt att rekrytera sjuksköterskor"),
								new Quote("Kommun Syd", "Rekrytering tar lång tid")))),
				new FollowUp(
						List.of(new ActivityRow("A1", "Introduktionsprogram", "Rekrytering", "Eva Ek", "Region Norr",
								"Genomförd", "Fler stannar", "Utvärdera")),
						List.of(new PersonLine("Fredrik Fors", "Kommun Syd", "fredrik@kommunsyd.example", null))),
				raw);
	}

	static QuestionSection section(int number, String id, String text, OrganisationAnswers... organisations) {
		return new QuestionSection(id, number, text, List.of(organisations));
	}

	/** A question whose answers are the given texts, one organisation each. */
	static Digest digestWithAnswers(View view, List<String> answers) {
		List<OrganisationAnswers> organisations = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			organisations.add(new OrganisationAnswers("Organisation " + (i + 1),
					List.of(new AnswerLine("Person " + (i + 1), null, answers.get(i), List.of()))));
		}
		return digest(view, List.of(new QuestionSection("q1", 1, "Fritt svar", organisations)));
	}

	/**
	 * A digest whose colour table (one period) has the given number of responses, each
	 * rating two occupations: shortage and balance in turn for the first.
	 */
	static Digest digestWithColourResponses(int responses) {
		List<String> columns = new ArrayList<>(responses);
		Map<String, Level> nurses = new LinkedHashMap<>();
		Map<String, Level> assistants = new LinkedHashMap<>();
		for (int i = 0; i < responses; i++) {
			String column = respondent(i);
			columns.add(column);
			nurses.put(column, (i % 2 == 0) ? SHORTAGE : BALANCE);
			assistants.put(column, BALANCE);
		}
		ColourTable table = new ColourTable("c1", "Hur ser kompetensförsörjningen ut?", "Nu",
				List.of("Sjuksköterska", "Undersköterska"), columns,
				Map.of("Sjuksköterska", nurses, "Undersköterska", assistants),
				List.of(new LevelCount(SHORTAGE, (responses + 1) / 2),
						new LevelCount(BALANCE, responses + responses / 2)));
		Digest digest = digest(View.ORGANISATIONS, List.of());
		return new Digest(digest.sendOut(), digest.title(), digest.questionnaireTitle(), digest.compiledAt(),
				digest.deadline(), digest.open(), digest.view(), digest.rates(), List.of(), List.of(), List.of(),
				List.of(table), List.of(), null, List.of(), null, List.of());
	}

	/**
	 * The column of the {@code index}th response in {@link #digestWithColourResponses}.
	 */
	static String respondent(int index) {
		return "Kommun " + (index + 1);
	}

	private static ColourTable colours(String period, Level first, Level second) {
		Map<String, Map<String, Level>> cells = new LinkedHashMap<>();
		cells.put("Sjuksköterska", Map.of("Region Norr", first, "Kommun Syd", second));
		cells.put("Undersköterska", Map.of("Region Norr", second));
		int firstCount = 1;
		int secondCount = 2;
		return new ColourTable("c1", "Hur ser kompetensförsörjningen ut?", period,
				List.of("Sjuksköterska", "Undersköterska"), List.of("Region Norr", "Kommun Syd"), cells,
				List.of(new LevelCount(first, firstCount), new LevelCount(second, secondCount)));
	}

}
