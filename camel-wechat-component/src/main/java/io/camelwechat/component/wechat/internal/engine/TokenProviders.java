package io.camelwechat.component.wechat.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.token.AppCredentials;
import io.camelwechat.component.wechat.internal.token.AppSecretTokenFetcher;
import io.camelwechat.component.wechat.internal.token.AuthorizerTokenFetcher;
import io.camelwechat.component.wechat.internal.token.CachingAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.ComponentTokenFetcher;
import io.camelwechat.component.wechat.internal.token.StaticAccessTokenProvider;
import io.camelwechat.component.wechat.internal.token.TokenFetcher;
import io.camelwechat.component.wechat.internal.token.TokenMode;
import io.camelwechat.component.wechat.internal.token.TokenSettings;
import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token providers of one component, from its start to its stop: one cache per token source (mode, base URL
 * and, for third-party platforms, the platform), shared by every endpoint that gets tokens from there, so that an
 * account has one token, one refetch after a rejection and one forced-refresh budget; the app secrets (of started
 * endpoints, the appSecrets option, the credentialsProvider); the per-account quota circuits and statistics. With a
 * database, each cache fetches through it, once for every node. Thread-safe.
 */
final class TokenProviders {

    private static final Logger LOG = LoggerFactory.getLogger(TokenProviders.class);

    private final WeChatHttpClient client;
    private final Ticker ticker;
    private final Executor refreshExecutor;
    private final QuotaCircuitBreaker circuit;
    private final TokenStatistics statistics = new TokenStatistics();
    private final AppCredentials appSecrets;
    private final AppCredentials componentSecrets = new AppCredentials();
    private final SharedState shared;
    private final Map<TokenSource, Source> caches = new ConcurrentHashMap<>();

    /**
     * Where a token comes from: its key names its row when tokens are shared through a database, its name is what
     * the console shows.
     */
    private interface TokenSource {
        String key();

        String name();
    }

    private record AppSecretSource(TokenMode mode, String baseUrl) implements TokenSource {
        @Override
        public String key() {
            return mode.optionValue() + "|" + baseUrl;
        }

        @Override
        public String name() {
            return mode.optionValue();
        }
    }

    private record ComponentSource(String baseUrl, String componentAppId) implements TokenSource {
        @Override
        public String key() {
            return "component|" + baseUrl;
        }

        @Override
        public String name() {
            return "component";
        }
    }

    private record AuthorizerSource(String baseUrl, String componentAppId) implements TokenSource {
        @Override
        public String key() {
            return "authorizer|" + baseUrl + "|" + componentAppId;
        }

        @Override
        public String name() {
            return "authorizer of " + componentAppId;
        }
    }

    /** A cache with the settings it was made with, to notice endpoints that ask for others. */
    private record Source(CachingAccessTokenProvider cache, Object settings) {
    }

    TokenProviders(WeChatHttpClient client, Ticker ticker, Executor refreshExecutor, QuotaCircuitBreaker circuit,
                   AppCredentials appSecrets, SharedState shared) {
        this.client = client;
        this.ticker = ticker;
        this.refreshExecutor = refreshExecutor;
        this.circuit = circuit;
        this.appSecrets = appSecrets;
        this.shared = shared;
    }

    /** The provider for an endpoint; registers its credentials so that messages can act for its account. */
    AccessTokenProvider forEndpoint(TokenSettings settings) {
        if (settings.customProvider() != null) {
            return settings.customProvider();
        }
        return switch (settings.mode()) {
            case STATIC -> new StaticAccessTokenProvider(settings.accessToken());
            case STABLE, CLASSIC -> appSecretProvider(settings);
            case AUTHORIZER -> authorizerProvider(settings);
        };
    }

    private AccessTokenProvider appSecretProvider(TokenSettings settings) {
        if (settings.appId() != null && settings.appSecret() != null) {
            appSecrets.register(settings.appId(), settings.appSecret());
        }
        boolean classic = settings.mode() == TokenMode.CLASSIC;
        AppSecretSource source = new AppSecretSource(settings.mode(), settings.baseUrl());
        return cache(source, new CacheSettings(settings.cachePolicy(), settings.allowForceRefresh()), () -> newCache(
                        source,
                        classic ? AppSecretTokenFetcher.classic(client, settings.baseUrl(), appSecrets)
                                : AppSecretTokenFetcher.stable(client, settings.baseUrl(), appSecrets, false),
                        !classic && settings.allowForceRefresh()
                                ? AppSecretTokenFetcher.stable(client, settings.baseUrl(), appSecrets, true) : null,
                        settings.cachePolicy()));
    }

    private record CacheSettings(CachingAccessTokenProvider.Policy policy, boolean allowForceRefresh) {
    }

    /** An authorizer cache's settings: its stores compare by identity and are named by class in logs, never shown. */
    private record StoreSettings(CacheSettings cache, VerifyTicketStore tickets, AuthorizerTokenStore refreshTokens) {
        @Override
        public String toString() {
            return cache + ", verify tickets in " + tickets.getClass().getSimpleName() + ", refresh tokens in "
                   + refreshTokens.getClass().getSimpleName();
        }
    }

