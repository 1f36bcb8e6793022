package se.samla.teams.internal;

import java.util.ArrayList;
import java.util.List;

import se.samla.entra.AccessTokens;
import se.samla.entra.Registration;
import se.samla.entra.TokenProblem;
import se.samla.teams.TeamsStatus;
import se.samla.teams.TeamsStatus.Problem;
import se.samla.teams.TeamsStatus.RegistrationLine;
import se.samla.teams.TeamsTenants;

/**
 * The registrations and what keeps the bot from a tenant: the problems the service
 * recorded, and the refusals this process's token client met (for other scopes too).
 */
class TenantStatus implements TeamsTenants {

	private final BotRegistrations registrations;

	private final TenantProblems problems;

	private final AccessTokens tokens;

	TenantStatus(BotRegistrations registrations, TenantProblems problems, AccessTokens tokens) {
		this.registrations = registrations;
		this.problems = problems;
		this.tokens = tokens;
	}

	@Override
	public TeamsStatus status() {
		List<RegistrationLine> lines = this.registrations.all()
			.stream()
			.map(r -> new RegistrationLine(r.tenantId(), r.appId(), credential(r), r.organisations(),
					this.registrations.servesEveryone(r)))
			.toList();
		List<Problem> problems = new ArrayList<>();
		for (Problem problem : this.problems.all()) {
			// a tenant given a registration since is no longer without one
			boolean registered = problem.kind().equals(TenantProblems.Kind.NO_REGISTRATION.name())
					&& this.registrations.all()
						.stream()
						.anyMatch(r -> r.tenantId().equalsIgnoreCase(problem.tenantId()));
			if (!registered) {
				problems.add(problem);
			}
		}
		for (TokenProblem refused : this.tokens.problems()) {
			boolean known = problems.stream()
				.anyMatch(p -> p.tenantId().equalsIgnoreCase(refused.tenantId()) && p.kind().equals("TOKEN_REFUSED")
						&& AccessTokens.BOT_CONNECTOR.equals(refused.scope()));
			if (!known) {
				problems.add(new Problem(refused.tenantId(), "TOKEN_REFUSED", refused.scope() + ": " + refused.reason(),
						1, refused.at(), refused.at()));
			}
		}
		return new TeamsStatus(lines, problems);
	}

	private static String credential(Registration registration) {
		return (registration.certificate() != null) ? "certificate " + registration.certificate() : "client secret";
	}

}
