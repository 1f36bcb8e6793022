package se.samla.campaigns;

/**
 * What one dispatcher run (or one operator action) did.
 *
 * @param recorded messages newly recorded in the outbox
 * @param delivered messages a real channel accepted
 * @param logged messages only written to the log by a stand-in, because no configured
 * channel could reach the person: not sent ({@code resend-logged} sends them once a
 * channel is configured)
 */
public record DispatchReport(int recorded, int delivered, int logged) {

	/** Recorded only; delivery is left to the service's dispatcher. */
	public static DispatchReport recordedOnly(int recorded) {
		return new DispatchReport(recorded, 0, 0);
	}

}
