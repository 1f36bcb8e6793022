package se.samla.entra;

import java.time.Instant;

/**
 * A registration whose latest token request failed.
 *
 * @param tenantId the registration's tenant
 * @param appId the registration's app id
 * @param scope what the token was for
 * @param reason why, as Entra said it (its error code and the first sentence of its
 * description) or why Entra could not be asked
 * @param at when
 */
public record TokenProblem(String tenantId, String appId, String scope, String reason, Instant at) {
}
