package se.samla.entra;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One app registration in one Microsoft 365 tenant: what Samla signs in as there. Exactly
 * one credential is given, a client secret or a certificate (recommended by Microsoft
 * over secrets).
 *
 * @param tenantId the tenant's id (a GUID), or {@code botframework.com} for a
 * multi-tenant bot registered before July 2025
 * @param appId the application (client) id
 * @param clientSecret the client secret; a secret, so given by environment
 * @param certificate a PEM file holding the certificate and its PKCS#8 private key, or a
 * PKCS#12 file ({@code .p12}, {@code .pfx})
 * @param certificatePassword the PKCS#12 file's password, if it has one
 * @param organisations the directory's organisations (ids) whose people live in this
 * tenant
 * @param installApp whether Samla may install its Teams app for people of this tenant who
 * lack it (needs {@code TeamsAppInstallation.ReadWriteSelfForUser.All})
 * @param tokenUrl the token endpoint, when not the authority's
 * {@code {tenant}/oauth2/v2.0/token}
 * @param webSignIn whether the tenant's people may sign in to the project leads' pages
 * with their Microsoft account (OpenID Connect, by this registration); off by default
 */
public record Registration(String tenantId, String appId, String clientSecret, String certificate,
		String certificatePassword, List<String> organisations, @DefaultValue("false") boolean installApp,
		String tokenUrl, @DefaultValue("false") boolean webSignIn) {

	public Registration {
		tenantId = blankToNull(tenantId);
		appId = blankToNull(appId);
		clientSecret = blankToNull(clientSecret);
		certificate = blankToNull(certificate);
		certificatePassword = blankToNull(certificatePassword);
		tokenUrl = blankToNull(tokenUrl);
		organisations = (organisations != null)
				? organisations.stream().map(String::strip).map(o -> o.toLowerCase(Locale.ROOT)).toList() : List.of();
		if (tenantId == null) {
			throw new IllegalArgumentException("a registration needs its tenant-id");
		}
		if (appId == null) {
			throw new IllegalArgumentException("the registration of tenant " + tenantId + " needs its app-id");
		}
		if ((clientSecret == null) == (certificate == null)) {
			throw new IllegalArgumentException("the registration of tenant " + tenantId
					+ " needs exactly one credential: client-secret or certificate");
		}
	}

	/** A registration with a client secret, serving the given organisations. */
	public static Registration withSecret(String tenantId, String appId, String clientSecret, String... organisations) {
		return new Registration(tenantId, appId, clientSecret, null, null, List.of(organisations), false, null, false);
	}

	/** Whether this registration serves people of the organisation (by id). */
	public boolean serves(String organisation) {
		return organisation != null && this.organisations.contains(organisation.toLowerCase(Locale.ROOT));
	}

	/** The same registration with its token endpoint set. */
	public Registration withTokenUrl(String url) {
		return new Registration(this.tenantId, this.appId, this.clientSecret, this.certificate,
				this.certificatePassword, this.organisations, this.installApp, url, this.webSignIn);
	}

	/** The same registration, allowed or not to install the Teams app. */
	public Registration withInstallApp(boolean install) {
		return new Registration(this.tenantId, this.appId, this.clientSecret, this.certificate,
				this.certificatePassword, this.organisations, install, this.tokenUrl, this.webSignIn);
	}

	/** The same registration, with web sign-in for its tenant's people on or off. */
	public Registration withWebSignIn(boolean signIn) {
		return new Registration(this.tenantId, this.appId, this.clientSecret, this.certificate,
				this.certificatePassword, this.organisations, this.installApp, this.tokenUrl, signIn);
	}

	@Override
	public String toString() {
		// never the secret
		return "Registration[tenant=" + this.tenantId + ", app=" + this.appId + ", credential="
				+ ((this.certificate != null) ? "certificate " + this.certificate : "client secret") + "]";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
