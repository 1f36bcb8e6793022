package se.samla.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project lead signed in to the leads' pages in the browser, by the one-time link the
 * local mail server receives; and requests made with the browser's session, for what a
 * browser downloads rather than shows.
 */
public final class LeadSignIn {

	private static final Pattern LINK = Pattern.compile("http://\\S+(/logga-in/[A-Za-z0-9_-]{43})");

	private LeadSignIn() {
	}

	/** Signs the address in, unless the browser already is. */
	public static void signIn(Browser browser, GreenMail mail, String base, String address) throws Exception {
		signIn(browser, mail, base, address, "Inloggad som ");
	}

	/**
	 * Signs the address in, unless the browser already is, and expects its pages to say
	 * so in the lead's language ("Signed in as ").
	 */
	public static void signIn(Browser browser, GreenMail mail, String base, String address, String signedInAs)
			throws Exception {
		browser.open(base + "/projektledning");
		if (!browser.driver().getCurrentUrl().endsWith("/logga-in")) {
			return;
		}
		int before = mail.getReceivedMessagesForDomain(address).length;
		browser.type(By.id("epost"), address);
		browser.click("Skicka inloggningslänk");
		browser.open(base + linkPath(mail, address, before));
		browser.click("Logga in");
		browser.open(base + "/projektledning/granskning");
		assertThat(browser.text()).contains(signedInAs + address);
	}

	/**
	 * The path ({@code /logga-in/…}) of the newest sign-in link mailed to the address,
	 * waiting up to five seconds for a message after the first {@code before}.
	 */
	public static String linkPath(GreenMail mail, String address, int before) throws InterruptedException {
		long until = System.currentTimeMillis() + 5000;
		while (mail.getReceivedMessagesForDomain(address).length <= before && System.currentTimeMillis() < until) {
			Thread.sleep(50);
		}
		String link = null;
		for (MimeMessage message : mail.getReceivedMessagesForDomain(address)) {
			Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
			if (matcher.find()) {
				link = matcher.group(1);
			}
		}
		assertThat(link).as("a sign-in link for %s", address).isNotNull();
		return link;
	}

	/** A GET with the browser's session cookie, redirects not followed. */
	public static HttpResponse<byte[]> get(Browser browser, String url) throws IOException, InterruptedException {
		Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session.getValue());
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
