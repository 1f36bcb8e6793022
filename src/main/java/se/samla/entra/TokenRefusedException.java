package se.samla.entra;

/**
 * Entra refused a registration's token request, or could not be reached. The message
 * names the tenant and the reason, never a secret.
 */
public class TokenRefusedException extends RuntimeException {

	private final transient Registration registration;

	private final String reason;

	public TokenRefusedException(Registration registration, String reason, Throwable cause) {
		super("Entra gave no token to app " + registration.appId() + " in tenant " + registration.tenantId() + ": "
				+ reason, cause);
		this.registration = registration;
		this.reason = reason;
	}

	public Registration registration() {
		return this.registration;
	}

	public String reason() {
		return this.reason;
	}

}
