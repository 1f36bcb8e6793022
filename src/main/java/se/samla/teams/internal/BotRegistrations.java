package se.samla.teams.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.samla.entra.EntraRegistrations;
import se.samla.entra.Registration;
import se.samla.teams.TeamsProperties;

/**
 * The registrations the bot signs in as: one per tenant, since a single-tenant bot
 * reaches only its own tenant. The older settings {@code samla.teams.app-id} and
 * {@code app-password} make one more registration that serves every tenant without one of
 * its own, as the bot did before there were several.
 */
class BotRegistrations {

	/** The tenant of a multi-tenant bot registered before July 2025. */
	static final String MULTI_TENANT = "botframework.com";

	private final List<Registration> registrations;

	private final Registration servesEveryone;

	BotRegistrations(EntraRegistrations entra, TeamsProperties teams) {
		List<Registration> all = new ArrayList<>(entra.all());
		Registration single = single(teams);
		if (single != null && entra.forTenant(single.tenantId()).isEmpty()) {
			all.add(single);
		}
		this.registrations = List.copyOf(all);
		this.servesEveryone = (single != null) ? forTenantOnly(single.tenantId()).orElse(null) : null;
	}

	/**
	 * The registration {@code samla.teams.app-id} and its neighbours describe, if any.
	 */
	private static Registration single(TeamsProperties teams) {
		if (teams.appId() == null || teams.appId().isBlank()) {
			return null;
		}
		String tenant = (teams.tenantId() != null && !teams.tenantId().isBlank()) ? teams.tenantId() : MULTI_TENANT;
		return Registration.withSecret(tenant, teams.appId(), teams.appPassword()).withTokenUrl(teams.tokenUrl());
	}

	List<Registration> all() {
		return this.registrations;
	}

	boolean isEmpty() {
		return this.registrations.isEmpty();
	}

	/**
	 * The registration that speaks for the bot in a tenant: the tenant's own, else the
	 * one of the older settings (which serves everyone).
	 */
	Optional<Registration> forTenant(String tenantId) {
		Optional<Registration> own = (tenantId != null) ? forTenantOnly(tenantId) : Optional.empty();
		return own.isPresent() ? own : Optional.ofNullable(this.servesEveryone);
	}

	/** Whether the registration serves tenants without one of their own. */
	boolean servesEveryone(Registration registration) {
		return registration == this.servesEveryone;
	}

	/** A registration by its app id (the audience of a token), of whichever tenant. */
	Optional<Registration> forAppId(String appId) {
		return this.registrations.stream().filter(r -> r.appId().equalsIgnoreCase(appId)).findFirst();
	}

	private Optional<Registration> forTenantOnly(String tenantId) {
		return this.registrations.stream().filter(r -> r.tenantId().equalsIgnoreCase(tenantId)).findFirst();
	}

}
