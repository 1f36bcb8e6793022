package se.samla.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

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
import se.samla.support.MutableClock;
import se.samla.support.Stockholm;
import se.samla.support.TestClockConfiguration;
import se.samla.surveys.AnswerValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chiefs answer in a real browser (Chromium driven by Selenium) by their personal link:
 * every kind of question, one per page or all on one page, leaving and resuming,
 * reviewing, submitting and changing after; answers given by email shown and changed;
 * English for those who chose it; the keyboard alone suffices. axe-core finds no WCAG 2.1
 * A or AA violation on any page, error states included, and pages reflow at 320 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "samla.campaigns.location=src/test/resources/no-send-outs",
				"samla.surveys.location=src/test/resources/web/conversations" })
@Import(TestClockConfiguration.class)
class AnswerInTheBrowserTests {

	static Browser browser;

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

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@BeforeEach
	void openRound() {
		this.clock.set(Stockholm.at(2026, 12, 2, 9, 0));
	}

	@Test
	void aChiefAnswersEveryKindOfQuestionLeavesResumesSubmitsAndChangesAnAnswerAfter() {
		SendOutId sendOut = define("webb-degerfors", "degerfors");
		Person mats = person("mats.oberg@example.org");

		browser.open(link(sendOut, mats));
		assertThat(browser.title()).contains("Webbprov");
		assertThat(browser.text()).contains("Hej Mats Öberg!").contains("Sista dag att svara är 2026-12-18");
		browser.assertAccessible("start");
		browser.assertReflowsAt320("start");

		browser.click("Svara en fråga i taget");
		assertThat(browser.text()).contains("Fråga 1 av 5").contains("Hur går arbetet");

		// nothing chosen: the error is listed at the top, links to the field and shows at
		// it
		browser.click("Spara och fortsätt");
		assertThat(browser.text()).contains("Det finns fel på sidan").contains("Svara på frågan.");
		assertThat(browser.title()).startsWith("Fel:");
		browser.assertAccessible("question-error");
		browser.find(By.cssSelector(".error-summary a")).click(); // stays on the page:
																	// focuses the field
		assertThat(browser.driver().switchTo().activeElement().getAttribute("value")).isEqualTo("bra");

		browser.choose("Sådär");
		browser.type(By.name("status.kommentar"), "Två av fyra utbildningar är klara.");
		browser.click("Spara och fortsätt");

		assertThat(browser.text()).contains("Fråga 2 av 5").contains("Välj alla som stämmer.");
		browser.assertAccessible("question-multiple-choice");
		browser.choose("Rekryteringsträffar");
		browser.choose("Mentorskap");
		browser.click("Spara och fortsätt");

		assertThat(browser.text()).contains("Fråga 3 av 5").contains("Det är svårt att rekrytera.");
		browser.assertAccessible("question-scale");
		browser.choose("Sårbart");
		browser.click("Spara och fortsätt");

		// the colour matrix: a radio group per occupation and period, levels described
		assertThat(browser.text()).contains("Fråga 4 av 5").contains("Sjuksköterska").contains("Om 1 år");
		browser.assertAccessible("question-matrix");
		browser.assertReflowsAt320("question-matrix");
		cell("sjukskoterska", "nu", "sarbart");
		cell("sjukskoterska", "ar1", "brist");
		cell("underskoterska", "nu", "hallbart");
		cell("underskoterska", "ar1", "hallbart");
		browser.type(By.name("bedomning.k.sjukskoterska"), "Svårt att rekrytera till nattpass.");

		// leave, and come back later by the same link
		browser.click("Spara och fortsätt senare");
		assertThat(browser.text()).contains("Dina svar är sparade");
		browser.assertAccessible("saved");

		browser.open(link(sendOut, mats));
		assertThat(browser.text()).contains("Du har svarat på 4 av 6 frågor");
		browser.click("Fortsätt där du slutade");
		// "brist" in the matrix asks the follow-up
		assertThat(browser.text()).contains("Fråga 5 av 6").contains("Varför råder det brist?");
		browser.type(By.name("varfor-brist"), "Få söker till nattpassen.");
		browser.click("Spara och fortsätt");
		assertThat(browser.text()).contains("Fråga 6 av 6").contains("(frivillig)");
		browser.click("Spara och fortsätt");

		assertThat(browser.text()).contains("Granska dina svar")
			.contains("Sådär")
			.contains("Mentorskap")
			.contains("Få söker till nattpassen.")
			.contains("Inte besvarad");
		browser.assertAccessible("review");
		browser.click("Skicka in svaren");
		assertThat(browser.text()).contains("Tack! Dina svar är inskickade").contains("2026-12-02");
		browser.assertAccessible("done");

		ResponseState submitted = this.responses.find(sendOut, mats.id()).orElseThrow();
		assertThat(submitted.isSubmitted()).isTrue();
		assertThat(submitted.step(StepKey.of("status")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.ChoiceAnswer("sadar", "Två av fyra utbildningar är klara."));
		assertThat(submitted.step(StepKey.of("bedomning")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.MatrixAnswer(
					Map.of("sjukskoterska", Map.of("nu", "sarbart", "ar1", "brist"), "underskoterska",
							Map.of("nu", "hallbart", "ar1", "hallbart")),
					Map.of("sjukskoterska", "Svårt att rekrytera till nattpass.")));
		assertThat(this.responses.answerChannels(sendOut).get(submitted.id()).values()).containsOnly(Channel.WEB);

		// changed after submitting, until the deadline
		browser.open(link(sendOut, mats));
		assertThat(browser.text()).contains("Du skickade in dina svar 2026-12-02");
		browser.click("Se och ändra dina svar");
		browser.click("Ändra svaret på fråga 1");
		assertThat(browser.find(By.id("f-status-sadar")).isSelected()).isTrue();
		browser.choose("Bra");
		browser.click("Spara och fortsätt");
		ResponseState changed = this.responses.find(sendOut, mats.id()).orElseThrow();
		assertThat(changed.isSubmitted()).isTrue();
		assertThat(changed.step(StepKey.of("status")).orElseThrow().answer())
			.isEqualTo(new AnswerValue.ChoiceAnswer("bra", "Två av fyra utbildningar är klara."));
	}

	@Test
	void answersGivenByEmailAreShownOnTheOnePageFormAndCanBeChanged() {
		SendOutId sendOut = define("webb-epost", "degerfors");
		Person anders = person("anders.bjork@example.org");
		ResponseState started = this.responses.startOrResume(sendOut, anders.id(), Channel.EMAIL);
		this.responses.answer(started.id(), StepKey.of("status"), new AnswerValue.ChoiceAnswer("daligt"),
				Source.of(Channel.EMAIL, "<reply-1@example.org>"));

		browser.open(link(sendOut, anders));
		assertThat(browser.text()).contains("Du har svarat på 1 av 5 frågor");
		browser.click("Visa alla frågor på en sida");
		assertThat(browser.find(By.id("f-status-daligt")).isSelected()).isTrue();

		// a matrix rated in part: the problem is listed at the top, linked to the matrix,
		// and what was chosen elsewhere on the page is kept
		browser.choose("Bra");
		browser.choose("Hållbart");
		cell("sjukskoterska", "nu", "sarbart");
		browser.click("Spara och granska");
		assertThat(browser.text()).contains("Det finns fel på sidan").contains("Bedömning saknas för");
		browser.assertAccessible("all-error");
		assertThat(browser.find(By.id("f-status-bra")).isSelected()).isTrue();
		assertThat(browser.find(By.id("f-bedomning-sjukskoterska-nu-sarbart")).isSelected()).isTrue();
		assertThat(browser.findAll(By.cssSelector(".error-summary li"))).hasSize(1);

		browser.choose("Introduktionsutbildning");
		for (String row : List.of("sjukskoterska", "underskoterska")) {
			for (String period : List.of("nu", "ar1")) {
				cell(row, period, "hallbart");
			}
		}
		browser.click("Spara och granska");
		assertThat(browser.text()).contains("Granska dina svar").contains("Bra").doesNotContain("Dåligt");
		browser.click("Skicka in svaren");

		ResponseState after = this.responses.find(sendOut, anders.id()).orElseThrow();
		assertThat(after.isSubmitted()).isTrue();
		assertThat(this.responses.history(after.id()))
			.anyMatch(entry -> entry.channel() == Channel.EMAIL && StepKey.of("status").equals(entry.step()))
			.anyMatch(entry -> entry.channel() == Channel.WEB && StepKey.of("status").equals(entry.step()));
	}

	@Test
	void aPersonWhoChoseEnglishAnswersInEnglish() {
		SendOutId sendOut = define("webb-nora", "nora");
		Person daniel = person("daniel.strom@example.org");

		browser.open(link(sendOut, daniel));
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.text()).contains("Hello Daniel Ström!").contains("Web trial");
		browser.assertAccessible("start-en");
		browser.click("Answer one question at a time");
		browser.click("Save and continue");
		assertThat(browser.text()).contains("There is a problem").contains("Answer the question.");
		browser.assertAccessible("question-error-en");
		browser.click("Show all questions on one page");
		browser.assertAccessible("all-en");
	}

	@Test
	void aReplacedLinkSaysSoAndSendsANewOneInSwedishAndEnglish() {
		SendOutId sendOut = define("webb-ny-lank", "degerfors");
		Person mats = person("mats.oberg@example.org");
		String revoked = link(sendOut, mats);
		this.links.revoke(sendOut, mats.id());

		browser.open(revoked);
		assertThat(browser.text()).contains("Länken har dragits tillbaka").doesNotContain("Mats");
		browser.assertAccessible("link-revoked");
		browser.assertReflowsAt320("link-revoked");
		browser.click("Skicka en ny länk");
		assertThat(browser.text()).contains("Vi har skickat en ny länk till din e-post")
			.doesNotContain("mats.oberg@example.org");
		browser.assertAccessible("new-link-sent");
		browser.open(revoked);
		browser.click("Skicka en ny länk");
		assertThat(browser.text()).contains("Vi har redan skickat en ny länk till din e-post");
		browser.assertAccessible("new-link-limited");

		SendOutId english = define("webb-ny-lank-en", "nora");
		Person daniel = person("daniel.strom@example.org");
		String replaced = link(english, daniel);
		this.links.revoke(english, daniel.id());
		String superseded = link(english, daniel);
		browser.open(replaced);
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.text()).contains("The link has been withdrawn");
		browser.assertAccessible("link-revoked-en");
		browser.click("Send a new link");
		assertThat(browser.text()).contains("We have sent a new link to your email");
		browser.assertAccessible("new-link-sent-en");
		browser.open(superseded);
		assertThat(browser.text()).contains("The link has been replaced by a newer one");
		browser.assertAccessible("link-superseded-en");

		this.clock.set(Stockholm.at(2026, 12, 19, 9, 0));
		browser.open(replaced);
		assertThat(browser.text()).contains("The time to answer has passed").doesNotContain("Send a new link");
		browser.assertAccessible("closed-en");
	}

