package io.camelwechat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fault injection for the simulated API. Faults apply to WeChat paths only, never to {@code /__sim/} control
 * paths, and are checked before the request is handled, so a faulted call has no effect on the state.
 *
 * <p>Path matching: a non-null path matches exactly that path (token endpoints included); {@code null}
 * matches every API call but, like the busy rate, not the token endpoints ({@code /cgi-bin/token},
 * {@code /cgi-bin/stable_token}, {@code /cgi-bin/component/api_component_token},
 * {@code /cgi-bin/component/api_authorizer_token}) unless {@link #includeTokenEndpoints(boolean)} is on, so
 * "fail the next call" does not get used up by a client's token fetch.
 *
 * <p>Scripted faults ({@code failNext}, {@code httpStatusNext}, {@code rawBodyNext}) are consumed in the
 * order they were armed: the oldest one matching a request answers it and counts down. Thread-safe.
 */
public final class Faults {

    private final RandomIds random;
    private final ErrorAnswers errors;
    private final List<ScriptedFault> scripted = new ArrayList<>();
    private final Set<String> exhaustedAccounts = ConcurrentHashMap.newKeySet();
    private volatile double busyRate;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean includeTokenEndpoints;
    private volatile boolean rotateAuthorizerRefreshTokens;

    Faults(RandomIds random, ErrorAnswers errors) {
        this.random = random;
        this.errors = errors;
    }

    /** An armed one-shot fault with its remaining count. */
    private static final class ScriptedFault {
        final String path;
        final Function<Instant, SimResponse> response;
        int remaining;

        ScriptedFault(String path, Function<Instant, SimResponse> response, int times) {
            this.path = path;
            this.response = response;
            this.remaining = times;
        }
    }

    /**
     * Answers API calls with errcode -1 "system error" with this probability (0 disables).
     *
     * @throws IllegalArgumentException outside 0..1
     */
    public Faults busyRate(double probability) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("busyRate must be within 0..1: " + probability);
        }
        this.busyRate = probability;
        return this;
    }

    public double busyRate() {
        return busyRate;
    }

    /**
     * Delays every answer to a WeChat path by this much. This is a real {@link Thread#sleep}, by design: it
     * exists to exercise client timeouts, which run on real time, not on the simulator clock.
     */
    public Faults latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        this.latency = delay;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** Lets the busy rate and path-less scripted faults also hit the token endpoints. */
    public Faults includeTokenEndpoints(boolean include) {
        this.includeTokenEndpoints = include;
        return this;
    }

    /**
     * The next {@code times} matching calls answer
     * {@code {"errcode":errcode,"errmsg":"<documented message> rid: <request id>"}}.
     */
    public Faults failNext(String pathOrNull, int errcode, int times) {
        return arm(pathOrNull, now -> errors.of(errcode, now), times);
    }

    /** The next {@code times} matching calls answer this HTTP status with a small text body. */
    public Faults httpStatusNext(String pathOrNull, int status, int times) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return arm(pathOrNull, now -> SimResponse.text(status, "simulated HTTP " + status), times);
    }

    /** The next {@code times} matching calls answer HTTP 200 with exactly this body (e.g. non-JSON). */
    public Faults rawBodyNext(String pathOrNull, String contentType, String body, int times) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return arm(pathOrNull, now -> SimResponse.raw(contentType, body), times);
    }

    /**
     * While on, every call for the account, token fetches included, answers 45009. An appid of a third-party
     * platform (component) works too: its component and authorizer token fetches answer 45009.
     */
    public Faults quotaExhausted(String appId, boolean exhausted) {
        Objects.requireNonNull(appId, "appId");
        if (exhausted) {
            exhaustedAccounts.add(appId);
        } else {
            exhaustedAccounts.remove(appId);
        }
        return this;
    }

    /**
     * While on, every successful {@code api_authorizer_token} call rotates the authorizer_refresh_token: the
     * answer carries a new one, and the one that was current stays valid 5 more minutes of simulator time, then
     * answers 61023. Off by default: WeChat's current doc answers the refresh token it was given, but older
     * answers and community reports show rotation, so a client should save whatever comes back; this lets a
     * test prove it does.
     */
    public Faults rotateAuthorizerRefreshTokens(boolean rotate) {
        this.rotateAuthorizerRefreshTokens = rotate;
        return this;
    }

    public boolean rotatesAuthorizerRefreshTokens() {
        return rotateAuthorizerRefreshTokens;
    }

    /**
     * Removes every fault: busy rate 0, no latency, nothing armed, no exhausted quota, no refresh-token
     * rotation.
     */
    public Faults clear() {
        busyRate = 0.0;
        latency = Duration.ZERO;
        includeTokenEndpoints = false;
        rotateAuthorizerRefreshTokens = false;
        synchronized (scripted) {
            scripted.clear();
        }
        exhaustedAccounts.clear();
        return this;
    }

    boolean isQuotaExhausted(String appId) {
        return exhaustedAccounts.contains(appId);
    }

    /** The injected answer for a request to this path, if a fault fires; consumes a scripted fault. */
    Optional<SimResponse> intercept(String path, boolean tokenEndpoint, Instant now) {
        boolean pathless = !tokenEndpoint || includeTokenEndpoints;
        synchronized (scripted) {
            for (Iterator<ScriptedFault> it = scripted.iterator(); it.hasNext(); ) {
                ScriptedFault fault = it.next();
                if (fault.path == null ? pathless : fault.path.equals(path)) {
                    if (--fault.remaining == 0) {
                        it.remove();
                    }
                    return Optional.of(fault.response.apply(now));
                }
            }
        }
        double rate = busyRate;
        if (pathless && rate > 0 && random.chance(rate)) {
            return Optional.of(errors.of(ErrorCode.SYSTEM_ERROR, now));
        }
        return Optional.empty();
    }

    private Faults arm(String path, Function<Instant, SimResponse> response, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        synchronized (scripted) {
            scripted.add(new ScriptedFault(path, response, times));
        }
        return this;
    }
}
