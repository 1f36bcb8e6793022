package se.samla.teams.internal;

import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;

import se.samla.entra.AccessTokens;
import se.samla.entra.Registration;

/**
 * One registration's token for the Bot Connector, in the shape the SDK's connector client
 * asks for it; the token itself comes from {@link AccessTokens} (the registration's
 * tenant, cached and renewed there).
 * <p>
 * Why not the SDK's own: its MSAL client insists on Microsoft's hosts and discovery, so
 * it can be pointed neither at a single-tenant endpoint we choose nor at a test server.
 */
class BotToken extends MicrosoftAppCredentials {

	private final AccessTokens tokens;

	private final Registration registration;

	BotToken(AccessTokens tokens, Registration registration) {
		// the SDK's own token client is never asked: no secret is handed to it
		super(registration.appId(), null);
		this.tokens = tokens;
		this.registration = registration;
	}

	@Override
	public CompletableFuture<String> getToken() {
		try {
			return CompletableFuture.completedFuture(current());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * The token, from the cache while it is valid.
	 * @throws se.samla.entra.TokenRefusedException when Entra gives none
	 */
	String current() {
		return this.tokens.token(this.registration, AccessTokens.BOT_CONNECTOR);
	}

	/** The Bot Connector refused the token: the next request asks Entra again. */
	void rejected() {
		this.tokens.rejected(this.registration, AccessTokens.BOT_CONNECTOR);
	}

	Registration registration() {
		return this.registration;
	}

}
