package io.camelwechat.component.wechat.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider.TokenState;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;

/**
 * What one running component shows on the developer console, taken when asked: per account its token's state,
 * counters and quota circuit; the category watchers; the push receivers. Values only, computed from state the
 * component holds anyway: no token, secret, ticket or key is ever part of it, and taking it calls nobody.
 *
 * @param started whether the component runs; a stopped one shows no accounts
 */
public record WeChatStatus(boolean started, List<Account> accounts, List<Watcher> watchers,
        List<Receiver> receivers) {

    /**
     * One account this component has acted for, holds a token of, or is asked to act for by default.
     *
     * @param source   where its tokens come from: {@code stable}, {@code classic}, {@code authorizer of <platform>},
     *                 {@code component}, {@code static}, or {@code custom <class>} for an accessTokenProvider bean
     * @param shared   whether tokens are fetched once for every node through the database
     * @param token    the cached token's state, or null while none is cached (or the source caches none)
     * @param circuit  the open quota circuit, or null while it is closed
     */
    public record Account(String appId, String source, boolean shared, TokenState token,
            TokenStatistics.Snapshot counters, Circuit circuit) {
    }

    /** An open quota circuit: the errcode that opened it and the time until one call probes the quota again. */
    public record Circuit(int errcode, Duration retryIn) {
    }

    /**
     * A running category watcher.
     *
     * @param name     its route's id
     * @param leading  under master:, whether this node leads (true while it runs); null when not clustered
     * @param lastPoll null before its first poll
     */
    public record Watcher(String name, Boolean leading, Poll lastPoll, List<WatchedAccount> accounts) {
    }

    /** When a poll ended, how many accounts it fetched, the changes it emitted, the accounts failing after it. */
    public record Poll(Instant endedAt, int accountsPolled, int changesEmitted, int accountsFailing) {
    }

    /**
     * A watched account: the categories as last delivered (and committed), and why its last fetch failed, if it did.
     *
     * @param failure the error of its last failed poll, null while it succeeds
     */
    public record WatchedAccount(String appId, List<Category> categories, String failure) {
    }

    /** A category as the watcher last delivered it: WeChat's audit_status (1 under review, 2 rejected, 3 approved). */
    public record Category(int first, int second, String firstName, String secondName, int auditStatus,
            String reason) {
    }

    /**
     * A running push receiver's counters since it started.
     *
     * @param appId            the appid every decrypted push must carry
     * @param safeMode         whether pushes must be AES-encrypted (an encodingAesKey is set)
     * @param verifications    URL verifications (GET) answered
     * @param rejectedByStatus rejected pushes by the HTTP status they were answered with (400, 403, 413)
     * @param errors           pushes that passed the checks but could not be handled (answered 500)
     * @param lastAcceptedAt   null before the first accepted push
     * @param lastRejection    why the last push was rejected (as logged), null before the first rejection
     */
    public record Receiver(String path, String appId, boolean safeMode, long verifications, long accepted,
            long rejected, Map<Integer, Long> rejectedByStatus, long errors, Instant lastAcceptedAt,
            String lastRejection) {
    }
}
