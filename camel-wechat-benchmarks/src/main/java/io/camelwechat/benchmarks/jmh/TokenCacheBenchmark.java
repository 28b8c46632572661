package io.camelwechat.benchmarks.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.WeChatConfiguration;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.TokenFetcher;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.spi.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The token cache's hit path: what every WeChat call pays before it goes on the wire once a token is cached.
 * One account, warmed with one token that lives two hours, so no refresh ahead is due during the run; the
 * system ticker (the component's default) and the component's default policy (expiry margin 60 s, refresh
 * ahead 300 s). A hit looks the account up, reads its latest token, reads the clock once for the expiry and
 * refresh-ahead checks and counts the hit; Caffeine is only used when the token is missing or expired.
 * <p>
 * {@link #clockRead} is the baseline: one read of the same ticker. On virtual machines a clock read alone can cost
 * tens of nanoseconds, most of what a hit costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenCacheBenchmark {

    static final String APP_ID = "wxa";

    /** Fetches made in the last trial of this JVM: 1 means every measured call was a hit. */
    static final AtomicInteger LAST_TRIAL_FETCHES = new AtomicInteger(-1);

    private final AtomicInteger fetches = new AtomicInteger();
    private final Ticker ticker = Ticker.systemTicker();
    private CachingAccessTokenProvider provider;

    @Setup(Level.Trial)
    public void setUp() {
        fetches.set(0);
        provider = warmedProvider(appId -> {
            fetches.incrementAndGet();
            return new AccessToken("token-of-" + appId, Duration.ofHours(2));
        }, ticker);
    }

    /** The component's default policy: expiry margin and refresh ahead as its options default them. */
    static CachingAccessTokenProvider.Policy defaultPolicy() {
        WeChatConfiguration defaults = new WeChatConfiguration();
        return new CachingAccessTokenProvider.Policy(Duration.ofMillis(defaults.getTokenExpiryMargin()),
                Duration.ofMillis(defaults.getTokenRefreshAhead()));
    }

    /** A cache over this fetcher with the default policy, holding the token of {@link #APP_ID} already. */
    static CachingAccessTokenProvider warmedProvider(TokenFetcher fetcher, Ticker ticker) {
        CachingAccessTokenProvider provider = new CachingAccessTokenProvider(fetcher, null, defaultPolicy(), ticker,
                Runnable::run, new TokenStatistics());
        if (!provider.getToken(APP_ID).value().equals("token-of-" + APP_ID)) {
            throw new IllegalStateException("warm-up fetch returned an unexpected token");
        }
        return provider;
    }

    @Benchmark
    public String tokenHit() {
        return provider.getToken(APP_ID).value();
    }

    @Benchmark
    public long clockRead() {
        return ticker.read();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        LAST_TRIAL_FETCHES.set(fetches.get());
    }
}
