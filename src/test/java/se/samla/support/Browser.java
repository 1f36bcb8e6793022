package se.samla.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the web tests: Debian's Chromium, headless, driven by its
 * ChromeDriver (installed by {@code scripts/install-browser} where missing, so the tests
 * need nothing installed by hand). Checks pages with axe-core at WCAG 2.1 A and AA, keeps
 * a screenshot of each page checked in {@code target/screenshots}, and checks reflow at
 * 320 CSS pixels.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static boolean installed;

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** Starts a headless Chromium, installing it first where it is missing. */
	public static Browser start() {
		ensureInstalled();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=sv-SE");
		// as a Swedish user's browser asks for pages: headless Chromium sends en-US
		// whatever --lang says
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "sv-SE,sv,en"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver);
	}

	private static synchronized void ensureInstalled() {
		// the leads' pages show charts
		Fonts.ensureInstalled();
		if (installed || (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())) {
			installed = true;
			return;
		}
		try {
			Process install = new ProcessBuilder("scripts/install-browser").inheritIO().start();
			if (install.waitFor() != 0) {
				throw new IllegalStateException("scripts/install-browser could not install Chromium");
			}
			installed = true;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run scripts/install-browser", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public String title() {
		return this.driver.getTitle();
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** Clicks the button or link whose visible text is exactly the given one. */
	public void click(String text) {
		List<WebElement> candidates = this.driver.findElements(
				By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
		assertThat(candidates).as("a button or link '%s' on %s", text, this.driver.getCurrentUrl()).isNotEmpty();
		WebElement page = this.driver.findElement(By.tagName("html"));
		candidates.get(0).click();
		awaitNewPage(page);
	}

	/** Waits until the page that was shown has been replaced by the next one, loaded. */
	private void awaitNewPage(WebElement previous) {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		wait.until(driver -> {
			try {
				previous.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				// stale, or no longer in any document: the next page replaced it
				return true;
			}
		});
		wait.until(
				driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Checks the radio button or box labelled with the text (within the element, if
	 * given).
	 */
	public void choose(String label) {
		WebElement labelled = this.driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
		this.driver.findElement(By.id(labelled.getAttribute("for"))).click();
	}

	/** Types into the input or text area labelled (or named) so. */
	public void type(By field, String text) {
		WebElement element = this.driver.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Runs axe-core on the page, asserts no violation at WCAG 2.0/2.1 A and AA, and keeps
	 * a screenshot named for the page.
	 */
	public void assertAccessible(String name) {
		screenshot(name);
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		assertThat(results.getViolations())
			.as("axe-core violations on %s (%s):%n%s", name, this.driver.getCurrentUrl(),
					describe(results.getViolations()))
			.isEmpty();
		assertThat(results.getPasses()).as("axe-core ran its rules on %s", name).isNotEmpty();
	}

	/** Asserts the page reflows at 320 CSS pixels: nothing to scroll sideways. */
	public void assertReflowsAt320(String name) {
		Dimension before = this.driver.manage().window().getSize();
		try {
			this.driver.manage().window().setSize(new Dimension(320 + chromeWidth(), 800));
			long width = (Long) ((JavascriptExecutor) this.driver)
				.executeScript("return document.documentElement.scrollWidth;");
			long viewport = (Long) ((JavascriptExecutor) this.driver)
				.executeScript("return document.documentElement.clientWidth;");
			screenshot(name + "-320px");
			assertThat(width).as("page width at a %d px viewport on %s", viewport, name).isLessThanOrEqualTo(viewport);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	private int chromeWidth() {
		long outer = (Long) ((JavascriptExecutor) this.driver).executeScript("return window.outerWidth;");
		long inner = (Long) ((JavascriptExecutor) this.driver).executeScript("return window.innerWidth;");
		return (int) Math.max(0, outer - inner);
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes()
						.stream()
						.map(node -> String.valueOf(node.getTarget()))
						.collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
