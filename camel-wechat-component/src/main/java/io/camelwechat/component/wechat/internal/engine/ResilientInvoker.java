package io.camelwechat.component.wechat.internal.engine;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.token.ComponentCalls;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.ForceRefreshRefusedException;
import io.camelwechat.component.wechat.spi.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one WeChat call for an account with the retry rules that keep a quota safe:
 * <ul>
 * <li>quota exhausted (45009, 45011): the account's circuit opens and calls fail at once until the cooldown
 * ends;</li>
 * <li>token invalid or expired (40001, 40014, 42001): the token is invalidated (only if still cached) and the call
 * retried <b>once</b> with a fresh one; if the fresh one is the rejected one, a forced refresh is tried where the
 * provider allows it, otherwise the call fails saying so;</li>
 * <li>system busy (-1): reads are retried with backoff, writes only if allowed;</li>
 * <li>anything else (including timeouts) is not retried.</li>
 * </ul>
 * Thread-safe.
 */
final class ResilientInvoker implements ComponentCalls {

    /** invalid credential, invalid access_token, access_token expired. */
    static final Set<Integer> TOKEN_REJECTED_ERRCODES = Set.of(40001, 40014, 42001);

    private static final Logger LOG = LoggerFactory.getLogger(ResilientInvoker.class);

    private final AccessTokenProvider tokens;
    private final QuotaCircuitBreaker circuit;
    private final BusyRetryPolicy busyRetries;
    private final TokenStatistics statistics;

    ResilientInvoker(AccessTokenProvider tokens, QuotaCircuitBreaker circuit, BusyRetryPolicy busyRetries,
                     TokenStatistics statistics) {
        this.tokens = tokens;
        this.circuit = circuit;
        this.busyRetries = busyRetries;
        this.statistics = statistics;
    }

    /**
     * @param request what is called, for errors and the circuit
     * @param write   whether the call changes state at WeChat (then a busy answer is not retried by default)
     * @param call    the call, given the token to send
     */
    @Override
    public <T> T invoke(String appId, WeChatRequest request, boolean write, Function<Secret, T> call) {
        return invoke(appId, request, write, call, new RetryCount());
    }

    /** {@link #invoke(String, WeChatRequest, boolean, Function)}, counting its retries in {@code retries}. */
    <T> T invoke(String appId, WeChatRequest request, boolean write, Function<Secret, T> call, RetryCount retries) {
        circuit.checkClosed(appId, request);
        long started = circuit.now();
        AccessToken token = circuit.guard(appId, () -> tokens.getToken(appId));
        boolean tokenRetried = false;
        int busyRetried = 0;
        while (true) {
            AccessToken attempt = token;
            try {
                T result = circuit.guard(appId, () -> call.apply(attempt.secret()));
                circuit.succeeded(appId, started);
                return result;
            } catch (WeChatApiException failure) {
                if (TOKEN_REJECTED_ERRCODES.contains(failure.getErrcode()) && !tokenRetried) {
                    tokenRetried = true;
                    token = replacementFor(appId, attempt, failure);
                    statistics.retriedAfterTokenRejection(appId);
                    retries.increment();
                    LOG.debug("WeChat {} rejected the access token of {} with errcode {}; retrying once with a "
                              + "fresh token", failure.getApi(), appId, failure.getErrcode());
                } else if (failure.getErrcode() == BusyRetryPolicy.BUSY_ERRCODE
                           && busyRetries.allowsRetry(write, busyRetried)) {
                    busyRetries.backOff(busyRetried++);
                    statistics.retriedWhileBusy(appId);
                    retries.increment();
                    LOG.debug("WeChat {} answered busy for {}; retry {}", failure.getApi(), appId, busyRetried);
                } else {
                    throw failure;
                }
            }
        }
    }

    private AccessToken replacementFor(String appId, AccessToken rejected, WeChatApiException failure) {
        tokens.invalidate(appId, rejected.value());
        AccessToken fresh = circuit.guard(appId, () -> tokens.getToken(appId));
        if (!fresh.secret().equals(rejected.secret())) {
            return fresh;
        }
        // not guarded: a quota answer to force_refresh is about its own 20-a-day limit, not the API quota
        Optional<AccessToken> forced;
        try {
            forced = tokens.forceRefresh(appId, rejected.value());
        } catch (ForceRefreshRefusedException limited) {
            throw failure.withDetail("The token source handed out the rejected token again and "
                                     + limited.getMessage());
        } catch (WeChatApiException forceFailed) {
            throw failure.withDetail("The token source handed out the rejected token again and a forced refresh "
                                     + "failed with errcode " + forceFailed.getErrcode());
        }
        AccessToken replacement = forced.orElseThrow(() -> failure.withDetail(
                "The token source handed out the rejected token again, so the call was not retried"));
        if (replacement.secret().equals(rejected.secret())) {
            // WeChat refreshes a stable token at most once in 30 s and otherwise answers the current one
            throw failure.withDetail("The token source handed out the rejected token again and a forced refresh "
                                     + "returned it too (WeChat refreshes at most once in 30 s, another node may "
                                     + "have just done so), so the call was not retried");
        }
        return replacement;
    }
}
