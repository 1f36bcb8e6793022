package se.samla.teams.internal;

/**
 * Why a request to the Bot Connector did not succeed.
 */
final class ConnectorFailure extends Exception {

	enum Kind {

		/**
		 * 403: the app is blocked or uninstalled for the person; another route is needed.
		 */
		BLOCKED,

		/**
		 * The bot has no registration for the tenant, Entra gives it no token, or the Bot
		 * Connector refuses the token: nobody of the tenant can be reached until an
		 * operator fixes the registration.
		 */
		UNAUTHORISED,

		/** Another 4xx: the request itself is wrong; retrying will not help. */
		REJECTED,

		/**
		 * Throttled or failing (429, 412, 5xx) until the retries ran out: not delivered,
		 * try again later.
		 */
		UNAVAILABLE,

		/**
		 * The request went out but no answer came (timeout, connection lost): it may have
		 * been delivered, so it is never sent again.
		 */
		UNCERTAIN

	}

	private final Kind kind;

	private final int status;

	ConnectorFailure(Kind kind, int status, String message) {
		super(message);
		this.kind = kind;
		this.status = status;
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

}
