package se.samla.email.internal;

import java.util.List;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.samla.email.MailOAuthProperties;
import se.samla.entra.AccessTokens;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.Registration;
import se.samla.entra.TokenRefusedException;

/**
 * How Samla signs in to the mail server, for reading (IMAP) and sending (SMTP) alike:
 * with the configured password, or with an OAuth 2.0 access token by SASL XOAUTH2
 * (Exchange Online). Every connection asks for the token anew, so a connection opened
 * after the token was renewed gets the new one; a token the server refuses is forgotten
 * and the connection tried once more with a fresh one.
 */
@Component
class MailLogin {

	private static final Logger log = LoggerFactory.getLogger(MailLogin.class);

	private static final String XOAUTH2 = "XOAUTH2";

	private final Registration registration;

	private final AccessTokens tokens;

	MailLogin(MailOAuthProperties oauth, EntraRegistrations registrations, AccessTokens tokens) {
		this.registration = registration(oauth, registrations);
		this.tokens = tokens;
	}

	private static Registration registration(MailOAuthProperties oauth, EntraRegistrations registrations) {
		if (!oauth.enabled()) {
			return null;
		}
		if (oauth.appId() != null) {
			try {
				return new Registration(oauth.tenantId(), oauth.appId(), oauth.clientSecret(), oauth.certificate(),
						oauth.certificatePassword(), List.of(), false, null, false);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("samla.email.oauth: " + ex.getMessage(), ex);
			}
		}
		return registrations.forTenant(oauth.tenantId())
			.orElseThrow(() -> new IllegalStateException("samla.email.oauth.tenant-id is " + oauth.tenantId()
					+ ", but samla.entra.registrations has no registration of that tenant: add one there, or give"
					+ " samla.email.oauth.app-id with a client-secret or certificate"));
	}

	/** Whether mail signs in with access tokens. */
	boolean usesTokens() {
		return this.registration != null;
	}

	/**
	 * The session settings for a protocol ({@code imap}, {@code imaps}, {@code smtp},
	 * {@code smtps}): the given ones, with tokens also XOAUTH2 as the only mechanism
	 * (Jakarta Mail's own XOAUTH2 support takes the token as the password; naming the
	 * mechanism is what turns it on, no SASL provider is needed).
	 */
	Properties settings(Properties given, String protocol) {
		Properties settings = new Properties();
		settings.putAll(given);
		if (usesTokens()) {
			settings.setProperty("mail." + protocol + ".auth", "true");
			settings.setProperty("mail." + protocol + ".auth.mechanisms", XOAUTH2);
		}
		return settings;
	}

	/**
	 * Connects a store or transport as {@code user}: with the password, or with the
	 * current access token and, should the server refuse it, once more with a new one.
	 * @throws MessagingException also when Entra gives no token (with Entra's reason), so
	 * that callers treat it as the mail server being unavailable: tried again later,
	 * never a fault of the recipient or the message
	 */
	void connect(Service service, String host, int port, String user, String password) throws MessagingException {
		if (!usesTokens()) {
			service.connect(host, port, user, password);
			return;
		}
		try {
			service.connect(host, port, user, token());
		}
		catch (AuthenticationFailedException refused) {
			log.warn(
					"The mail server {} refused the access token of app {} in tenant {} for {} ({}); asking Entra"
							+ " for a new one",
					host, this.registration.appId(), this.registration.tenantId(), user, refused.getMessage());
			this.tokens.rejected(this.registration, AccessTokens.EXCHANGE_ONLINE);
			service.connect(host, port, user, token());
		}
	}

	private String token() throws MessagingException {
		try {
			return this.tokens.token(this.registration, AccessTokens.EXCHANGE_ONLINE);
		}
		catch (TokenRefusedException ex) {
			// Entra's reason only: never the secret, never a token
			throw new MessagingException("no access token for mail: " + ex.getMessage());
		}
	}

}
