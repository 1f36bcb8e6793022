package se.samla.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import se.samla.answers.AuditEntry;
import se.samla.answers.ResponseManagement;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.SendOutId;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the answer pages, over plain HTTP: CSRF tokens on every form, a strict
 * Content-Security-Policy, no referrer, cookies a script cannot read, a limit on guessing
 * links, expired and revoked links saying so, forms sent twice recorded once, and no
 * answer text in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations", "samla.web.guesses=3" })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class AnswerPagesProtectionTests {

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
		assertThat(this.responses.find(sendOut, this.mats.id())
			.orElseThrow()
			.step(StepKey.of("status"))
			.orElseThrow()
			.isAnswered()).isFalse();
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
	void aRevokedLinkOpensNothingAndTheNewOneDoes() throws Exception {
		SendOutId sendOut = define("skydd-aterkallad");
		String old = path(sendOut, this.mats);

		this.links.revoke(sendOut, this.mats.id());
		String fresh = path(sendOut, this.mats);

		assertThat(fresh).isNotEqualTo(old);
		assertThat(get(old).statusCode()).isEqualTo(404);
		assertThat(get(fresh).statusCode()).isEqualTo(200);
	}

	@Test
	void theLinkOpensOnlyItsOwnPersonsResponse() throws Exception {
		SendOutId sendOut = define("skydd-egen");
		Person anders = this.directory.personByEmail("anders.bjork@example.org").orElseThrow();

		assertThat(path(sendOut, this.mats)).isNotEqualTo(path(sendOut, anders));
		assertThat(get(path(sendOut, anders)).body()).contains("Hej Anders Björk!").doesNotContain("Mats");
	}

	private SendOutId define(String id) {
		return Stockholm.round(this.sendOuts, id, "Skydd", "webbprov", "degerfors");
	}

	private String path(SendOutId sendOut, Person person) {
		String link = this.links.linkFor(sendOut, person.id());
		return link.substring(link.indexOf("/svar/"));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.web.get(path);
	}

	private HttpResponse<String> post(String path, Map<String, String> fields)
			throws IOException, InterruptedException {
		return this.web.post(path, fields);
	}

}
