package se.samla.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import se.samla.directory.Directory;
import se.samla.directory.Person;
import se.samla.entra.Registration;

/**
 * Who a Microsoft sign-in is, from its ID token alone (already checked by Spring: the
 * tenant's signature, issuer, audience, nonce and lifetime; Microsoft Graph is not
 * asked). The token must be of the registration's own tenant ({@code tid}). The person is
 * the directory's person with the token's object id ({@code oid}) in that tenant; else
 * the one with its address ({@code preferred_username}, or {@code email} when Entra says
 * its domain is verified) in an organisation the registration serves, so that one tenant
 * cannot vouch for another's people; or a configured operator by that address. Only
 * project leads and operators get in, named by their address as a sign-in link names
 * them.
 */
class EntraLeads implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The claim of the signed-in principal that holds whom Samla let in. */
	static final String LEAD = "samla_lead";

	private final EntraSignIn signIn;

	private final SignIn leads;

	private final Directory directory;

	private final LeadAudit audit;

	EntraLeads(EntraSignIn signIn, SignIn leads, Directory directory, LeadAudit audit) {
		this.signIn = signIn;
		this.leads = leads;
		this.directory = directory;
		this.audit = audit;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcIdToken token = request.getIdToken();
		Registration registration = this.signIn.registration(request.getClientRegistration().getRegistrationId())
			.orElseThrow(() -> failure(EntraSignInOutcome.WRONG_TENANT, "no registration for this client"));
		String tenant = token.getClaimAsString("tid");
		if (tenant == null || !tenant.equalsIgnoreCase(registration.tenantId())) {
			throw failure(EntraSignInOutcome.WRONG_TENANT, "the ID token's tid is not the registration's tenant");
		}
		Optional<String> lead = lead(registration, token);
		if (lead.isEmpty()) {
			this.audit.record(who(token), "sign-in-refused", null, "Microsoft Entra ID, tenant " + tenant);
			throw failure(EntraSignInOutcome.NOT_ALLOWED, "neither a project lead of the directory nor an operator");
		}
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(LeadPages.ROLE)), token,
				new OidcUserInfo(Map.of(LEAD, lead.get())), LEAD);
	}

	private Optional<String> lead(Registration registration, OidcIdToken token) {
		String tenant = registration.tenantId().toLowerCase(Locale.ROOT);
		String objectId = token.getClaimAsString("oid");
		Optional<Person> byObjectId = (objectId != null)
				? this.directory.personByEntraId(objectId)
					.filter(person -> person.teams() != null && person.teams().tenantId().equals(tenant))
				: Optional.empty();
		if (byObjectId.filter(SignIn::isLead).isPresent()) {
			return byObjectId.map(EntraLeads::name);
		}
		for (String address : addresses(token)) {
			if (this.leads.isOperator(address)) {
				return Optional.of(address);
			}
		}
		if (byObjectId.isPresent()) {
			// the token's person is known, and is not a project lead
			return Optional.empty();
		}
		for (String address : addresses(token)) {
			Optional<Person> person = this.directory.personByEmail(address)
				.filter(p -> registration.serves(p.organisation().value()));
			if (person.isPresent()) {
				return person.filter(SignIn::isLead).map(EntraLeads::name);
			}
		}
		return Optional.empty();
	}

	/**
	 * The token's addresses: the user principal name, and the {@code email} claim only
	 * when Entra vouches for its domain ({@code xms_edov}, an optional claim) or says it
	 * is verified: an administrator may set any {@code mail} on a user.
	 */
	private static List<String> addresses(OidcIdToken token) {
		List<String> addresses = new ArrayList<>();
		String username = token.getClaimAsString("preferred_username");
		if (username != null && username.contains("@")) {
			addresses.add(username.strip().toLowerCase(Locale.ROOT));
		}
		String email = token.getClaimAsString("email");
		boolean verified = Boolean.TRUE.equals(token.getClaimAsBoolean("xms_edov"))
				|| Boolean.TRUE.equals(token.getEmailVerified());
		if (email != null && email.contains("@") && verified) {
			String address = email.strip().toLowerCase(Locale.ROOT);
			if (!addresses.contains(address)) {
				addresses.add(address);
			}
		}
		return addresses;
	}

	private static String name(Person person) {
		return (person.email() != null) ? person.email() : person.name();
	}

	/** Who was refused, for the audit: an address, else the object id. */
	private static String who(OidcIdToken token) {
		List<String> addresses = addresses(token);
		if (!addresses.isEmpty()) {
			return addresses.get(0);
		}
		String objectId = token.getClaimAsString("oid");
		return "entra:" + ((objectId != null) ? objectId : token.getSubject());
	}

	private static OAuth2AuthenticationException failure(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}

}
