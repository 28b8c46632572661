package io.camelwechat.simulator;

import java.time.Instant;

/**
 * One attempt to deliver a push to a callback URL.
 *
 * @param url          the callback URL as configured, without the signature query
 * @param kind         {@link #CATEGORY_AUDIT} or {@link #VERIFY_TICKET}
 * @param plaintextXml the decrypted message (the same for every attempt of one push)
 * @param httpStatus   the receiver's HTTP status, 0 when there was no answer (refused, timed out)
 * @param responseBody the receiver's body, {@code null} when there was no answer
 * @param at           the simulator time of the attempt (also the push's {@code timestamp})
 * @param attempt      1 for the first attempt, 2 to 4 for the retries
 * @param failure      why the attempt failed, {@code null} when it was delivered (HTTP 200, body {@code success})
 */
public record PushRecord(String url, String kind, String plaintextXml, int httpStatus, String responseBody,
                         Instant at, int attempt, String failure) {

    public static final String CATEGORY_AUDIT = PushXml.CATEGORY_AUDIT;
    public static final String VERIFY_TICKET = PushXml.VERIFY_TICKET;

    /** Whether the receiver accepted the push. */
    public boolean delivered() {
        return failure == null;
    }
}
