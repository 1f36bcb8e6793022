package se.samla.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web pages, bound from {@code samla.web.*}.
 *
 * @param baseUrl where people reach Samla's pages, as written into the links in messages
 * (environment {@code SAMLA_WEB_BASE_URL}); https in production
 * @param linkKey the key personal links are derived from (base64, at least 32 bytes);
 * when not given, one is generated once and kept in the database, shared by every
 * instance
 * @param guesses how many unknown links one address may try within {@code guessWindow}
 * before it is refused for a while (429)
 * @param guessWindow the window of {@code guesses}
 * @param operators addresses of operators allowed into the project leads' pages besides
 * the directory's project leads
 * @param signInLifetime how long a sign-in link works
 * @param liveInterval how often the project leads' page fetches the figures again
 * @param emailSignIn whether project leads may sign in by a one-time link by email (the
 * embedded default); production with Entra sign-in for every tenant may turn it off
 */
@ConfigurationProperties("samla.web")
public record WebProperties(@DefaultValue("http://localhost:8080") String baseUrl, String linkKey,
		@DefaultValue("20") int guesses, @DefaultValue("15m") Duration guessWindow, List<String> operators,
		@DefaultValue("15m") Duration signInLifetime, @DefaultValue("10s") Duration liveInterval,
		@DefaultValue("true") boolean emailSignIn) {

	public WebProperties {
		operators = (operators != null)
				? operators.stream().map(o -> o.strip().toLowerCase(java.util.Locale.ROOT)).toList() : List.of();
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