	@Test
	void theKeyboardAloneAnswersAQuestion() {
		SendOutId sendOut = define("webb-tangentbord", "degerfors");
		Person mats = person("mats.oberg@example.org");
		browser.open(link(sendOut, mats).concat("/fraga/status"));

		Actions keys = new Actions(browser.driver());
		keys.sendKeys(Keys.TAB).perform();
		assertThat(active().getAttribute("textContent")).isEqualTo("Hoppa till innehållet");
		WebElement radio = tabUntil(element -> "radio".equals(element.getAttribute("type")));
		keys.sendKeys(Keys.SPACE).perform();
		assertThat(radio.isSelected()).isTrue();
		tabUntil(element -> "Spara och fortsätt".equals(element.getText()));
		keys.sendKeys(Keys.ENTER).perform();

		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until(driver -> driver.getPageSource().contains("Fråga 2 av 5"));
		assertThat(this.responses.find(sendOut, mats.id())
			.orElseThrow()
			.step(StepKey.of("status"))
			.orElseThrow()
			.isAnswered()).isTrue();
	}

	private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted) {
		for (int i = 0; i < 40; i++) {
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

	private void cell(String row, String period, String level) {
		browser.find(By.id("f-bedomning-" + row + "-" + period + "-" + level)).click();
	}

	private SendOutId define(String id, String organisation) {
		return Stockholm.round(this.sendOuts, id, "Webbprov " + organisation, "webbprov", organisation);
	}

	private Person person(String email) {
		return this.directory.personByEmail(email).orElseThrow();
	}

	private String link(SendOutId sendOut, Person person) {
		String link = this.links.linkFor(sendOut, person.id());
		return "http://localhost:" + this.port + link.substring(link.indexOf("/svar/"));
	}

}
