package io.camelwechat.benchmarks.jmh;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.benchmarks.database.BenchmarkDatabase;
import io.camelwechat.benchmarks.database.CountingDataSource;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.SharedTokenFetcher;
import io.camelwechat.component.wechat.internal.token.TokenFetcher;
import io.camelwechat.component.wechat.jdbc.JdbcAccessTokens;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.camelwechat.component.wechat.spi.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A token cache hit with the {@code dataSource} option set ({@code state=database}) beside one without it
 * ({@code state=memory}), in one run. With a database, the component wraps each cache's fetcher in a
 * {@link SharedTokenFetcher} over a {@link JdbcAccessTokens} table (as {@code SharedState.shares} does, minimum
 * life twice the expiry margin); the cache in front is the same, so a hit must cost the same and never reach the
 * database. The database is a real PostgreSQL (embedded) behind a HikariCP pool, wrapped in a
 * {@link CountingDataSource}: the statements counted from the end of the warm-up fetch to the end of the trial
 * (every warm-up and measured hit) are reported, and must be 0.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SharedStateTokenBenchmark {

    /** Where the tokens behind the cache live: this JVM only, or a database shared by every node. */
    @Param({ "memory", "database" })
    public String state;

    /** Database statements during the last trial's hits in this JVM, by state: read by the smoke test. */
    static final Map<String, Long> STATEMENTS_DURING_HITS = new ConcurrentHashMap<>();
    /** Upstream fetches during the last trial's hits in this JVM, by state (the warm-up fetch not counted). */
    static final Map<String, Integer> FETCHES_DURING_HITS = new ConcurrentHashMap<>();

    private final AtomicInteger fetches = new AtomicInteger();
    private CountingDataSource database;
    private CountingDataSource.Counts afterWarmUp;
    private CachingAccessTokenProvider provider;

    @Setup(Level.Trial)
    public void setUp() {
        fetches.set(0);
        TokenFetcher upstream = appId -> {
            fetches.incrementAndGet();
            return new AccessToken("token-of-" + appId, Duration.ofHours(2));
        };
        TokenFetcher fetcher = upstream;
        if (state.equals("database")) {
            database = BenchmarkDatabase.countingPool(2);
            WeChatDatabase tables = new WeChatDatabase(database, BenchmarkDatabase.freshPrefix());
            tables.createTables();
            fetcher = new SharedTokenFetcher(upstream, new JdbcAccessTokens(tables, Clock.systemUTC(),
                    Duration.ofSeconds(10)), "stable|http://127.0.0.1", Clock.systemUTC(),
                    TokenCacheBenchmark.defaultPolicy().expiryMargin().multipliedBy(2));
        }
        provider = TokenCacheBenchmark.warmedProvider(fetcher, Ticker.systemTicker());
        if (database != null && database.counts().writes() == 0) {
            throw new IllegalStateException("the warm-up fetch did not go through the database");
        }
        afterWarmUp = database == null ? null : database.counts();
    }

    @Benchmark
    public String hit() {
        return provider.getToken(TokenCacheBenchmark.APP_ID).value();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long statements = database == null ? 0 : database.counts().minus(afterWarmUp).statements();
        STATEMENTS_DURING_HITS.put(state, statements);
        FETCHES_DURING_HITS.put(state, fetches.get() - 1);
        // JMH shows a fork's output: the proof stays in the run's log
        System.out.println("[state=" + state + "] database statements during the hits: " + statements
                           + ", upstream fetches: " + (fetches.get() - 1));
        if (database != null) {
            BenchmarkDatabase.close(database);
        }
    }
}
