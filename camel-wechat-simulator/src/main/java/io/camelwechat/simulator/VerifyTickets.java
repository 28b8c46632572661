package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The component_verify_tickets pushed to one third-party platform (wechat-api-facts.md section 3). Each is
 * valid 12 hours; a newer ticket does not cut off the older ones, since the docs tell platforms to keep "the
 * last good one", which only makes sense if an earlier ticket still works. Not thread-safe: used under the
 * owning {@link Component}'s lock.
 */
final class VerifyTickets {

    static final Duration LIFETIME = Duration.ofHours(12);
    /** Live tickets look like {@code ticket@@@<random>}; clients may rely on nothing but the opaque string. */
    private static final String PREFIX = "ticket@@@";
    private static final int RANDOM_LENGTH = 64;

    /**
     * Every ticket ever issued, with its end. Expired ones are kept on purpose: they must keep answering
     * 61005 (expired) rather than 61006 (unknown). A ticket per 10 minutes of real pushes is a small map.
     */
    private final Map<String, Instant> expiryByTicket = new HashMap<>();

    String issue(RandomIds ids, Instant now) {
        while (true) {
            String ticket = PREFIX + ids.next(RANDOM_LENGTH);
            if (expiryByTicket.putIfAbsent(ticket, now.plus(LIFETIME)) == null) {
                return ticket;
            }
        }
    }

    /**
     * @throws ApiError 61006 for a missing or unknown ticket (one of another platform included), 61005 for an
     *                  expired one
     */
    void check(String ticket, Instant now) {
        Instant expiry = ticket == null ? null : expiryByTicket.get(ticket);
        if (expiry == null) {
            throw new ApiError(ErrorCode.COMPONENT_TICKET_INVALID);
        }
        if (!now.isBefore(expiry)) {
            throw new ApiError(ErrorCode.COMPONENT_TICKET_EXPIRED);
        }
    }
}
