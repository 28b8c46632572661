package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The template-message industry pair of one account. Seed 000: the industry "can be modified once a
 * month"; the simulator reads that as 30 days of simulator time after the last change and rejects earlier
 * changes with 43100 (a guess: the code is undocumented, see wechat-api-facts.md section 5).
 *
 * <p>Not thread-safe: {@link Account} serialises access.
 */
final class AccountIndustry {

    static final Duration CHANGE_PERIOD = Duration.ofDays(30);

    /** The ids as set. */
    record Selection(int id1, int id2) {
    }

    private Selection selection;
    private Instant lastChange;

    /**
     * Sets the pair. Setting the pair already in place is accepted as a no-op and does not restart the
     * period (a guess: it changes nothing, so there is nothing to limit).
     *
     * @throws ApiError 43100 when the pair changes within 30 days of the last change
     */
    void set(Selection requested, Instant now) {
        if (requested.equals(selection)) {
            return;
        }
        if (lastChange != null && now.isBefore(lastChange.plus(CHANGE_PERIOD))) {
            throw new ApiError(ErrorCode.CHANGED_TOO_FREQUENTLY);
        }
        selection = requested;
        lastChange = now;
    }

    /** The pair, or {@code null} when never set. */
    Selection selection() {
        return selection;
    }
}
