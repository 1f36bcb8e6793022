package se.samla.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import se.samla.directory.Directory;
import se.samla.directory.Organisation;
import se.samla.entra.ClientAssertions;
import se.samla.entra.EntraProperties;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.Registration;
import se.samla.entra.TokenRefusedException;
import se.samla.web.WebProperties;

/**
 * Project leads' sign-in with Microsoft Entra ID: one OpenID Connect client per tenant
 * whose registration has web sign-in on, built from Samla's own registrations (the app id
 * and its secret or certificate). A client's endpoints and keys come from its tenant's
 * discovery document, {@code {authority}{tenant}/v2.0/.well-known/openid-configuration},
 * read on the first sign-in rather than at start-up, so that Samla starts while Entra
 * cannot be reached; the issuer it names must be the tenant's own.
 */
class EntraSignIn implements ClientRegistrationRepository {

	/**
	 * Where a sign-in starts: {@code /logga-in/oauth2/authorization/{registrationId}}.
	 */
	static final String AUTHORIZATION = "/logga-in/oauth2/authorization";

	/**
	 * Where Entra sends the person back: {@code /logga-in/oauth2/code/{registrationId}}.
	 */
	static final String REDIRECTION = "/logga-in/oauth2/code/";

	private final List<Registration> registrations;

	private final EntraProperties entra;

	private final WebProperties web;

	private final Directory directory;

	private final ClientAssertions assertions;

	private final Map<String, ClientRegistration> clients = new ConcurrentHashMap<>();

	EntraSignIn(EntraRegistrations registrations, EntraProperties entra, WebProperties web, Directory directory,
			ClientAssertions assertions) {
		this.registrations = registrations.all().stream().filter(Registration::webSignIn).toList();
		this.entra = entra;
		this.web = web;
		this.directory = directory;
		this.assertions = assertions;
	}

	/** Whether any tenant's people may sign in with Microsoft. */
	boolean enabled() {
		return !this.registrations.isEmpty();
	}

	/**
	 * One button per tenant, named for the organisations it serves, in the order of the
	 * directory.
	 */
	List<Button> buttons() {
		return this.registrations.stream()
			.map(registration -> new Button(id(registration), AUTHORIZATION + "/" + id(registration),
					organisations(registration)))
			.toList();
	}

	/** The registration a client (by its registration id) signs in with. */
	Optional<Registration> registration(String registrationId) {
		return this.registrations.stream().filter(r -> id(r).equalsIgnoreCase(registrationId)).findFirst();
	}

	/** The address to register as the app's redirect URI (type Web) in Entra. */
	String redirectUri(Registration registration) {
		return this.web.baseUrl() + REDIRECTION + id(registration);
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		Registration registration = registration(registrationId).orElse(null);
		if (registration == null) {
			return null;
		}
		// a failed discovery is not kept: the next sign-in asks again
		return this.clients.computeIfAbsent(id(registration), id -> client(registration));
	}

	private ClientRegistration client(Registration registration) {
		boolean certificate = registration.certificate() != null;
		ClientRegistration.Builder discovered;
		try {
			discovered = ClientRegistrations.fromOidcIssuerLocation(issuer(registration));
		}
		catch (RuntimeException ex) {
			throw new Undiscovered("the discovery document of " + issuer(registration) + " could not be read ("
					+ ex.getClass().getSimpleName() + ")", ex);
		}
		return discovered.registrationId(id(registration))
			.clientName(organisations(registration))
			.clientId(registration.appId())
			.clientSecret(certificate ? null : registration.clientSecret())
			.clientAuthenticationMethod(certificate ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
					: ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri(registration))
			.scope("openid", "profile", "email")
			.userNameAttributeName("sub")
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
	}

	/** The tenant's issuer, as its ID tokens name it. */
	String issuer(Registration registration) {
		return this.entra.authority() + registration.tenantId() + "/v2.0";
	}

	/**
	 * The client assertion of a registration with a certificate, for redeeming the
	 * authorization code ({@code private_key_jwt}); nothing for one with a secret, which
	 * Spring sends itself.
	 */
	MultiValueMap<String, String> clientAssertion(OAuth2AuthorizationCodeGrantRequest grant) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		ClientRegistration client = grant.getClientRegistration();
		if (!ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(client.getClientAuthenticationMethod())) {
			return parameters;
		}
		Registration registration = registration(client.getRegistrationId()).orElseThrow();
		try {
			parameters.add("client_assertion_type", ClientAssertions.JWT_BEARER);
			parameters.add("client_assertion",
					this.assertions.assertion(registration, client.getProviderDetails().getTokenUri()));
			return parameters;
		}
		catch (TokenRefusedException ex) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(EntraSignInOutcome.NO_ASSERTION, ex.reason(), null));
		}
	}

	private String organisations(Registration registration) {
		List<String> names = this.directory.organisations()
			.stream()
			.filter(organisation -> registration.serves(organisation.id().value()))
			.map(Organisation::name)
			.toList();
		if (names.isEmpty()) {
			names = registration.organisations();
		}
		return names.isEmpty() ? registration.tenantId() : String.join(", ", names);
	}

	private static String id(Registration registration) {
		return registration.tenantId().toLowerCase(Locale.ROOT);
	}

	/** The tenant's discovery document could not be read, or named another issuer. */
	static final class Undiscovered extends RuntimeException {

		Undiscovered(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * A sign-in button.
	 *
	 * @param registrationId the client's id, the tenant's
	 * @param href where it starts
	 * @param organisation whose people it is for
	 */
	record Button(String registrationId, String href, String organisation) {
	}

}
