package se.samla.teams;

import java.time.Instant;
import java.util.List;

/**
 * How the bot stands with each tenant, for operators: the registrations it signs in as,
 * and what keeps it from a tenant (a refused token, people in a tenant without a
 * registration, activities refused, Samla's app refused installation), with the reasons.
 * The people concerned are reached by email meanwhile.
 *
 * @param registrations one per tenant
 * @param problems what went wrong, per tenant and kind, with the latest reason
 */
public record TeamsStatus(List<RegistrationLine> registrations, List<Problem> problems) {

	/**
	 * A registration as operators may see it (never its secret).
	 *
	 * @param tenantId the tenant
	 * @param appId the app (client) id
	 * @param credential {@code client secret} or {@code certificate FILE}
	 * @param organisations the directory's organisations it serves
	 * @param servesEveryone whether it also serves tenants without a registration (the
	 * older single-registration settings)
	 */
	public record RegistrationLine(String tenantId, String appId, String credential, List<String> organisations,
			boolean servesEveryone) {
	}

	/**
	 * What keeps the bot from a tenant.
	 *
	 * @param tenantId the tenant
	 * @param kind {@code TOKEN_REFUSED}, {@code NO_REGISTRATION},
	 * {@code ACTIVITY_REFUSED} or {@code APP_NOT_INSTALLED}
	 * @param reason the latest reason (Entra's, the Bot Connector's, or why an activity
	 * was refused)
	 * @param occurrences how often it happened
	 * @param firstAt when first
	 * @param lastAt when last
	 */
	public record Problem(String tenantId, String kind, String reason, long occurrences, Instant firstAt,
			Instant lastAt) {
	}

}
