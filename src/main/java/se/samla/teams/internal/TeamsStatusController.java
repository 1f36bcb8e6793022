package se.samla.teams.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import se.samla.teams.TeamsStatus;
import se.samla.teams.TeamsTenants;

/** The bot's standing with each tenant, for operators (guarded as every /api/ view). */
@RestController
@ConditionalOnProperty(name = "samla.teams.enabled", havingValue = "true")
class TeamsStatusController {

	private final TeamsTenants tenants;

	TeamsStatusController(TeamsTenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/api/teams/status")
	@Operation(summary = "The bot's registrations (one per tenant) and what keeps it from a tenant: a refused token,"
			+ " people in a tenant without a registration, refused activities; those people get email meanwhile")
	TeamsStatus status() {
		return this.tenants.status();
	}

}
