package se.samla.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.campaigns.SendOuts;
import se.samla.shared.SendOutId;
import se.samla.support.FreePorts;
import se.samla.support.Browser;
import se.samla.support.LeadSignIn;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.support.WebSession;
import se.samla.web.FakeEntraSignIn.Account;
import se.samla.web.FakeEntraSignIn.Trick;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Project leads sign in with Microsoft Entra ID, one button per tenant whose registration
 * has web sign-in on, against WireMock playing each tenant's OpenID Connect endpoints: a
 * project lead gets in (by the token's object id, or by its address in an organisation
 * the tenant serves) and is recorded by address for what they do; anyone else gets a
 * Swedish 403 page; a token of another tenant, a bad signature and a refusal by Entra end
 * on a Swedish page offering the email link, which still works. The pages pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations",
				"samla.email.from=samla@region.example.org", "samla.web.operators=drift@degerfors.example.org" })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class EntraSignInTests {

	/**
	 * Region Örebro län's tenant, where Anna Lind (a project lead) has her Teams
	 * identity.
	 */
	static final String REGION = "7b3c9a52-4e1d-4c8f-9a6b-2d5e8f1c0a37";

	static final String REGION_APP = "1c2d3e4f-0000-4000-8000-00000000000a";

	/** Degerfors' tenant: its app signs with a certificate. */
	static final String DEGERFORS = "2e3f4a5b-0000-4000-8000-00000000000b";

	static final String DEGERFORS_APP = "1c2d3e4f-0000-4000-8000-00000000000b";

	/** Askersund's tenant: a registration without web sign-in. */
	static final String ASKERSUND = "3f4a5b6c-0000-4000-8000-00000000000c";

	static final Account ANNA = new Account(REGION, "6b3d7e9f-0a1c-4d2e-9f4a-5b6c7d8e9f0a", "anna.lind@region.example");

	/**
	 * In the directory with a Teams identity in the region's tenant, not a project lead.
	 */
	static final Account BJORN = new Account(REGION, "3e0a4b6c-7d8f-4a9b-8c1d-2e3f4a5b6c7d",
			"bjorn.lundgren@region.example");

	static final int PORT = FreePorts.free();

	static final FakeEntraSignIn entra = new FakeEntraSignIn();

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
		entra.addTenant(REGION, REGION_APP, "region-secret", null);
		entra.addTenant(DEGERFORS, DEGERFORS_APP, null, Path.of("src/test/resources/entra/samla-test.pem"));
	}

	static Browser browser;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("samla.web.base-url", () -> "http://localhost:" + PORT);
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("samla.entra.authority", entra::authority);
		registry.add("samla.entra.registrations[0].tenant-id", () -> REGION);
		registry.add("samla.entra.registrations[0].app-id", () -> REGION_APP);
		registry.add("samla.entra.registrations[0].client-secret", () -> "region-secret");
		registry.add("samla.entra.registrations[0].organisations", () -> "region-orebro-lan");
		registry.add("samla.entra.registrations[0].web-sign-in", () -> "true");
		registry.add("samla.entra.registrations[1].tenant-id", () -> DEGERFORS);
		registry.add("samla.entra.registrations[1].app-id", () -> DEGERFORS_APP);
		registry.add("samla.entra.registrations[1].certificate", () -> "src/test/resources/entra/samla-test.pem");
		registry.add("samla.entra.registrations[1].organisations", () -> "degerfors");
		registry.add("samla.entra.registrations[1].web-sign-in", () -> "true");
		registry.add("samla.entra.registrations[2].tenant-id", () -> ASKERSUND);
		registry.add("samla.entra.registrations[2].app-id", () -> "1c2d3e4f-0000-4000-8000-00000000000c");
		registry.add("samla.entra.registrations[2].client-secret", () -> "askersund-secret");
		registry.add("samla.entra.registrations[2].organisations", () -> "askersund");
	}

	@Autowired
	SendOuts sendOuts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		browser.close();
		mail.stop();
		entra.close();
	}

	@BeforeEach
	void openRound() {
		this.clock.set(Stockholm.at(2026, 12, 2, 9, 0));
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void aProjectLeadOfTheRegionSignsInWithMicrosoftSeesTheLeadsPageAndIsRecordedForWhatSheDoes() {
		SendOutId sendOut = Stockholm.round(this.sendOuts, "entra-ledning", "Prov med Microsoft", "webbprov",
				"degerfors");
		entra.signsIn(ANNA, Trick.NONE);

		browser.open(url("/projektledning"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/logga-in");
		assertThat(browser.findAll(By.cssSelector("a.button")).stream().map(b -> b.getText()).toList())
			.containsExactly("Logga in med Microsoft – Region Örebro län", "Logga in med Microsoft – Degerfors");
		assertThat(browser.text()).contains("Med en länk i e-posten").doesNotContain("Askersund");
		browser.assertAccessible("leads-sign-in-microsoft");

		browser.click("Logga in med Microsoft – Region Örebro län");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/projektledning");
		assertThat(browser.text()).contains("Inloggad som anna.lind@example.org").contains("Prov med Microsoft");

		browser.click("Prov med Microsoft");
		browser.click("Pausa");
		browser.click("Ja, gör det");
		assertThat(browser.text()).contains("anna.lind@example.org: Pausa");
		assertThat(this.sendOuts.find(sendOut).orElseThrow().pausedAt()).isNotNull();
		assertThat(audit("anna.lind@example.org")).contains("sign-in Microsoft Entra ID, tenant " + REGION,
				"pausa null");
		browser.click("Logga ut");
	}

	@Test
	void aProjectLeadWithoutATeamsIdentityGetsInByHerAddressAndAnOperatorByHisThroughTheCertificateApp()
			throws Exception {
		entra.signsIn(new Account(REGION, "0a0a0a0a-0000-4000-8000-000000000001", "erik.johansson@example.org"),
				Trick.NONE);
		HttpResponse<String> erik = new Flow().signIn(REGION);
		assertThat(erik.statusCode()).isEqualTo(200);
		assertThat(erik.body()).contains("Inloggad som erik.johansson@example.org");

		int redeemed = entra.redeemed();
		entra.signsIn(new Account(DEGERFORS, "0a0a0a0a-0000-4000-8000-000000000002", "drift@degerfors.example.org"),
				Trick.NONE);
		HttpResponse<String> operator = new Flow().signIn(DEGERFORS);
		assertThat(operator.body()).contains("Inloggad som drift@degerfors.example.org");
		assertThat(entra.redeemed()).as("a code redeemed with the certificate's client assertion")
			.isEqualTo(redeemed + 1);
	}

	@Test
	void someoneWhoIsNotAProjectLeadIsRefusedOnASwedishPage() throws Exception {
		entra.signsIn(BJORN, Trick.NONE);
		Flow flow = new Flow();
		HttpResponse<String> refused = flow.signIn(REGION);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Du har inte tillgång till projektledningens sidor")
			.doesNotContain("Exception");
		assertThat(flow.get("/projektledning").uri().getPath()).isEqualTo("/logga-in");
		assertThat(audit("bjorn.lundgren@region.example"))
			.containsExactly("sign-in-refused Microsoft Entra ID, tenant " + REGION);

		// an address of an organisation the tenant does not serve is not vouched for
		entra.signsIn(new Account(REGION, "0a0a0a0a-0000-4000-8000-000000000003", "anna.lind@example.org"), Trick.NONE);
		assertThat(new Flow().signIn(REGION).statusCode()).as("Anna's address, but not her object id").isEqualTo(200);
		entra.signsIn(new Account(DEGERFORS, "0a0a0a0a-0000-4000-8000-000000000004", "anna.lind@example.org"),
				Trick.NONE);
		assertThat(new Flow().signIn(DEGERFORS).statusCode()).as("Anna's address from Degerfors' tenant")
			.isEqualTo(403);

		entra.signsIn(BJORN, Trick.NONE);
		browser.open(url("/logga-in"));
		browser.click("Logga in med Microsoft – Region Örebro län");
		assertThat(browser.text()).contains("Du har inte tillgång till projektledningens sidor");
		browser.assertAccessible("leads-sign-in-refused");
	}

	@Test
	void anIdTokenOfAnotherTenantOnTheRegionsRegistrationIsRefused(CapturedOutput output) throws Exception {
		entra.signsIn(new Account(DEGERFORS, ANNA.objectId(), ANNA.username()), Trick.NONE);
		Flow issuer = new Flow();
		HttpResponse<String> otherIssuer = issuer.signIn(REGION);
		assertThat(otherIssuer.statusCode()).isEqualTo(400);
		assertThat(otherIssuer.body()).contains("Inloggningen misslyckades").contains("få en inloggningslänk");
		assertThat(issuer.get("/projektledning").uri().getPath()).isEqualTo("/logga-in");

		entra.signsIn(ANNA, Trick.OTHER_TID);
		Flow tid = new Flow();
		HttpResponse<String> otherTid = tid.signIn(REGION);
		assertThat(otherTid.statusCode()).isEqualTo(400);
		assertThat(otherTid.body()).contains("ett konto från en annan organisation än den du valde");
		assertThat(tid.get("/projektledning").uri().getPath()).isEqualTo("/logga-in");
		assertThat(output.getOut()).contains("Sign-in with Entra ID failed (tenant " + REGION + "): wrong_tenant")
			.doesNotContain("anna.lind");
	}

	@Test
	void anIdTokenWithABadSignatureIsRefused(CapturedOutput output) throws Exception {
		entra.signsIn(ANNA, Trick.STRANGER_KEY);
		Flow flow = new Flow();
		HttpResponse<String> refused = flow.signIn(REGION);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("kunde inte kontrollera svaret från Microsoft");
		assertThat(flow.get("/projektledning").uri().getPath()).isEqualTo("/logga-in");
		assertThat(output.getOut()).contains("Sign-in with Entra ID failed (tenant " + REGION + "): invalid_id_token");
	}

	@Test
	void whenEntraRefusesThePageSaysSoAndOffersTheEmailLink(CapturedOutput output) {
		entra.signsIn(ANNA, Trick.REFUSE);
		browser.open(url("/logga-in"));
		browser.click("Logga in med Microsoft – Region Örebro län");
		assertThat(browser.text()).contains("Microsoft loggade inte in dig").contains("få en inloggningslänk");
		browser.assertAccessible("leads-sign-in-failed");
		assertThat(output.getOut()).contains("access_denied (AADSTS65004)");

		// a callback nobody started (a reload, another tab) is a state mismatch
		browser.open(url("/logga-in/oauth2/code/" + REGION + "?code=abc&state=forged"));
		assertThat(browser.text()).contains("startades i en annan flik");
	}

	@Test
	void theEmailLinkStillWorksBesideMicrosoft() throws Exception {
		WebSession session = new WebSession(PORT);
		String page = session.get("/logga-in").body();
		session.post("/logga-in", Map.of("_csrf", WebSession.csrf(page), "epost", "anna.lind@example.org"));
		String link = signInLink("anna.lind@example.org");
		String confirm = session.get(link).body();
		HttpResponse<String> signedIn = session.post(link, Map.of("_csrf", WebSession.csrf(confirm)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/projektledning");
		assertThat(session.get("/projektledning").body()).contains("Inloggad som anna.lind@example.org");
	}

	private List<String> audit(String actor) {
		return this.jdbc.sql("SELECT action, detail FROM web_audit WHERE actor = ? ORDER BY id")
			.param(actor)
			.query((rs, n) -> rs.getString("action") + " " + rs.getString("detail"))
			.list();
	}

	private String signInLink(String address) throws Exception {
		return LeadSignIn.linkPath(mail, address, 0);
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	/** A browser's round trip over plain HTTP: cookies kept, redirects followed. */
	private static final class Flow {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> signIn(String tenant) throws IOException, InterruptedException {
			return get("/logga-in/oauth2/authorization/" + tenant);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.ofString());
		}

	}

}