    private AccessTokenProvider authorizerProvider(TokenSettings settings) {
        TokenSettings.ThirdPartyPlatform platform = settings.platform();
        componentSecrets.register(platform.componentAppId(), platform.componentAppSecret());
        VerifyTicketStore tickets = platform.verifyTicketStore() != null
                ? platform.verifyTicketStore() : shared.verifyTickets();
        AuthorizerTokenStore refreshTokens = platform.authorizerTokenStore() != null
                ? platform.authorizerTokenStore() : shared.refreshTokens();
        // the options are initial values: a ticket pushed or a refresh token rotated since is newer
        if (platform.componentVerifyTicket() != null && tickets.load(platform.componentAppId()).isEmpty()) {
            tickets.save(platform.componentAppId(), platform.componentVerifyTicket().reveal());
        }
        if (platform.authorizerRefreshToken() != null && settings.appId() != null
            && refreshTokens.loadRefreshToken(platform.componentAppId(), settings.appId()).isEmpty()) {
            refreshTokens.saveRefreshToken(platform.componentAppId(), settings.appId(),
                    platform.authorizerRefreshToken().reveal());
        }
        CacheSettings cacheSettings = new CacheSettings(settings.cachePolicy(), false);
        ComponentSource componentSource = new ComponentSource(settings.baseUrl(), platform.componentAppId());
        AccessTokenProvider componentTokens = cache(componentSource, cacheSettings, () -> newCache(componentSource,
                new ComponentTokenFetcher(client, settings.baseUrl(), componentSecrets, tickets), null,
                settings.cachePolicy()));
        AuthorizerSource authorizerSource = new AuthorizerSource(settings.baseUrl(), platform.componentAppId());
        return cache(authorizerSource, new StoreSettings(cacheSettings, tickets, refreshTokens), () -> newCache(
                        authorizerSource,
                        new AuthorizerTokenFetcher(client, settings.baseUrl(), platform.componentAppId(),
                                new ResilientInvoker(componentTokens, circuit, BusyRetryPolicy.NONE, statistics),
                                refreshTokens),
                        null, settings.cachePolicy()));
    }

    /** The cache of a source, made on first use; a later endpoint asking for other settings gets the first one. */
    private AccessTokenProvider cache(TokenSource source, Object settings,
                                      Supplier<CachingAccessTokenProvider> factory) {
        Source existing = caches.computeIfAbsent(source, key -> new Source(factory.get(), settings));
        if (!Objects.equals(existing.settings(), settings)) {
            LOG.warn("An endpoint asks for other token cache settings ({}) than the one already caching tokens for "
                     + "{} ({}); one cache serves each account, so the first settings stay in use", settings,
                    source, existing.settings());
        }
        return existing.cache();
    }

    private CachingAccessTokenProvider newCache(TokenSource source, TokenFetcher fetcher, TokenFetcher forced,
                                                CachingAccessTokenProvider.Policy policy) {
        return new CachingAccessTokenProvider(shared.shares(source.key(), quotaAware(fetcher), policy),
                forced == null ? null : shared.shares(source.key(), quotaAware(forced), policy), policy, ticker,
                refreshExecutor, statistics);
    }

    /** Any token fetch, background refreshes included, that hears "quota exhausted" opens the account's circuit. */
    private TokenFetcher quotaAware(TokenFetcher fetcher) {
        return appId -> circuit.guard(appId, () -> fetcher.fetch(appId));
    }

    /** Whether a message may act for this account: a fetching mode must know its secret. */
    boolean knowsAccount(String appId) {
        return appSecrets.isKnown(appId);
    }

    /**
     * Every account known here, for the console: those a cache holds or held a token for, those with counters or an
     * open circuit, and the default accounts of running producers and consumers ({@code probed}) with their
     * providers, which name the source of accounts no cache serves (static tokens, custom providers).
     */
    List<WeChatStatus.Account> accounts(Map<String, AccessTokenProvider> probed) {
        Map<String, Origin> origins = new HashMap<>();
        Map<String, CachingAccessTokenProvider.TokenState> tokens = new HashMap<>();
        caches.forEach((source, cached) -> {
            cached.cache().accounts().forEach(appId -> origins.putIfAbsent(appId, new Origin(source.name(), true)));
            cached.cache().tokenStates().forEach(state -> tokens.putIfAbsent(state.appId(), state));
        });
        probed.forEach((appId, provider) -> origins.putIfAbsent(appId, originOf(provider)));
        Map<String, TokenStatistics.Snapshot> counters = new HashMap<>();
        statistics.snapshots().forEach(snapshot -> counters.put(snapshot.appId(), snapshot));
        Map<String, WeChatStatus.Circuit> open = circuit.circuits();
        Set<String> appIds = new TreeSet<>(origins.keySet());
        appIds.addAll(counters.keySet());
        appIds.addAll(open.keySet());
        appIds.removeIf(String::isBlank);
        List<WeChatStatus.Account> accounts = new ArrayList<>();
        for (String appId : appIds) {
            Origin origin = origins.getOrDefault(appId, new Origin("unknown", false));
            boolean throughDatabase = origin.cached() && shared.database().isPresent();
            accounts.add(new WeChatStatus.Account(appId, origin.name(), throughDatabase, tokens.get(appId),
                    counters.getOrDefault(appId, TokenStatistics.Snapshot.none(appId)), open.get(appId)));
        }
        return accounts;
    }

    /** What the console calls a token source, and whether tokens from there are cached (and shared) here. */
    private record Origin(String name, boolean cached) {
    }

    private Origin originOf(AccessTokenProvider provider) {
        if (provider instanceof StaticAccessTokenProvider) {
            return new Origin("static", false);
        }
        return caches.entrySet().stream().filter(entry -> entry.getValue().cache() == provider)
                .map(entry -> new Origin(entry.getKey().name(), true)).findFirst()
                .orElseGet(() -> new Origin("custom " + provider.getClass().getName(), false));
    }

    QuotaCircuitBreaker circuit() {
        return circuit;
    }

    TokenStatistics statistics() {
        return statistics;
    }
}
