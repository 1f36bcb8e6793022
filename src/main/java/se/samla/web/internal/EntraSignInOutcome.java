package se.samla.web.internal;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * How a Microsoft sign-in ends. Let in: the same session a sign-in link starts, recorded.
 * Not: a Swedish page saying what happened (a person who may not sign in gets 403), and a
 * WARN with the reason: the error's code, Entra's AADSTS codes and Spring's description
 * of a check that failed, never a name or an address.
 */
class EntraSignInOutcome implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	/** The ID token is of another tenant than the registration's. */
	static final String WRONG_TENANT = "wrong_tenant";

	/** The person is neither a project lead nor an operator. */
	static final String NOT_ALLOWED = "not_allowed";

	/** The registration's certificate could not sign the client assertion. */
	static final String NO_ASSERTION = "client_assertion_failed";

	/** The request attribute naming the {@link Failure} for the page. */
	static final String FAILURE = EntraSignInOutcome.class.getName() + ".failure";

	/**
	 * The page a failure is shown on (a forward, so the reason is not in the address).
	 */
	static final String FAILURE_PAGE = "/logga-in/misslyckades";

	private static final Logger log = LoggerFactory.getLogger(EntraSignInOutcome.class);

	private static final Set<String> STATE = Set.of("authorization_request_not_found", "invalid_state_parameter",
			"client_registration_not_found");

	private static final Set<String> TOKEN = Set.of("invalid_id_token", "invalid_nonce", "missing_signature_verifier");

	private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

	private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+");

	private final LeadSessions sessions;

	EntraSignInOutcome(LeadSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String tenant = registrationId(request);
		this.sessions.start(authentication.getName(), "Microsoft Entra ID, tenant " + tenant, request, response);
		log.info("A project lead signed in with Entra ID (tenant {})", tenant);
		response.sendRedirect(request.getContextPath() + "/projektledning");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		Failure failure = failure(exception);
		String tenant = registrationId(request);
		if (failure == Failure.NOT_ALLOWED) {
			log.warn("Sign-in with Entra ID refused (tenant {}): not a project lead or operator", tenant);
		}
		else {
			log.warn("Sign-in with Entra ID failed (tenant {}): {}", tenant, reason(exception));
		}
		request.setAttribute(FAILURE, failure);
		request.getRequestDispatcher(FAILURE_PAGE).forward(request, response);
	}

	static Failure failure(AuthenticationException exception) {
		if (!(exception instanceof OAuth2AuthenticationException oauth)) {
			// the start failed: a client of no tenant's, or the discovery document
			return (exception.getCause() instanceof EntraSignIn.Undiscovered) ? Failure.UNREACHABLE : Failure.STATE;
		}
		String code = oauth.getError().getErrorCode();
		if ("invalid_token_response".equals(code)) {
			return Failure.UNREACHABLE;
		}
		if (NOT_ALLOWED.equals(code)) {
			return Failure.NOT_ALLOWED;
		}
		if (WRONG_TENANT.equals(code)) {
			return Failure.WRONG_TENANT;
		}
		if (STATE.contains(code)) {
			return Failure.STATE;
		}
		if (TOKEN.contains(code) || NO_ASSERTION.equals(code)) {
			return Failure.UNCHECKED;
		}
		// Entra's own refusals: access_denied, invalid_grant, invalid_client, ...
		return Failure.REFUSED;
	}

	/**
	 * The error's code and what may be logged of its description: Entra's descriptions
	 * can name the account (AADSTS50020 does), so only their AADSTS codes.
	 */
	static String reason(AuthenticationException exception) {
		if (!(exception instanceof OAuth2AuthenticationException oauth)) {
			Throwable cause = (exception.getCause() != null) ? exception.getCause() : exception;
			return (cause instanceof EntraSignIn.Undiscovered) ? cause.getMessage()
					: "the sign-in could not start (" + cause.getClass().getSimpleName() + ")";
		}
		OAuth2Error error = oauth.getError();
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		Matcher codes = AADSTS.matcher(description);
		if (codes.find()) {
			StringBuilder reason = new StringBuilder(error.getErrorCode()).append(" (").append(codes.group());
			while (codes.find()) {
				reason.append(", ").append(codes.group());
			}
			return reason.append(')').toString();
		}
		String safe = ADDRESS.matcher(description).replaceAll("[address]");
		safe = (safe.length() > 300) ? safe.substring(0, 300) + "…" : safe;
		return error.getErrorCode() + (safe.isEmpty() ? "" : ": " + safe);
	}

	/** The tenant of a callback or start address ({@code …/{registrationId}}), if any. */
	private static String registrationId(HttpServletRequest request) {
		String uri = request.getRequestURI();
		int slash = uri.lastIndexOf('/');
		String last = uri.substring(slash + 1);
		return (uri.contains("/oauth2/") && last.matches("[0-9a-f-]{36}")) ? last : "unknown";
	}

	/** What the person is told. */
	enum Failure {

		/** Entra refused (the person cancelled, the app is not consented, ...). */
		REFUSED,

		/** No sign-in was started in this browser, or it expired. */
		STATE,

		/** The account is of another organisation's tenant. */
		WRONG_TENANT,

		/** The answer from Entra did not pass its checks. */
		UNCHECKED,

		/** Entra could not be reached. */
		UNREACHABLE,

		/** Not a project lead or operator: 403. */
		NOT_ALLOWED

	}

}
