package se.samla.teams.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.directory.Person;
import se.samla.directory.TeamsIdentity;
import se.samla.entra.EntraRegistrations;
import se.samla.entra.GraphProperties;
import se.samla.entra.GraphUsers;
import se.samla.entra.GraphUsers.AppInstallation;
import se.samla.entra.Registration;
import se.samla.teams.internal.AppInstalls.Attempt;
import se.samla.teams.internal.AppInstalls.Outcome;

/**
 * Installs Samla's Teams app for a person before the bot opens a chat with them, where
 * their tenant's registration allows it ({@code install-app}, off by default): without
 * the app the bot cannot write to anyone.
 * <p>
 * A refusal (the tenant has not granted the permission yet, the app is not in its
 * catalog) is not forever: the person gets email for that message, and the installation
 * is asked again for a later message once {@code samla.teams.install-retry} has passed (a
 * day by default, so a tenant's thousand people do not cost a thousand refusals per
 * send-out), or at once when the tenant's set-up changed: another registration or catalog
 * id, or the app installed for someone else in the tenant since (the grant came). Graph
 * not answering (a timeout, 5xx, throttling) is no refusal: the next message asks again.
 */
class AppInstaller {

	private static final Logger log = LoggerFactory.getLogger(AppInstaller.class);

	private final EntraRegistrations registrations;

	private final GraphUsers graph;

	private final GraphProperties graphProperties;

	private final AppInstalls installs;

	private final TenantProblems problems;

	private final Duration retryAfter;

	private final Clock clock;

	AppInstaller(EntraRegistrations registrations, GraphUsers graph, GraphProperties graphProperties,
			AppInstalls installs, TenantProblems problems, Duration retryAfter, Clock clock) {
		this.registrations = registrations;
		this.graph = graph;
		this.graphProperties = graphProperties;
		this.installs = installs;
		this.problems = problems;
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	/** Why the app is not installed for a person. */
	record NotInstalled(String reason) {
	}

	/**
	 * Installs the app for the person if their tenant lets Samla do so.
	 * @return why it is not installed, or empty when it is installed now, was already, or
	 * is not Samla's to install
	 */
	Optional<NotInstalled> install(Person person) {
		TeamsIdentity teams = person.teams();
		Optional<Registration> registration = this.registrations.forTenant(teams.tenantId())
			.filter(Registration::installApp);
		if (registration.isEmpty()) {
			return Optional.empty();
		}
		String setup = setup(registration.get());
		Optional<Attempt> earlier = this.installs.latest(teams.entraObjectId());
		if (earlier.isPresent() && backingOff(earlier.get(), setup)) {
			Instant next = earlier.get().triedAt().plus(this.retryAfter);
			return Optional.of(new NotInstalled(
					"Teams app could not be installed (" + earlier.get().reason() + "); asked again after " + next));
		}
		AppInstallation installation = this.graph.installTeamsApp(registration.get(), teams.entraObjectId());
		if (installation instanceof AppInstallation.Refused refused) {
			log.warn("Samla's Teams app could not be installed for person {} in tenant {}: {}; asked again after {}",
					person.id().value(), teams.tenantId(), refused.reason(), this.retryAfter);
			this.installs.record(teams.entraObjectId(), person.id(), teams.tenantId(), Outcome.REFUSED,
					refused.reason(), setup);
			this.problems.record(teams.tenantId(), TenantProblems.Kind.APP_NOT_INSTALLED, refused.reason());
			return Optional.of(new NotInstalled("Teams app could not be installed (" + refused.reason() + ")"));
		}
		if (installation instanceof AppInstallation.Unavailable unavailable) {
			log.info("Samla's Teams app could not be installed for person {} in tenant {} for now: {}",
					person.id().value(), teams.tenantId(), unavailable.reason());
			this.installs.record(teams.entraObjectId(), person.id(), teams.tenantId(), Outcome.UNAVAILABLE,
					unavailable.reason(), setup);
			return Optional
				.of(new NotInstalled("Teams app could not be installed for now (" + unavailable.reason() + ")"));
		}
		if (!((AppInstallation.Installed) installation).alreadyThere()) {
			log.info("Samla's Teams app installed for person {} in tenant {}", person.id().value(), teams.tenantId());
		}
		this.installs.record(teams.entraObjectId(), person.id(), teams.tenantId(), Outcome.INSTALLED, null, setup);
		this.problems.clear(teams.tenantId(), TenantProblems.Kind.APP_NOT_INSTALLED);
		return Optional.empty();
	}

	/**
	 * Whether an earlier refusal still stands: within the back-off, with the same set-up,
	 * and nobody in the tenant has had the app installed since.
	 */
	private boolean backingOff(Attempt earlier, String setup) {
		return earlier.outcome() == Outcome.REFUSED && Objects.equals(earlier.setup(), setup)
				&& this.clock.instant().isBefore(earlier.triedAt().plus(this.retryAfter))
				&& (earlier.tenantInstalledAt() == null || !earlier.tenantInstalledAt().isAfter(earlier.triedAt()));
	}

	/**
	 * What a refusal depends on in Samla's own settings, as a short digest: the
	 * registration (app and credential) and the app's catalog id. A refusal made with
	 * other settings is asked again at once.
	 */
	String setup(Registration registration) {
		String settings = String.join("\n", registration.appId(), Objects.toString(registration.clientSecret(), ""),
				Objects.toString(registration.certificate(), ""), Objects.toString(registration.tokenUrl(), ""),
				Objects.toString(this.graphProperties.teamsApp(registration.tenantId()), ""));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
			// a part of the digest: enough to tell settings apart, useless to find a
			// secret
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
