package io.camelwechat.simulator;

import java.time.Instant;

/**
 * A request on its way to an operation handler.
 *
 * @param request the request as received
 * @param account the account its access token belongs to; {@code null} on the token endpoints
 * @param now     the simulator time the request is handled at
 */
record ApiCall(RecordedRequest request, Account account, Instant now) {
}
