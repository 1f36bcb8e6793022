package se.samla.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
import se.samla.campaigns.Audience;
import se.samla.campaigns.SendOut;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.SendOutRules;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.DirectoryImport;
import se.samla.directory.OrganisationId;
import se.samla.directory.Person;
import se.samla.email.MailReview;
import se.samla.email.internal.InboundProcessor;
import se.samla.email.internal.InboundStatus;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.Browser;
import se.samla.support.LeadSignIn;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue.TextAnswer;
import se.samla.surveys.QuestionnaireId;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.support.Mails.recipient;
import static se.samla.support.Mails.subject;

/**
 * A project lead's tools beside the live page, in a real browser, every page passing
 * axe-core at WCAG 2.1 AA: the whole plan of a send-out on Swedish working days with what
 * went out; its digests to download, compiled when asked (a workbook POI opens, with the
 * answers), and a clear page while nobody has answered; and the email review queue, where
 * a held email's content is shown as text and accepting it makes it the person's response
 * while discarding another records nothing, both with who decided.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations", "samla.email.enabled=true",
				"samla.email.from=samla@samla.example.org", "samla.email.domain=samla.example.org",
				"spring.mail.host=localhost" })
@Import(TestClockConfiguration.class)
class ProjectLeadsToolsTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
	}

	static Browser browser;

	private static final String LEAD = "anna.lind@example.org";

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryImport directoryImport;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	InboundProcessor processor;

	@Autowired
	MailReview review;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SendOutOperations operations;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		browser.close();
		mail.stop();
	}

	@BeforeEach
	void onlyThisTestsSendOut() throws Exception {
		this.jdbc.sql("UPDATE send_out SET closed_at = CURRENT_TIMESTAMP").update();
		this.clock.set(Stockholm.at(2026, 12, 1, 9, 0));
		LeadSignIn.signIn(browser, mail, url(""), LEAD);
	}

	@Test
	void theWholePlanShowsEachReminderOnItsWorkingDayWithWhatWentOutAndWhatIsStillToGo() throws Exception {
		Stockholm.stepTwo(this.sendOuts, "plan-hallsberg", "Kartläggning Hallsberg", "hallsberg");
		this.dispatcher.run();

		browser.open(url("/projektledning/utskick/plan-hallsberg"));
		browser.click("Hela planen: inbjudan, påminnelser, sammanställningar och sista svarsdag");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Planen för Kartläggning Hallsberg");
		// opened on Tuesday 1 December: five working days, then every three, and the last
		// working day before the deadline on Friday 18 December
		assertThat(row("Inbjudan")).contains("tisdag 1 december 2026 kl. 08:00").contains("Skickat");
		assertThat(cells(row("Inbjudan"))).endsWith("2", "0");
		assertThat(row("Påminnelse 1")).contains("tisdag 8 december 2026 kl. 08:00").contains("Planerat");
		assertThat(cells(row("Påminnelse 1"))).endsWith("0", "2");
		assertThat(row("Påminnelse 2")).contains("fredag 11 december 2026 kl. 08:00");
		assertThat(row("Påminnelse 3")).contains("onsdag 16 december 2026 kl. 08:00");
		assertThat(row("Påminnelse 4")).contains("torsdag 17 december 2026 kl. 08:00");
		assertThat(row("Lista över dem som inte har svarat")).contains("fredag 18 december 2026 kl. 08:00");
		assertThat(row("Sista svarsdag")).contains("fredag 18 december 2026 kl. 17:00").contains("Kommer");
		browser.assertAccessible("leads-plan");
		browser.assertReflowsAt320("leads-plan");

		browser.click("Planerade datum för alla utskick");
		assertThat(browser.text()).contains("Planerade datum för alla utskick")
			.contains("Kartläggning Hallsberg")
			.contains("torsdag 17 december 2026 kl. 08:00");
		browser.assertAccessible("leads-plans");
	}

	@Test
	void aStepSentBeforeItsPlannedTimeShowsAsSentNotPlanned() throws Exception {
		// opened on a Saturday: the plan puts the invitation on Monday's first working
		// hour, but "send now" sends it at once
		this.clock.set(Stockholm.at(2026, 12, 5, 10, 0));
		SendOutId sendOut = new SendOutId("plan-lekeberg");
		this.sendOuts.define(new SendOut(sendOut, "Kartläggning Lekeberg", new QuestionnaireId("steg2"),
				new Audience(Set.of(), Set.of(new OrganisationId("lekeberg")), List.of(), false),
				Stockholm.at(2026, 12, 5, 10, 0), Stockholm.at(2026, 12, 18, 17, 0), null, null, "test",
				SendOutRules.defaults(Stockholm.ZONE), null));
		this.operations.sendNow(sendOut);
		this.dispatcher.run();

		browser.open(url("/projektledning/utskick/plan-lekeberg/plan"));

		assertThat(row("Inbjudan")).contains("måndag 7 december 2026")
			.contains("Skickat lördag 5 december 2026 kl. 10:00")
			.doesNotContain("Planerat");
		assertThat(cells(row("Inbjudan"))).endsWith("2", "0");
		assertThat(row("Påminnelse 1")).contains("Planerat");
	}

	@Test
	void aDownloadedWorkbookOpensWithTheAnswersAndTheDownloadIsRecordedWhileNoAnswersGiveAClearPage() throws Exception {
		SendOutId sendOut = Stockholm.stepTwo(this.sendOuts, "ladda-degerfors", "Kartläggning Degerfors", "degerfors");
		String downloads = "/projektledning/utskick/ladda-degerfors/sammanstallningar";

		browser.open(url("/projektledning/utskick/ladda-degerfors"));
		browser.click("Sammanställningar och arbetsböcker att ladda ner");
		assertThat(browser.text()).contains("Ingen har skickat in svar ännu");
		assertThat(browser.findAll(By.partialLinkText("arbetsbok"))).isEmpty();
		browser.assertAccessible("leads-digests-no-answers");
		browser.open(url(downloads + "/personer/xlsx"));
		assertThat(browser.text()).contains("Ingen har skickat in svar ännu");
		browser.assertAccessible("leads-digests-no-answers-download");
		assertThat(LeadSignIn.get(browser, url(downloads + "/personer/xlsx")).statusCode()).isEqualTo(409);

		submit(sendOut, "mats.oberg@example.org", "Vi ser brist på undersköterskor.");
		browser.open(url(downloads));
		assertThat(browser.text()).contains("1 har skickat in svar");
		browser.assertAccessible("leads-digests");
		String href = browser.find(By.linkText("Med personer: arbetsbok för Excel (.xlsx)")).getAttribute("href");

		HttpResponse<byte[]> xlsx = LeadSignIn.get(browser, href);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("sammanstallning-ladda-degerfors-personer.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(texts(workbook)).contains("Vi ser brist på undersköterskor.").contains("Mats Öberg");
		}
		HttpResponse<byte[]> csv = LeadSignIn.get(browser, url(downloads + "/organisationer/csv"));
		assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Vi ser brist på undersköterskor.")
			.doesNotContain("Mats Öberg");
		HttpResponse<byte[]> html = LeadSignIn.get(browser, url(downloads + "/personer/html"));
		assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains(".html");
		// the whole digest, its charts inside the file: it shows them wherever it is
		// opened (an email's cid: pictures would be broken there)
		String page = new String(html.body(), StandardCharsets.UTF_8);
		assertThat(page).contains("Vi ser brist på undersköterskor.")
			.contains("Mats Öberg")
			.contains("src=\"data:image/png;base64,")
			.doesNotContain("cid:");

		// only for a signed-in lead, and recorded with who took what
		HttpResponse<byte[]> anonymous = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/logga-in");
		browser.open(url("/projektledning/utskick/ladda-degerfors"));
		assertThat(browser.text()).contains(LEAD + ": ladda-ner (sammanstallning-ladda-degerfors-personer.xlsx)")
			.contains(LEAD + ": ladda-ner (sammanstallning-ladda-degerfors-organisationer.csv)");
	}

	@Test
	void aHeldEmailIsShownAsTextAcceptingMakesItTheResponseAndDiscardingAnotherRecordsNothingBothWithWhoDecided()
			throws Exception {
		browser.open(url("/projektledning"));
		browser.click("E-post som väntar på granskning");
		assertThat(browser.text()).contains("Ingen e-post väntar på granskning.");
		browser.assertAccessible("leads-review-empty");

		SendOutId sendOut = Stockholm.stepTwo(this.sendOuts, "granska-kumla", "Kartläggning Kumla", "kumla");
		this.dispatcher.run();
		Person chief = this.directory.personByEmail("peter.hakansson@example.org").orElseThrow();
		MimeMessage invitation = Arrays.stream(mail.getReceivedMessages())
			.filter(m -> recipient(m).equalsIgnoreCase(chief.email()) && subject(m).contains("Kumla"))
			.findFirst()
			.orElseThrow();
		UUID accepted = hold(invitation, "assistent@kumla.example.org", "<held-1@kumla.example.org>", """
				1. <b>Brist</b> på sjuksköterskor & <script>alert('x')</script>
				2. Introduktion för nyanställda.
				3. Mentorskap.
				4. Rekrytering tillsammans.
				""", true);
		UUID discarded = hold(invitation, "annan@kumla.example.org", "<held-2@kumla.example.org>",
				"1. Fel svar från fel person.", false);

		browser.open(url("/projektledning/utskick/granska-kumla"));
		assertThat(browser.find(By.id("siffror")).getText()).contains("0 %");
		browser.click("E-post som väntar på granskning");
		assertThat(browser.text()).contains("assistent@kumla.example.org")
			.contains("annan@kumla.example.org")
			.contains("Svaret kom från en annan adress än den som fick svarslänken.");
		browser.assertAccessible("leads-review-queue");

		browser.open(url("/projektledning/granskning/" + accepted));
		WebElement text = browser.find(By.cssSelector("pre.mail-text"));
		assertThat(text.getText()).contains("1. <b>Brist</b> på sjuksköterskor & <script>alert('x')</script>");
		assertThat(text.findElements(By.xpath(".//*"))).as("the email's markup stays text").isEmpty();
		assertThat(browser.text()).contains("underlag.pdf (2,0 kB, application/pdf)")
			.contains("Introduktion för nyanställda.");
		browser.assertAccessible("leads-review-mail");
		browser.assertReflowsAt320("leads-review-mail");

		browser.click("Godta");
		assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Godta ");
		assertThat(browser.find(By.id("person-0")).isSelected()).isTrue();
		browser.assertAccessible("leads-review-confirm");
		browser.click("Ja, godta");
		assertThat(browser.text()).contains("E-posten är sparad som svar från peter.hakansson@example.org: 4 nya svar")
			.contains(LEAD + ": godtog e-post (från assistent@kumla.example.org");
		assertThat(this.responses.submitted(sendOut)).contains(chief.id());
		browser.open(url("/projektledning/utskick/granska-kumla"));
		assertThat(browser.find(By.id("siffror")).getText()).contains("50 %").contains("1 av 2");

		browser.open(url("/projektledning/granskning/" + discarded));
		browser.click("Kasta");
		browser.assertAccessible("leads-review-confirm-discard");
		browser.click("Ja, kasta");
		assertThat(browser.text()).contains("E-posten är kastad.")
			.contains("Ingen e-post väntar på granskning.")
			.contains(LEAD + ": kastade e-post (från annan@kumla.example.org");
		assertThat(this.review.held()).isEmpty();
		assertThat(this.responses.find(sendOut, chief.id()).orElseThrow().steps().get(0).answer())
			.isEqualTo(new TextAnswer("<b>Brist</b> på sjuksköterskor & <script>alert('x')</script>"));

		// decided: its page says so
		browser.open(url("/projektledning/granskning/" + discarded));
		assertThat(browser.text()).contains("E-posten väntar inte på granskning");
		browser.assertAccessible("leads-review-missing");
	}

	@Test
	void aProjectLeadWhoChoseEnglishReadsThePlanTheDownloadsAndTheReviewQueueInEnglish() throws Exception {
		String csv = "Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n"
				+ "Olivia Grant;olivia.grant@example.org;Region Örebro län;Projektledare;Projektledare;E-post;en;;\n";
		assertThat(this.directoryImport
			.importPeople("english-lead.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false)
			.applied()).isTrue();
		Stockholm.stepTwo(this.sendOuts, "plan-english", "Mapping Lekeberg", "lekeberg");
		browser.click("Logga ut");
		LeadSignIn.signIn(browser, mail, url(""), "olivia.grant@example.org", "Signed in as ");
		try {
			browser.open(url("/projektledning/utskick/plan-english/plan"));
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("The plan for Mapping Lekeberg");
			assertThat(row("Reminder 1")).contains("Tuesday 8 December 2026, 08:00").contains("Planned");
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.assertAccessible("leads-plan-en");

			browser.open(url("/projektledning/utskick/plan-english/sammanstallningar"));
			assertThat(browser.text()).contains("Nobody has submitted answers yet");
			browser.assertAccessible("leads-digests-no-answers-en");

			browser.open(url("/projektledning/granskning"));
			assertThat(browser.text()).contains("Email waiting for review");
			browser.assertAccessible("leads-review-en");
		}
		finally {
			browser.click("Sign out");
		}
	}

	@Test
	void aProjectLeadWhoChoseEnglishReadsTheSendOutsASendOutAndAConfirmationInEnglishWhileSwedishLeadsReadSwedish()
			throws Exception {
		Stockholm.stepTwo(this.sendOuts, "lead-english", "Mapping Kumla", "kumla");
		browser.open(url("/projektledning/utskick/lead-english"));
		assertThat(browser.text()).contains("Har inte svarat").contains("Åtgärder");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");

		String csv = "Namn;E-post;Organisation;Roll;Nätverk;Kanal;Språk;Entra-id;Tenant-id\n"
				+ "Oscar Reed;oscar.reed@example.org;Region Örebro län;Projektledare;Projektledare;E-post;en;;\n";
		assertThat(this.directoryImport
			.importPeople("english-lead-pages.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
					false)
			.applied()).isTrue();
		browser.click("Logga ut");
		LeadSignIn.signIn(browser, mail, url(""), "oscar.reed@example.org", "Signed in as ");
		List<String> swedish = List.of("Utskick ", "Läge", "Sista svarsdag", "Svarsfrekvens", "Har inte svarat",
				"Åtgärder", "Händelser", "Inloggad", "Logga ut", "Pausa", "Förläng", "Stäng", "Bekräfta", "Avbryt",
				" av ", "inbjud", "Planerat", "Öppet");
		try {
			browser.open(url("/projektledning"));
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Send-outs");
			assertThat(browser.text()).contains("Response rate").contains("Deadline");
			assertThat(browser.text()).doesNotContain(swedish);
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.assertAccessible("leads-send-outs-en");

			browser.open(url("/projektledning/utskick/lead-english"));
			assertThat(browser.text()).contains("have answered (0 of ")
				.contains("Answers by organisation")
				.contains("Have not answered")
				.contains("Not invited yet")
				.contains("Actions");
			assertThat(browser.text()).doesNotContain(swedish);
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.assertAccessible("leads-send-out-en");

			browser.open(url("/projektledning/utskick/lead-english/bekrafta/forlang"));
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Extend Mapping Kumla");
			assertThat(browser.text()).contains("New deadline").contains("Yes, do it").contains("Cancel");
			assertThat(browser.text()).doesNotContain(swedish);
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
			browser.assertAccessible("leads-confirm-en");
		}
		finally {
			browser.open(url("/projektledning"));
			browser.click("Sign out");
		}
	}

	/** Feeds a reply to the invitation from another sender to intake: it is held. */
	private UUID hold(MimeMessage invitation, String from, String messageId, String body, boolean attachment)
			throws Exception {
		MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
		reply.setFrom(new InternetAddress(from));
		reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
		reply.setSubject("SV: " + invitation.getSubject(), "UTF-8");
		reply.setHeader("In-Reply-To", invitation.getMessageID());
		reply.setSentDate(new java.util.Date());
		if (attachment) {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(body, "UTF-8");
			MimeBodyPart file = new MimeBodyPart();
			file.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[2048], "application/pdf")));
			file.setFileName("underlag.pdf");
			file.setDisposition(MimeBodyPart.ATTACHMENT);
			reply.setContent(new MimeMultipart(text, file));
		}
		else {
			reply.setText(body, "UTF-8");
		}
		reply.saveChanges();
		reply.setHeader("Message-ID", messageId);
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		reply.writeTo(raw);
		assertThat(this.processor.accept(raw.toByteArray(), null)).isEqualTo(InboundStatus.REVIEW);
		return this.jdbc.sql("SELECT id FROM email_inbound WHERE message_id = ?")
			.param(messageId)
			.query(UUID.class)
			.single();
	}

	private void submit(SendOutId sendOut, String email, String answer) {
		Person person = this.directory.personByEmail(email).orElseThrow();
		ResponseState state = this.responses.startOrResume(sendOut, person.id(), Channel.EMAIL);
		Source source = Source.of(Channel.EMAIL, null);
		for (String key : new String[] { "q1", "q2", "q3", "q4" }) {
			this.responses.answer(state.id(), StepKey.of(key), new TextAnswer(answer), source);
		}
		assertThat(this.responses.submit(state.id(), source).isAccepted()).isTrue();
	}

	/** The plan's row whose "what" is the text. */
	private static String row(String what) {
		return browser.find(By.xpath("//tr[th[starts-with(normalize-space(), '" + what + "')]]")).getText();
	}

	private static String[] cells(String row) {
		return row.split("\\s+");
	}

	private static String texts(XSSFWorkbook workbook) {
		StringBuilder all = new StringBuilder();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					all.append(cell.toString()).append('\n');
				}
			}
		}
		return all.toString();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
