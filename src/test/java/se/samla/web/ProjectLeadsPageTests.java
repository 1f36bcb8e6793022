package se.samla.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.icegreen.greenmail.util.GreenMail;

import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.samla.answers.ResponseManagement;
import se.samla.answers.ResponseState;
import se.samla.answers.Source;
import se.samla.answers.StepKey;
import se.samla.campaigns.SendOuts;
import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.shared.Channel;
import se.samla.shared.SendOutId;
import se.samla.support.Browser;
import se.samla.support.LeadSignIn;
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project lead signs in by a one-time link from their inbox, follows a round as an
 * answer comes in without reloading, and pauses and resumes it after confirming, in a
 * real browser; every page passes axe-core at WCAG 2.1 AA. Only project leads get a link,
 * and a link works once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations", "samla.web.live-interval=500ms",
				"samla.email.from=samla@region.example.org" })
@Import(TestClockConfiguration.class)
class ProjectLeadsPageTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		mail.start();
	}

	static Browser browser;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
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
	MutableClock clock;

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
	void openRound() {
		this.clock.set(Stockholm.at(2026, 12, 2, 9, 0));
	}

	@Test
	void aProjectLeadSignsInByLinkSeesTheRateChangeAfterAnAnswerAndPausesAndResumes() throws Exception {
		SendOutId sendOut = define("ledning-degerfors");

		browser.open(url("/projektledning"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/logga-in");
		browser.assertAccessible("leads-sign-in");
		browser.click("Skicka inloggningslänk");
		assertThat(browser.text()).contains("Skriv din e-postadress.");
		browser.assertAccessible("leads-sign-in-error");
		browser.type(By.id("epost"), "anna.lind@example.org");
		browser.click("Skicka inloggningslänk");
		assertThat(browser.text()).contains("Kolla din e-post");
		browser.assertAccessible("leads-link-sent");

		String link = signInLink("anna.lind@example.org");
		browser.open(link);
		browser.assertAccessible("leads-sign-in-confirm");
		browser.click("Logga in");
		assertThat(browser.text()).contains("Inloggad som anna.lind@example.org").contains("Webbprov ledning");
		browser.assertAccessible("leads-send-outs");

		browser.click("Webbprov ledning");
		assertThat(browser.text()).contains("0 %").contains("Mats Öberg").contains("Anders Björk");
		browser.assertAccessible("leads-send-out");
		browser.assertReflowsAt320("leads-send-out");
		assertTheRateChartsShowTheTablesFiguresToLeadsOnly(sendOut);

		// an answer comes in: the page shows it without a reload
		submit(sendOut, "mats.oberg@example.org");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(driver -> driver.findElement(By.id("siffror")).getText().contains("50 %"));
		assertThat(browser.find(By.id("siffror")).getText()).contains("1 av 2").doesNotContain("Mats Öberg");

		// pause, after a confirmation
		browser.click("Pausa");
		assertThat(browser.text()).contains("Pausa Webbprov ledning?");
		browser.assertAccessible("leads-confirm");
		browser.click("Ja, gör det");
		assertThat(browser.text()).contains("Utskicket är pausat.")
			.contains("Läge: Pausat")
			.contains("anna.lind@example.org: Pausa");
		assertThat(this.sendOuts.find(sendOut).orElseThrow().pausedAt()).isNotNull();

		browser.click("Återuppta");
		browser.click("Ja, gör det");
		assertThat(browser.text()).contains("Utskicket är återupptaget.").contains("Läge: Öppet");
		assertThat(this.sendOuts.find(sendOut).orElseThrow().pausedAt()).isNull();

		// the link worked once
		browser.click("Logga ut");
		browser.open(link);
		browser.click("Logga in");
		assertThat(browser.text()).contains("Länken fungerar inte längre");
		browser.open(url("/projektledning"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/logga-in");
	}

	@Test
	void theSignInPagesSpeakTheBrowsersLanguageAndOfferTheOther() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		java.util.function.Function<String, String> page = (accept) -> {
			try {
				return http.send(
						HttpRequest.newBuilder(URI.create(url("/logga-in"))).header("Accept-Language", accept).build(),
						HttpResponse.BodyHandlers.ofString())
					.body();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(page.apply("en-GB,en;q=0.9,sv;q=0.5")).contains("<html lang=\"en\"")
			.contains("Sign in as a project lead")
			.contains("På svenska")
			.doesNotContain("Logga in som projektledare");
		assertThat(page.apply("sv-SE,sv;q=0.9,en;q=0.8")).contains("<html lang=\"sv\"")
			.contains("Logga in som projektledare")
			.contains("In English");
		// neither Swedish nor English asked for: Swedish
		assertThat(page.apply("de-DE,de;q=0.9")).contains("Logga in som projektledare");

		// the browser asks for Swedish; the link on the page switches, and the form keeps
		// it
		browser.open(url("/logga-in"));
		browser.find(By.linkText("In English")).click();
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in as a project lead");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.assertAccessible("leads-sign-in-en");
		browser.click("Send sign-in link");
		assertThat(browser.text()).contains("Write your email address.").doesNotContain("Skriv din e-postadress");
		browser.assertAccessible("leads-sign-in-error-en");
		browser.type(By.id("epost"), "anna.lind@example.org");
		browser.click("Send sign-in link");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Check your email");
		browser.assertAccessible("leads-link-sent-en");
		mail.purgeEmailFromAllMailboxes();
	}

	@Test
	void theKeyboardAloneSignsInFollowsTheRateAndPausesAndResumes() throws Exception {
		SendOutId sendOut = Stockholm.round(this.sendOuts, "ledning-tangentbord", "Webbprov tangentbord", "webbprov",
				"degerfors");
		mail.purgeEmailFromAllMailboxes();
		browser.open(url("/logga-in"));
		Actions keys = new Actions(browser.driver());
		keys.sendKeys(Keys.TAB).perform();
		assertThat(active().getAttribute("href")).endsWith("#innehall");
		tabUntil(element -> "epost".equals(element.getAttribute("id")));
		keys.sendKeys("anna.lind@example.org").perform();
		press(Keys.ENTER, "Kolla din e-post");

		browser.open(signInLink("anna.lind@example.org"));
		tabUntil(element -> "Logga in".equals(element.getText()));
		press(Keys.ENTER, "Inloggad som anna.lind@example.org");
		tabUntil(element -> "Webbprov tangentbord".equals(element.getText()));
		press(Keys.ENTER, "Svar per organisation");
		assertThat(browser.find(By.id("siffror")).getText()).contains("0 %");

		submit(sendOut, "mats.oberg@example.org");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(driver -> driver.findElement(By.id("siffror")).getText().contains("50 %"));

		tabUntil(element -> "Pausa".equals(element.getText()));
		press(Keys.ENTER, "Pausa Webbprov tangentbord?");
		tabUntil(element -> "Ja, gör det".equals(element.getText()));
		press(Keys.ENTER, "Utskicket är pausat.");
		assertThat(this.sendOuts.find(sendOut).orElseThrow().pausedAt()).isNotNull();

		tabUntil(element -> "Återuppta".equals(element.getText()));
		press(Keys.ENTER, "Återuppta Webbprov tangentbord?");
		tabUntil(element -> "Ja, gör det".equals(element.getText()));
		press(Keys.ENTER, "Utskicket är återupptaget.");
		assertThat(this.sendOuts.find(sendOut).orElseThrow().pausedAt()).isNull();
	}

	private void press(Keys key, String nextPageSays) {
		new Actions(browser.driver()).sendKeys(key).perform();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(driver -> driver.findElement(By.tagName("body")).getText().contains(nextPageSays));
	}

	private WebElement tabUntil(Predicate<WebElement> wanted) {
		for (int i = 0; i < 60; i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			if (wanted.test(active())) {
				return active();
			}
		}
		throw new AssertionError("never reached by Tab");
	}

	private WebElement active() {
		return browser.driver().switchTo().activeElement();
	}

	@Test
	void someoneWhoIsNotAProjectLeadGetsNoLinkButTheSameAnswer() throws Exception {
		browser.open(url("/logga-in"));
		browser.type(By.id("epost"), "mats.oberg@example.org");
		browser.click("Skicka inloggningslänk");

		assertThat(browser.text()).contains("Kolla din e-post");
		Thread.sleep(300);
		assertThat(mail.getReceivedMessagesForDomain("mats.oberg@example.org")).isEmpty();
	}

	/**
	 * The page shows the rates per organisation and network as pictures whose alt text
	 * gives the tables' figures; the pictures are served to a signed-in lead only, as
	 * PNG, never cached.
	 */
	private void assertTheRateChartsShowTheTablesFiguresToLeadsOnly(SendOutId sendOut) throws Exception {
		List<WebElement> charts = browser.driver().findElements(By.cssSelector("img.chart"));
		assertThat(charts).hasSize(2);
		assertThat(charts.get(0).getAttribute("alt")).isEqualTo("Svarsfrekvens per organisation: Degerfors 0 %.");
		assertThat(charts.get(1).getAttribute("alt")).startsWith("Svarsfrekvens per nätverk: ").contains(" 0 %");
		for (WebElement chart : charts) {
			// loaded: the picture is drawn at twice its shown width
			Object width = ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth;",
					chart);
			assertThat(((Number) width).intValue()).isEqualTo(2 * Integer.parseInt(chart.getAttribute("width")));
		}
		String address = url("/projektledning/utskick/" + sendOut.value() + "/diagram/organisationer.png");
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> signedIn = http.send(HttpRequest.newBuilder(URI.create(address))
			.header("Cookie", "JSESSIONID=" + session.getValue())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(signedIn.headers().allValues("Cache-Control")).anyMatch(value -> value.contains("no-store"));
		assertThat(ImageIO.read(new ByteArrayInputStream(signedIn.body())).getWidth()).isEqualTo(1280);
		HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create(address)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(anonymous.statusCode()).isNotEqualTo(200);
		assertThat(anonymous.headers().firstValue("Content-Type")).isNotEqualTo(java.util.Optional.of("image/png"));
	}

	private String signInLink(String address) throws Exception {
		return url(LeadSignIn.linkPath(mail, address, 0));
	}

	private void submit(SendOutId sendOut, String email) {
		Person person = this.directory.personByEmail(email).orElseThrow();
		ResponseState state = this.responses.startOrResume(sendOut, person.id(), Channel.EMAIL);
		Source source = Source.of(Channel.EMAIL, null);
		this.responses.answer(state.id(), StepKey.of("status"), new AnswerValue.ChoiceAnswer("bra"), source);
		this.responses.answer(state.id(), StepKey.of("insatser"), new AnswerValue.ChoicesAnswer(List.of("mentorskap")),
				source);
		this.responses.answer(state.id(), StepKey.of("lage"), new AnswerValue.ChoiceAnswer("hallbart"), source);
		this.responses.answer(state.id(), StepKey.of("bedomning"),
				new AnswerValue.MatrixAnswer(
						java.util.Map.of("sjukskoterska", java.util.Map.of("nu", "hallbart", "ar1", "hallbart"),
								"underskoterska", java.util.Map.of("nu", "hallbart", "ar1", "hallbart")),
						java.util.Map.of()),
				source);
		assertThat(this.responses.submit(state.id(), source).isAccepted()).isTrue();
	}

	private SendOutId define(String id) {
		return Stockholm.round(this.sendOuts, id, "Webbprov ledning", "webbprov", "degerfors");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
