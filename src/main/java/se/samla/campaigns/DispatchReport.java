package se.samla.campaigns;

/**
 * What one dispatcher run did.
 *
 * @param recorded messages newly recorded in the outbox
 * @param delivered messages handed to a channel and sent
 */
public record DispatchReport(int recorded, int delivered) {
}
