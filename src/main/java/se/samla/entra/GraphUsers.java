package se.samla.entra;

/**
 * People of a tenant as Microsoft Graph knows them, read and acted on with the app-only
 * token of the tenant's registration. Throttling (429 with {@code Retry-After}) is waited
 * out; a token Graph rejects is fetched again once.
 */
public interface GraphUsers {

	/**
	 * Finds the user with this e-mail address in the registration's tenant: by user
	 * principal name or primary address ({@code GET /users/{address}}, application
	 * permission {@code User.Read.All}), else by {@code mail} or any SMTP proxy address.
	 */
	UserLookup find(Registration registration, String address);

	/**
	 * Installs the tenant's Samla app in the user's personal scope ({@code POST
	 * /users/{id}/teamwork/installedApps}, application permission
	 * {@code TeamsAppInstallation.ReadWriteSelfForUser.All}), so that the bot may open a
	 * chat with them. An app already installed is fine.
	 */
	AppInstallation installTeamsApp(Registration registration, String userObjectId);

	/** What a look-up found. */
	sealed interface UserLookup {

		/** Exactly one user has the address. */
		record Found(String objectId, String tenantId) implements UserLookup {
		}

		/** No user has the address. */
		record NotFound() implements UserLookup {
		}

		/** Several users have it, so none is taken. */
		record Ambiguous(int users) implements UserLookup {
		}

		/** Graph (or Entra, for the token) refused, with the reason. */
		record Refused(String reason) implements UserLookup {
		}

	}

	/** What installing the app did. */
	sealed interface AppInstallation {

		/** Installed now, or it was already ({@code alreadyThere}). */
		record Installed(boolean alreadyThere) implements AppInstallation {
		}

		/**
		 * Not installed: Graph refused (no permission granted, the app not in the
		 * tenant's catalog, no token for the registration), with the reason. Asking again
		 * helps only once the tenant's set-up changed.
		 */
		record Refused(String reason) implements AppInstallation {
		}

		/**
		 * Not installed for now: Graph did not answer (a timeout, 5xx, throttling beyond
		 * what is waited out), with the reason. Asking again later may well work.
		 */
		record Unavailable(String reason) implements AppInstallation {
		}

	}

}
