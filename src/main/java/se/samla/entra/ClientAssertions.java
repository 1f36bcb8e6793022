package se.samla.entra;

/**
 * Client assertions signed with a registration's certificate (a JWT, RFC 7523's
 * {@code private_key_jwt}), for token requests of other flows than client credentials:
 * the project leads' sign-in redeems its authorization code with one. The same signer as
 * {@link AccessTokens}' own requests, so a certificate is read once and signed the way
 * Entra asks for.
 */
public interface ClientAssertions {

	/** The {@code client_assertion_type} that goes with an assertion. */
	String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	/**
	 * A fresh assertion by the registration's certificate for a request to the token
	 * endpoint (its audience).
	 * @throws TokenRefusedException when the registration has no certificate, or it
	 * cannot be used, with the reason
	 */
	String assertion(Registration registration, String tokenEndpoint);

}
