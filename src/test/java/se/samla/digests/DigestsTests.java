package se.samla.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Stockholm.at;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.digests.Digest.Change;
import se.samla.digests.Digest.ColourTable;
import se.samla.digests.Digest.View;
import se.samla.directory.Directory;
import se.samla.directory.Network;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.Language;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue;
import se.samla.surveys.QuestionnaireId;

/**
 * The digest of the sample data, section by section: rates, who is missing (project leads
 * only), answers by organisation, colour tables, change since the previous round, themes,
 * the follow-up table, and answers that stay plain text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "samla.campaigns.location=src/test/resources/no-send-outs")
@Import(TestClockConfiguration.class)
class DigestsTests {

	@Autowired
	Digests digests;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Person karin;

	Person mats;

	Person cecilia;

	@BeforeEach
	void setUp() {
		this.karin = person("karin.lindqvist@example.org");
		this.mats = person("mats.oberg@example.org");
		this.cecilia = person("cecilia.holm@example.org");
	}

	@Test
	void ratesCountSubmittedResponsesOverallPerOrganisationAndPerNetwork() {
		SendOutId id = stepTwo("digest-rates");
		answerStepTwo(id, this.karin, true);
		answerStepTwo(id, this.mats, true);
		answerStepTwo(id, this.cecilia, false);
		Digest digest = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		int asked = this.directory.members(Network.SOCIALCHEFSNATVERKET).size()
				+ this.directory.members(Network.HR_CHEFSNATVERKET).size();
		assertThat(digest.rates().overall()).isEqualTo(new Digest.Rate(2, asked));
		assertThat(digest.rates().organisations()).filteredOn(rate -> rate.name().equals("Askersund"))
			.singleElement()
			.satisfies(rate -> assertThat(rate.rate()).isEqualTo(new Digest.Rate(1, 2)));
		assertThat(digest.rates().networks()).filteredOn(rate -> rate.name().equals("Socialchefsnätverket"))
			.singleElement()
			.satisfies(rate -> assertThat(rate.rate().answered()).isEqualTo(2));
	}

	@Test
	void networksSeeAnswersByOrganisationWithoutNamesAndProjectLeadsSeeWhoIsMissing() {
		SendOutId id = stepTwo("digest-vyer");
		answerStepTwo(id, this.karin, true);
		answerStepTwo(id, this.cecilia, false);
		Digest networks = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		RenderedDigest rendered = this.digests.render(networks, Language.SV);
		assertThat(networks.notAnswered()).isEmpty();
		assertThat(networks.questions().get(0).organisations()).singleElement()
			.satisfies(organisation -> assertThat(organisation.organisation()).isEqualTo("Askersund"))
			.satisfies(organisation -> assertThat(organisation.answers()).allMatch(line -> line.person() == null));
		for (String body : List.of(rendered.html(), rendered.text())) {
			assertThat(body).contains("Askersund").doesNotContain("Karin Lindqvist").doesNotContain("Cecilia Holm");
		}
		assertThat(networks.raw()).allMatch(row -> row.person() == null && row.submitted());

		Digest leads = this.digests.compile(id, View.PERSONS, Language.SV);
		assertThat(leads.notAnswered()).extracting(Digest.PersonLine::name).contains("Cecilia Holm", "Mats Öberg");
		assertThat(leads.notAnswered()).filteredOn(line -> line.name().equals("Cecilia Holm"))
			.singleElement()
			.satisfies(line -> assertThat(line.reason()).contains("har börjat svara men inte skickat in"));
		assertThat(leads.notAnswered()).allSatisfy(line -> assertThat(line.reason()).isNotBlank());
		assertThat(this.digests.render(leads, Language.SV).html()).contains("Karin Lindqvist");
		assertThat(leads.raw()).anyMatch(row -> "Cecilia Holm".equals(row.person()) && !row.submitted());
	}

	@Test
	void theRawDataNamesTheChannelEachAnswerCameBy() {
		SendOutId id = stepTwo("digest-kanal");
		answerStepTwo(id, this.karin, true);
		ResponseState byTeams = this.responses.startOrResume(id, this.mats.id(), Channel.TEAMS);
		assertThat(this.responses
			.answer(byTeams.id(), new StepKey("q1", null), new AnswerValue.TextAnswer("Svar i Teams."),
					Source.of(Channel.TEAMS, "activity-" + UUID.randomUUID()))
			.isAccepted()).isTrue();

		Digest leads = this.digests.compile(id, View.PERSONS, Language.SV);

		assertThat(leads.raw()).filteredOn(row -> "Karin Lindqvist".equals(row.person()))
			.isNotEmpty()
			.allMatch(row -> "E-post".equals(row.channel()));
		assertThat(leads.raw()).filteredOn(row -> "Mats Öberg".equals(row.person()))
			.singleElement()
			.satisfies(row -> assertThat(row.channel()).isEqualTo("Teams"));
		String csv = new String(this.digests.render(leads, Language.SV).csv(), StandardCharsets.UTF_8);
		assertThat(csv).contains(";E-post;").contains(";Teams;");
		assertThat(this.digests.compile(id, View.PERSONS, Language.EN).raw())
			.anyMatch(row -> "Email".equals(row.channel()));
	}

	@Test
	void answersAreGroupedByQuestionAndOrganisationInTheDirectorysOrder() {
		SendOutId id = stepTwo("digest-fragor");
		answerStepTwo(id, this.mats, true);
		answerStepTwo(id, this.karin, true);
		Digest digest = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		assertThat(digest.questions()).hasSize(5);
		assertThat(digest.questions().get(1).number()).isEqualTo(2);
		assertThat(digest.questions().get(1).organisations()).extracting(Digest.OrganisationAnswers::organisation)
			.containsExactly("Askersund", "Degerfors");
		assertThat(digest.questions().get(4).organisations()).isEmpty();
	}

	@Test
	void colourRatingsBecomeAnOccupationByOrganisationTablePerPeriodWithLevelNamesAndCounts() {
		SendOutId id = stepOne("digest-farg", at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0));
		rate(id, this.karin, "brist");
		rate(id, this.mats, "sarbart");
		Digest digest = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		assertThat(digest.colourTables()).extracting(ColourTable::period)
			.containsExactly("Nu", "Om 1 år", "Om 2 år", "Om 3 år");
		ColourTable now = digest.colourTables().get(0);
		assertThat(now.columns()).containsExactly("Askersund", "Degerfors");
		assertThat(now.cell("Sjuksköterska", "Askersund").label()).isEqualTo("Brist");
		assertThat(now.cell("Sjuksköterska", "Degerfors").label()).isEqualTo("Sårbart");
		assertThat(now.counts()).extracting(count -> count.level().label() + "=" + count.count())
			.containsExactly("Övertalighet=0", "Hållbart=0", "Sårbart=7", "Brist=7");
		String html = this.digests.render(digest, Language.SV).html();
		// the name is in the cell, on its colour: readable in black and white
		assertThat(html).contains("bgcolor=\"#ef4444\"").containsPattern("#ef4444[^>]*>Brist</td>");
	}

	@Test
	void showsWhatChangedSinceThePreviousRoundOfTheSameQuestionnaire() {
		SendOutId before = stepOne("digest-forra", at(2025, 11, 3, 8, 0), at(2025, 11, 28, 17, 0));
		this.clock.set(at(2025, 11, 10, 10, 0));
		rate(before, this.karin, "sarbart");
		SendOutId now = stepOne("digest-nu", at(2026, 11, 2, 8, 0), at(2026, 11, 27, 17, 0));
		this.clock.set(at(2026, 11, 10, 10, 0));
		rate(now, this.karin, "brist");
		Digest digest = this.digests.compile(now, View.ORGANISATIONS, Language.SV);
		assertThat(digest.previousTitle()).isEqualTo("Kartläggning steg 1 (digest-forra)");
		assertThat(digest.changes()).contains(new Change("Sjuksköterska", "Askersund", "Nu", "Sårbart", "Brist"));
		assertThat(this.digests.render(digest, Language.SV).html()).contains("Förändring sedan förra omgången");
	}

	@Test
	void freeTextAnswersAreTaggedWithTheDevelopmentAreasWithCountsAndQuotes() {
		SendOutId id = stepTwo("digest-teman");
		answerStepTwo(id, this.karin, true);
		answerStepTwo(id, this.mats, true);
		Digest digest = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		assertThat(digest.themes()).extracting(Digest.Theme::area).contains("Språk- och kulturkompetens");
		Digest.Theme language = digest.themes()
			.stream()
			.filter(theme -> theme.area().equals("Språk- och kulturkompetens"))
			.findFirst()
			.orElseThrow();
		assertThat(language.count()).isGreaterThanOrEqualTo(2);
		assertThat(language.quotes()).isNotEmpty().allMatch(quote -> quote.organisation() != null);
	}

	@Test
	void anAnswerWithMarkupOrAFormulaIsShownAsPlainText() throws Exception {
		SendOutId id = stepTwo("digest-injektion");
		ResponseState state = this.responses.startOrResume(id, this.karin.id(), Channel.EMAIL);
		answer(state, "q1", "<script>alert('x')</script> <b>fet</b>");
		answer(state, "q2", "=HYPERLINK(\"http://evil.example\",\"klicka\")");
		answer(state, "q3", "+2 tjänster mot i fjol");
		answer(state, "q4", "@SUM(A1:A9)");
		this.responses.submit(state.id(), Source.of(Channel.EMAIL, "<submit-" + UUID.randomUUID() + ">"));
		RenderedDigest rendered = this.digests.render(this.digests.compile(id, View.ORGANISATIONS, Language.SV),
				Language.SV);
		assertThat(rendered.html()).doesNotContain("<script>alert")
			.doesNotContain("<b>fet</b>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;fet&lt;/b&gt;")
			.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;klicka&quot;)");
		assertThat(rendered.text()).contains("<script>alert('x')</script>");
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(rendered.xlsx()))) {
			java.util.List<String> texts = new java.util.ArrayList<>();
			workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
				assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
				if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			})));
			assertThat(texts).contains("=HYPERLINK(\"http://evil.example\",\"klicka\")", "+2 tjänster mot i fjol",
					"@SUM(A1:A9)");
		}
		String csv = new String(rendered.csv(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("'=HYPERLINK").contains("'+2 tjänster mot i fjol").contains("'@SUM(A1:A9)");
	}

	@Test
	void aSignatureInAnAnswerReachesTheNetworksViewMaskedEverywhereAndTheLeadsViewAsWritten() throws Exception {
		SendOutId id = stepTwo("digest-maskering");
		String signature = "/Mats Mats Öberg Socialchef, Degerfors kommun";
		String contact = "mats.oberg@degerfors.se, 070-123 45 67";
		ResponseState state = this.responses.startOrResume(id, this.mats.id(), Channel.EMAIL);
		answer(state, "q1", "Bristen på sjuksköterskor växer i Degerfors.");
		answer(state, "q2", "Vi har språkombud och erbjuder svenska för vårdpersonal på arbetstid.\n\n" + signature
				+ "\n" + contact);
		answer(state, "q3", "Mer chefsutveckling, som i Karin Lindqvists förvaltning.");
		answer(state, "q4", "Gemensam marknadsföring av yrkena och språkutveckling i hela länet.");
		this.responses.submit(state.id(), Source.of(Channel.EMAIL, "<submit-" + UUID.randomUUID() + ">"));

		Digest networks = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		RenderedDigest shown = this.digests.render(networks, Language.SV);
		String masked = "/[namn] Socialchef, Degerfors kommun";
		for (String body : List.of(shown.html(), shown.text(), new String(shown.csv(), StandardCharsets.UTF_8),
				String.join("\n", workbookTexts(shown.xlsx())))) {
			assertThat(body).contains(masked)
				.contains("[e-post], [telefon]")
				.contains("[namn] förvaltning")
				.doesNotContain("Öberg")
				.doesNotContain("Lindqvist")
				.doesNotContain("mats.oberg@")
				.doesNotContain("070-123 45 67");
		}
		Digest.Theme language = theme(networks, "Språk- och kulturkompetens");
		assertThat(language.quotes()).anySatisfy(quote -> assertThat(quote.text()).contains(masked));

		Digest leads = this.digests.compile(id, View.PERSONS, Language.SV);
		RenderedDigest written = this.digests.render(leads, Language.SV);
		for (String body : List.of(written.html(), written.text(), new String(written.csv(), StandardCharsets.UTF_8),
				String.join("\n", workbookTexts(written.xlsx())))) {
			assertThat(body).contains(signature).contains(contact).contains("Karin Lindqvists förvaltning");
		}
		// the themes are found in what was written: masking changes no area, count or
		// choice of quote
		assertThat(networks.themes()).extracting(Digest.Theme::area, Digest.Theme::count)
			.containsExactlyElementsOf(
					leads.themes().stream().map(theme -> Tuple.tuple(theme.area(), theme.count())).toList());
		assertThat(language.quotes()).extracting(Digest.Quote::organisation)
			.containsExactlyElementsOf(theme(leads, "Språk- och kulturkompetens").quotes()
				.stream()
				.map(Digest.Quote::organisation)
				.toList());
	}

	@Test
	void theYearlyFollowUpListsEveryActivityWithStatusOwnerEffectAndNextStepAndWhoHasNotReported() {
		SendOutId id = followUp("digest-uppfoljning");
		karinReportsOnA3(id);
		Digest digest = this.digests.compile(id, View.PERSONS, Language.SV);
		assertThat(digest.followUp()).isNotNull();
		assertThat(digest.followUp().activities())
			.filteredOn(row -> row.id().equals("A3") && row.owner().equals("Karin Lindqvist"))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.status()).isEqualTo("Pågående");
				assertThat(row.effect()).isEqualTo("Fler praktikplatser i år.");
				assertThat(row.nextStep()).isEqualTo("Träff med YH i mars.");
			});
		assertThat(digest.followUp().notReported()).extracting(Digest.PersonLine::name)
			.contains("Anna Lind")
			.doesNotContain("Karin Lindqvist");
	}

	@Test
	void theYearlyFollowUpGivesEachActivitysStatusYearByYearFromTheEarlierRounds() {
		SendOutId first = followUp("digest-uppfoljning-2024", at(2024, 11, 1, 8, 0), at(2024, 11, 29, 17, 0));
		report(first, "ej-paborjat");
		SendOutId second = followUp("digest-uppfoljning-2025", at(2025, 11, 3, 8, 0), at(2025, 11, 28, 17, 0));
		report(second, "pagaende");
		Digest digest = this.digests.compile(second, View.ORGANISATIONS, Language.SV);
		assertThat(digest.followUp().history())
			.filteredOn(activity -> activity.activity().startsWith("A3 ") && activity.organisation()
				.equals(this.directory.organisation(this.karin.organisation()).orElseThrow().name()))
			.singleElement()
			.satisfies(activity -> assertThat(activity.years()).extracting(year -> year.year() + " " + year.status())
				.containsExactly("2024 Ej påbörjat", "2025 Pågående"));
		// and as a chart whose alt text says so
		assertThat(this.digests.render(digest, Language.SV).charts())
			.filteredOn(chart -> chart.id().equals("follow-up"))
			.singleElement()
			.satisfies(chart -> assertThat(chart.altText()).contains("2024 Ej påbörjat, 2025 Pågående"));
	}

	@Test
	void theYearlyFollowUpWithoutPersonsShowsEachActivityByOrganisationAndNamesNoOwner() throws IOException {
		SendOutId id = followUp("digest-uppfoljning-utan-namn");
		karinReportsOnA3(id);

		Digest digest = this.digests.compile(id, View.ORGANISATIONS, Language.SV);
		RenderedDigest rendered = this.digests.render(digest, Language.SV);

		assertThat(digest.followUp().activities()).isNotEmpty().allMatch(row -> row.owner() == null);
		assertThat(digest.followUp().activities()).filteredOn(row -> row.id().equals("A3"))
			.extracting(Digest.ActivityRow::organisation, Digest.ActivityRow::status)
			.containsExactlyInAnyOrder(Tuple.tuple("Askersund", "Pågående"), Tuple.tuple("Region Örebro län", null));
		assertThat(digest.followUp().notReported()).isEmpty();
		StringBuilder workbook = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(rendered.xlsx()))) {
			book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
				if (cell.getCellType() == CellType.STRING) {
					workbook.append(cell.getStringCellValue()).append('\n');
				}
			})));
		}
		for (String body : List.of(rendered.html(), rendered.text(), new String(rendered.csv(), StandardCharsets.UTF_8),
				workbook.toString())) {
			assertThat(body).contains("Askersund")
				.doesNotContain("Karin Lindqvist")
				.doesNotContain("Anna Lind")
				.doesNotContain("Ansvarig");
		}
	}

	private void karinReportsOnA3(SendOutId id) {
		ResponseState state = this.responses.startOrResume(id, this.karin.id(), Channel.EMAIL);
		answer(state, new StepKey("status", "A3"), new AnswerValue.ChoiceAnswer("pagaende"));
		answer(state, new StepKey("effekt", "A3"), new AnswerValue.TextAnswer("Fler praktikplatser i år."));
		answer(state, new StepKey("nasta-steg", "A3"), new AnswerValue.TextAnswer("Träff med YH i mars."));
		ResponseState after = this.responses.state(state.id());
		after.steps()
			.stream()
			.filter(step -> step.question().required() && !step.isAnswered())
			.forEach(step -> answer(after, step.key(), step.question().id().equals("status")
					? new AnswerValue.ChoiceAnswer("genomfort") : new AnswerValue.TextAnswer("Klart.")));
		this.responses.submit(state.id(), Source.of(Channel.EMAIL, "<submit-" + UUID.randomUUID() + ">"));
	}

	/** Karin reports every activity she owns with the status, and submits. */
	private void report(SendOutId id, String status) {
		ResponseState state = this.responses.startOrResume(id, this.karin.id(), Channel.EMAIL);
		state.steps()
			.stream()
			.filter(step -> step.question().required() && !step.isAnswered())
			.forEach(step -> answer(state, step.key(), step.question().id().equals("status")
					? new AnswerValue.ChoiceAnswer(status) : new AnswerValue.TextAnswer("Se planen.")));
		assertThat(this.responses.submit(state.id(), Source.of(Channel.EMAIL, "<submit-" + UUID.randomUUID() + ">"))
			.isAccepted()).isTrue();
	}

	// --- helpers

	private SendOutId stepTwo(String id) {
		this.clock.set(at(2026, 12, 2, 10, 0));
		SendOutId sendOut = new SendOutId(id);
		this.sendOuts.define(new SendOut(sendOut, "Kartläggning steg 2 (" + id + ")", new QuestionnaireId("steg2"),
				new Audience(Set.of(Network.SOCIALCHEFSNATVERKET, Network.HR_CHEFSNATVERKET), Set.of(), List.of(),
						false),
				at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0), null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		return sendOut;
	}

	private SendOutId stepOne(String id, Instant opens, Instant deadline) {
		this.clock.set(opens.plusSeconds(3600));
		SendOutId sendOut = new SendOutId(id);
		this.sendOuts.define(new SendOut(sendOut, "Kartläggning steg 1 (" + id + ")", new QuestionnaireId("steg1"),
				new Audience(Set.of(), Set.of(new OrganisationId("askersund"), new OrganisationId("degerfors")),
						List.of("Socialchef"), false),
				opens, deadline, null, null, "test", SendOutRules.defaults(Stockholm.ZONE), null));
		return sendOut;
	}

	private SendOutId followUp(String id) {
		return followUp(id, at(2026, 12, 1, 8, 0), at(2026, 12, 18, 17, 0));
	}

	private SendOutId followUp(String id, Instant opens, Instant deadline) {
		this.clock.set(opens.plus(java.time.Duration.ofDays(1)).plusSeconds(7200));
		SendOutId sendOut = new SendOutId(id);
		this.sendOuts.define(new SendOut(sendOut, "Uppföljning (" + id + ")", new QuestionnaireId("uppfoljning"),
				new Audience(Set.of(), Set.of(), List.of(), true), opens, deadline, null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		return sendOut;
	}

	private void answerStepTwo(SendOutId id, Person person, boolean submit) {
		ResponseState state = this.responses.startOrResume(id, person.id(), Channel.EMAIL);
		String organisation = this.directory.organisation(person.organisation()).orElseThrow().name();
		answer(state, "q1", "Bristen på sjuksköterskor växer i " + organisation + ".");
		answer(state, "q2", "Vi har språkombud och erbjuder svenska för vårdpersonal på arbetstid.");
		answer(state, "q3", "Mer chefsutveckling och stöd till nya enhetschefer.");
		answer(state, "q4", "Gemensam marknadsföring av yrkena och språkutveckling i hela länet.");
		if (submit) {
			this.responses.submit(state.id(), Source.of(Channel.EMAIL, "<submit-" + UUID.randomUUID() + ">"));
		}
	}

	private void rate(SendOutId id, Person person, String level) {
		ResponseState state = this.responses.startOrResume(id, person.id(), Channel.TEAMS);
		StepKey key = new StepKey("bedomning", null);
		var question = state.step(key).orElseThrow().question();
		Map<String, Map<String, String>> ratings = new java.util.LinkedHashMap<>();
		question.rows()
			.forEach(row -> ratings.put(row.id(), Map.of("nu", level, "ar1", level, "ar2", level, "ar3", level)));
		answer(state, key, new AnswerValue.MatrixAnswer(ratings, Map.of()));
		ResponseState after = this.responses.state(state.id());
		after.steps()
			.stream()
			.filter(step -> step.question().required() && !step.isAnswered())
			.forEach(step -> answer(after, step.key(), new AnswerValue.TextAnswer("Analys.")));
		this.responses.submit(state.id(), Source.of(Channel.TEAMS, "submit-" + UUID.randomUUID()));
	}

	private void answer(ResponseState state, String question, String text) {
		answer(state, new StepKey(question, null), new AnswerValue.TextAnswer(text));
	}

	private void answer(ResponseState state, StepKey key, AnswerValue value) {
		assertThat(
				this.responses.answer(state.id(), key, value, Source.of(Channel.EMAIL, "<" + UUID.randomUUID() + ">"))
					.isAccepted())
			.as("answer to %s accepted", key)
			.isTrue();
	}

	private static Digest.Theme theme(Digest digest, String area) {
		return digest.themes().stream().filter(theme -> theme.area().equals(area)).findFirst().orElseThrow();
	}

	/** Every text cell of every sheet of a workbook. */
	private static List<String> workbookTexts(byte[] xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			})));
		}
		return texts;
	}

	private Person person(String email) {
		return this.directory.personByEmail(email).orElseThrow();
	}

}
