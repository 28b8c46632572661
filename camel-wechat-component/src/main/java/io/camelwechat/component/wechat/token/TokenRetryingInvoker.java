package io.camelwechat.component.wechat.token;

import java.util.Set;
import java.util.function.Function;

import io.camelwechat.component.wechat.client.WeChatApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a WeChat call with the account's current token. When WeChat says the token is invalid or expired (40001,
 * 40014, 42001), that token is invalidated (only if still cached) and the call is retried once with a fresh one;
 * never more, so a broken token source cannot turn into a loop that burns the daily quota.
 */
public final class TokenRetryingInvoker {

    /** invalid credential, invalid access_token, access_token expired. */
    public static final Set<Integer> TOKEN_REJECTED_ERRCODES = Set.of(40001, 40014, 42001);

    private static final Logger LOG = LoggerFactory.getLogger(TokenRetryingInvoker.class);

    private final AccessTokenProvider tokens;

    public TokenRetryingInvoker(AccessTokenProvider tokens) {
        this.tokens = tokens;
    }

    /**
     * @param call the call to make, given the token value to put in {@code access_token}
     */
    public <T> T invoke(String appId, Function<String, T> call) {
        String token = tokens.getToken(appId).value();
        try {
            return call.apply(token);
        } catch (WeChatApiException rejected) {
            if (!TOKEN_REJECTED_ERRCODES.contains(rejected.getErrcode())) {
                throw rejected;
            }
            tokens.invalidate(appId, token);
            String fresh = tokens.getToken(appId).value();
            if (fresh.equals(token)) {
                throw rejected.withDetail("The token source handed out the rejected token again, so the call was "
                                          + "not retried");
            }
            LOG.debug("WeChat {} rejected the access token of {} with errcode {}; retrying once with a fresh token",
                    rejected.getApi(), appId, rejected.getErrcode());
            return call.apply(fresh);
        }
    }
}
