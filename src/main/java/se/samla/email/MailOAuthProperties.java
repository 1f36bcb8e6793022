package se.samla.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in to the mail server with OAuth 2.0 (SASL XOAUTH2) instead of a password, as
 * Exchange Online requires: the access token comes from Entra by the client-credentials
 * flow (scope {@code https://outlook.office365.com/.default}) and is given as the
 * password of the IMAP mailbox and the SMTP sender. Without a tenant id, passwords are
 * used ({@code samla.email.imap.password}, {@code spring.mail.password}).
 *
 * @param tenantId the tenant of the mailbox; with only this, the registration of that
 * tenant in {@code samla.entra.registrations} (the bot's) is used
 * @param appId an app registration of its own for mail, instead of the tenant's
 * registration in {@code samla.entra.registrations}
 * @param clientSecret that registration's client secret; a secret, so given by
 * environment
 * @param certificate or that registration's certificate (PEM or PKCS#12 file)
 * @param certificatePassword the PKCS#12 file's password, if it has one
 */
@ConfigurationProperties("samla.email.oauth")
public record MailOAuthProperties(String tenantId, String appId, String clientSecret, String certificate,
		String certificatePassword) {

	public MailOAuthProperties {
		tenantId = blankToNull(tenantId);
		appId = blankToNull(appId);
	}

	/** Whether mail signs in with tokens rather than passwords. */
	public boolean enabled() {
		return this.tenantId != null;
	}

	@Override
	public String toString() {
		// never the secret
		return "MailOAuthProperties[tenant=" + this.tenantId + ", app=" + this.appId + "]";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
