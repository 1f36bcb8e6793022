package se.samla.web.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Starts a project lead's session, whichever way they signed in (a one-time link, or
 * Microsoft Entra ID): the same principal, named by the person's address, so that every
 * action on the pages is recorded with who did it the same way; the sign-in itself is
 * recorded too.
 */
class LeadSessions {

	private final LeadAudit audit;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	LeadSessions(LeadAudit audit) {
		this.audit = audit;
	}

	/**
	 * Signs {@code who} in, in a session of a new id (no fixation).
	 * @param how how they proved who they are, for the audit
	 */
	void start(String who, String how, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null,
				List.of(new SimpleGrantedAuthority(LeadPages.ROLE))));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.audit.record(who, "sign-in", null, how);
	}

}
