package io.camelwechat.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WeChat's error answers: HTTP 200 with {@code {"errcode":N,"errmsg":"<message> rid: <request id>"}}.
 *
 * <p>WeChat appends a request id to every error message (wechat-api-facts.md, "More facts"; older answers used
 * {@code hint: [...]} instead). The live ids have three groups of 8 hex digits, and the first group is the
 * answer's time in epoch seconds: {@code rid: 630ecbee-28894bea-0ee8d49c} was posted on 2022-08-31, the day
 * 0x630ecbee is (wangxinleo/wechat-public-account-push#66, w7corp/easywechat#2963). The simulator builds them
 * the same way, from the simulator clock and the injected random source. A success ({@code errcode} 0) has no
 * rid.
 */
final class ErrorAnswers {

    private static final int RANDOM_GROUP = 8;

    private final RandomIds ids;

    ErrorAnswers(RandomIds ids) {
        this.ids = ids;
    }

    SimResponse of(ErrorCode code, Instant now) {
        return of(code.code(), now);
    }

    /** The answer for any errcode; for a code the simulator does not know, the message is neutral. */
    SimResponse of(int errcode, Instant now) {
        if (errcode == ErrorCode.OK.code()) {
            return SimResponse.ok();
        }
        ObjectNode body = Json.object();
        body.put("errcode", errcode);
        body.put("errmsg", ErrorCode.messageFor(errcode) + " rid: " + rid(now));
        return SimResponse.wechat(body);
    }

    /** {@code <epoch seconds as 8 hex digits>-<8 random hex digits>-<8 random hex digits>}. */
    String rid(Instant now) {
        return String.format("%08x-%s-%s", now.getEpochSecond() & 0xFFFF_FFFFL, ids.hex(RANDOM_GROUP),
                ids.hex(RANDOM_GROUP));
    }
}
