package se.samla.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.AuditEntry;
import se.samla.answers.ResponseManagement;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOutOperations;
import se.samla.campaigns.SendOuts;
import se.samla.campaigns.internal.Dispatcher;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.Mails;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the answer pages, over plain HTTP: CSRF tokens on every form, a strict
 * Content-Security-Policy, no referrer, cookies a script cannot read, a limit on guessing
 * links, expired, closed and revoked links saying so, a new link sent once by email on
 * request and no more often than every ten minutes, forms sent twice recorded once, and
 * no answer text in the log (real SMTP: GreenMail on a free port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations", "samla.web.guesses=3",
				"samla.email.enabled=true", "samla.email.from=samla@samla.example.org",
				"samla.email.domain=samla.example.org", "spring.mail.host=localhost" })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class AnswerPagesProtectionTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	SendOuts sendOuts;

	@Autowired
	AnswerLinks links;

	@Autowired
	ResponseManagement responses;

	@Autowired
	Directory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	SendOutOperations operations;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	WebSession web;

	Person mats;

	/**
	 * Each test starts later than the last, past the guess window, so guesses do not
	 * carry over.
	 */
	private static final java.util.concurrent.atomic.AtomicInteger tests = new java.util.concurrent.atomic.AtomicInteger();

	@BeforeEach
	void setUp() {
		this.clock.set(Stockholm.at(2026, 12, 2, 9, 0).plus(Duration.ofMinutes(20L * tests.getAndIncrement())));
		this.web = new WebSession(this.port);
		this.mats = this.directory.personByEmail("mats.oberg@example.org").orElseThrow();
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicyNoReferrerAndCookiesScriptsCannotRead() throws Exception {
		String link = path(define("skydd-rubriker"), this.mats);

		HttpResponse<String> page = get(link + "/fraga/status");

		assertThat(page.statusCode()).isEqualTo(200);
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'none'")
			.contains("script-src 'self'")
			.contains("style-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.body()).doesNotContain("style=\"").doesNotContain("<script>");
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID"))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenChangesNothing() throws Exception {
		SendOutId sendOut = define("skydd-csrf");
		String link = path(sendOut, this.mats);
		get(link + "/fraga/status");

		HttpResponse<String> forged = post(link + "/fraga/status", Map.of("status", "bra", "handling", "fortsatt"));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(forged.body()).contains("Sidan var öppen för länge");
		assertThat(this.responses.find(sendOut, this.mats.id())).isEmpty();
	}

	@Test
	void openingTheLinkAndReadingEveryPageStartsNoResponseUntilSomethingIsSaved() throws Exception {
		SendOutId sendOut = define("skydd-bara-lasa");
		String link = path(sendOut, this.mats);
		long startedBefore = started();

		// what a mail filter that checks every link (Safe Links), or a person only
		// looking, does
		for (String page : List.of("", "/fraga/status", "/alla", "/granska", "/sparat", "/klart")) {
			assertThat(get(link + page).statusCode()).as(page).isIn(200, 302);
		}
		assertThat(this.web.head(link).statusCode()).isEqualTo(200);

		assertThat(this.responses.find(sendOut, this.mats.id())).isEmpty();
		assertThat(started()).isEqualTo(startedBefore);

		String form = get(link + "/fraga/status").body();
		HttpResponse<String> saved = post(link + "/fraga/status", Map.of("_csrf", WebSession.csrf(form), "formular",
				WebSession.formId(form), "status", "bra", "handling", "fortsatt"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.responses.find(sendOut, this.mats.id())
			.orElseThrow()
			.step(StepKey.of("status"))
			.orElseThrow()
			.isAnswered()).isTrue();
	}

	@Test
	void aFormSentTwiceIsRecordedOnceAndItsTextIsNotLogged(CapturedOutput output) throws Exception {
		SendOutId sendOut = define("skydd-tva-ganger");
		String link = path(sendOut, this.mats);
		String form = get(link + "/fraga/status").body();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", WebSession.csrf(form));
		fields.put("formular", WebSession.formId(form));
		fields.put("status", "sadar");
		fields.put("status.kommentar", "Hemligt-svar-4711");
		fields.put("handling", "fortsatt");

		assertThat(post(link + "/fraga/status", fields).statusCode()).isEqualTo(302);
		assertThat(post(link + "/fraga/status", fields).statusCode()).isEqualTo(302);

		List<AuditEntry> history = this.responses
			.history(this.responses.find(sendOut, this.mats.id()).orElseThrow().id());
		assertThat(history).filteredOn(entry -> StepKey.of("status").equals(entry.step())).hasSize(1);
		assertThat(output.getAll()).doesNotContain("Hemligt-svar-4711");
	}

	@Test
	void unknownLinksAre404AndAnAddressGuessingTooManyIsRefusedForAWhile() throws Exception {
		SendOutId sendOut = define("skydd-gissning");
		String good = path(sendOut, this.mats);
		HttpResponse<String> known = get(good);
		assertThat(known.statusCode()).isEqualTo(200);

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> guess = get("/svar/" + "A".repeat(42) + i);
			assertThat(guess.statusCode()).isEqualTo(404);
			assertThat(guess.body()).contains("Länken fungerar inte");
		}
		HttpResponse<String> refused = get(good);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(get(good).statusCode()).isEqualTo(200);
	}

	@Test
	void aLinkAfterTheDeadlineSaysTheTimeHasPassed() throws Exception {
		String link = path(define("skydd-sent"), this.mats);
		this.clock.set(Stockholm.at(2026, 12, 19, 9, 0));

		HttpResponse<String> page = get(link);

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("Tiden för att svara har gått ut").contains("2026-12-18");
	}

	@Test
	void aRevokedLinkSaysSoAndOffersANewOneAndTheCurrentLinkOpens() throws Exception {
		SendOutId sendOut = define("skydd-aterkallad");
		String old = path(sendOut, this.mats);

		this.links.revoke(sendOut, this.mats.id());
		String fresh = path(sendOut, this.mats);

		assertThat(fresh).isNotEqualTo(old);
		HttpResponse<String> revoked = get(old);
		assertThat(revoked.statusCode()).isEqualTo(410);
		assertThat(revoked.body()).contains("Länken har dragits tillbaka")
			.contains("Skicka en ny länk")
			.contains("2026-12-18")
			.doesNotContain("Mats");
		assertThat(get(fresh).statusCode()).isEqualTo(200);
	}

	@Test
	void aNewLinkAskedForIsSentOnceByEmailReplacesTheOldOneAndIsAudited() throws Exception {
		SendOutId sendOut = define("skydd-ny-lank");
		this.dispatcher.run();
		String revoked = path(sendOut, this.mats);
		this.links.revoke(sendOut, this.mats.id());
		String current = path(sendOut, this.mats);

		HttpResponse<String> sent = askForNewLink(revoked);

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("Vi har skickat en ny länk till din e-post")
			.doesNotContain("mats.oberg@example.org");
		String newest = path(sendOut, this.mats);
		assertThat(newest).isNotEqualTo(current).isNotEqualTo(revoked);
		assertThat(get(current).body()).contains("Länken har ersatts av en nyare").contains("Skicka en ny länk");
		assertThat(get(newest).statusCode()).isEqualTo(200);

		// asked again (or the form sent twice): nothing more is sent within ten minutes
		HttpResponse<String> again = askForNewLink(current);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Vi har redan skickat en ny länk till din e-post");
		assertThat(path(sendOut, this.mats)).isEqualTo(newest);

		this.dispatcher.run();
		this.dispatcher.run();
		List<MimeMessage> newLinks = Mails.inbox(mail, "mats.oberg@example.org")
			.stream()
			.filter(message -> Mails.subject(message).startsWith("Din nya länk: Skydd"))
			.toList();
		assertThat(newLinks).singleElement()
			.satisfies(message -> assertThat(unfolded(GreenMailUtil.getBody(message))).contains(newest)
				.doesNotContain(current.substring("/svar/".length())));
		assertThat(this.jdbc
			.sql("SELECT outcome FROM web_link_request WHERE send_out_id = ? AND person_id = ? ORDER BY id")
			.params(sendOut.value(), this.mats.id().value())
			.query(String.class)
			.list()).containsExactly("SENT", "LIMITED");

		// ten minutes later another one may be asked for
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(askForNewLink(current).body()).contains("Vi har skickat en ny länk till din e-post");
		assertThat(path(sendOut, this.mats)).isNotEqualTo(newest);
	}

	@Test
	void aNewLinkIsNotOfferedOnceTheSendOutTakesNoAnswers() throws Exception {
		SendOutId sendOut = define("skydd-ny-lank-stangt");
		String revoked = path(sendOut, this.mats);
		this.links.revoke(sendOut, this.mats.id());
		String form = get(revoked).body();

		this.clock.set(Stockholm.at(2026, 12, 19, 9, 0));
		HttpResponse<String> late = get(revoked);
		assertThat(late.statusCode()).isEqualTo(410);
		assertThat(late.body()).contains("Tiden för att svara har gått ut").doesNotContain("Skicka en ny länk");
		HttpResponse<String> asked = post(revoked + "/ny-lank", Map.of("_csrf", WebSession.csrf(form)));
		assertThat(asked.statusCode()).isEqualTo(410);
		assertThat(asked.body()).doesNotContain("Vi har skickat");

		this.clock.set(Stockholm.at(2026, 12, 10, 9, 0));
		this.operations.close(sendOut);
		HttpResponse<String> closed = get(revoked);
		assertThat(closed.statusCode()).isEqualTo(410);
		assertThat(closed.body()).contains("Utskicket är stängt").doesNotContain("Skicka en ny länk");
		assertThat(get(path(sendOut, this.mats)).body()).contains("Utskicket är stängt");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM web_link_request WHERE send_out_id = ?")
			.param(sendOut.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aLinkPastTheDeadlineWorksAgainWhenTheDeadlineIsExtended() throws Exception {
		SendOutId sendOut = define("skydd-forlangd");
		String link = path(sendOut, this.mats);
		this.clock.set(Stockholm.at(2026, 12, 19, 9, 0));
		assertThat(get(link).statusCode()).isEqualTo(410);

		this.operations.extendDeadline(sendOut, Stockholm.at(2026, 12, 23, 17, 0));

		HttpResponse<String> page = get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("2026-12-23");
	}

	@Test
	void aTokenNeverIssuedGetsThePlainUnknownPageAlsoWhenItAsksForANewLink() throws Exception {
		SendOutId sendOut = define("skydd-aldrig");
		String revoked = path(sendOut, this.mats);
		this.links.revoke(sendOut, this.mats.id());
		String form = get(revoked).body();

		HttpResponse<String> asked = post("/svar/" + "B".repeat(43) + "/ny-lank",
				Map.of("_csrf", WebSession.csrf(form)));

		assertThat(asked.statusCode()).isEqualTo(404);
		assertThat(asked.body()).contains("Länken fungerar inte").doesNotContain("Skicka en ny länk");
	}

	@Test
	void theLinkOpensOnlyItsOwnPersonsResponse() throws Exception {
		SendOutId sendOut = define("skydd-egen");
		Person anders = this.directory.personByEmail("anders.bjork@example.org").orElseThrow();

		assertThat(path(sendOut, this.mats)).isNotEqualTo(path(sendOut, anders));
		assertThat(get(path(sendOut, anders)).body()).contains("Hej Anders Björk!").doesNotContain("Mats");
	}

	private long started() {
		return this.jdbc.sql("select count(*) from response_audit where action = 'STARTED'").query(Long.class).single();
	}

	private SendOutId define(String id) {
		return Stockholm.round(this.sendOuts, id, "Skydd", "webbprov", "degerfors");
	}

	private String path(SendOutId sendOut, Person person) {
		String link = this.links.linkFor(sendOut, person.id());
		return link.substring(link.indexOf("/svar/"));
	}

	/** The body without quoted-printable's soft line breaks. */
	private static String unfolded(String body) {
		return body.replace("=\r\n", "").replace("=\n", "");
	}

	private HttpResponse<String> askForNewLink(String oldLink) throws IOException, InterruptedException {
		String page = get(oldLink).body();
		return post(oldLink + "/ny-lank", Map.of("_csrf", WebSession.csrf(page)));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.web.get(path);
	}

	private HttpResponse<String> post(String path, Map<String, String> fields)
			throws IOException, InterruptedException {
		return this.web.post(path, fields);
	}

}
