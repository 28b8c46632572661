package io.camelwechat.component.wechat.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.client.WeChatHttpClient;

/**
 * The token providers of one component, from its start to its stop: one cache per token source, shared by every
 * endpoint that gets its tokens from the same place the same way; the secrets endpoints made known; the
 * per-account quota circuits and statistics. Thread-safe.
 */
public final class TokenProviders {

    private final WeChatHttpClient client;
    private final Ticker ticker;
    private final Executor refreshExecutor;
    private final QuotaCircuitBreaker circuit;
    private final TokenStatistics statistics = new TokenStatistics();
    private final AppCredentials appSecrets = new AppCredentials();
    private final AppCredentials componentSecrets = new AppCredentials();
    private final VerifyTicketStore defaultTicketStore = new InMemoryVerifyTicketStore();
    private final AuthorizerTokenStore defaultAuthorizerStore = new InMemoryAuthorizerTokenStore();
    private final Map<Object, AccessTokenProvider> caches = new ConcurrentHashMap<>();

    private record AppSecretSource(TokenMode mode, String baseUrl, CachingAccessTokenProvider.Policy policy,
            boolean allowForceRefresh) {
    }

    private record PlatformSource(TokenMode mode, String baseUrl, CachingAccessTokenProvider.Policy policy,
            String componentAppId, VerifyTicketStore tickets, AuthorizerTokenStore refreshTokens) {
    }

    public TokenProviders(WeChatHttpClient client, Ticker ticker, Executor refreshExecutor,
                          QuotaCircuitBreaker circuit) {
        this.client = client;
        this.ticker = ticker;
        this.refreshExecutor = refreshExecutor;
        this.circuit = circuit;
    }

    /** The provider for an endpoint; registers its credentials so that messages can act for its account. */
    public AccessTokenProvider forEndpoint(TokenSettings settings) {
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
        appSecrets.register(settings.appId(), settings.appSecret());
        AppSecretSource source = new AppSecretSource(settings.mode(), settings.baseUrl(), settings.cachePolicy(),
                settings.allowForceRefresh());
        return caches.computeIfAbsent(source, key -> {
            boolean classic = source.mode() == TokenMode.CLASSIC;
            TokenFetcher fetcher = classic
                    ? AppSecretTokenFetcher.classic(client, source.baseUrl(), appSecrets)
                    : AppSecretTokenFetcher.stable(client, source.baseUrl(), appSecrets, false);
            TokenFetcher forced = !classic && source.allowForceRefresh()
                    ? AppSecretTokenFetcher.stable(client, source.baseUrl(), appSecrets, true) : null;
            return newCache(fetcher, forced, source.policy());
        });
    }

    private AccessTokenProvider authorizerProvider(TokenSettings settings) {
        TokenSettings.ThirdPartyPlatform platform = settings.platform();
        componentSecrets.register(platform.componentAppId(), platform.componentAppSecret());
        VerifyTicketStore tickets = platform.verifyTicketStore() != null
                ? platform.verifyTicketStore() : defaultTicketStore;
        AuthorizerTokenStore refreshTokens = platform.authorizerTokenStore() != null
                ? platform.authorizerTokenStore() : defaultAuthorizerStore;
        // the options are initial values: a ticket pushed or a refresh token rotated since is newer
        if (platform.componentVerifyTicket() != null && tickets.load(platform.componentAppId()).isEmpty()) {
            tickets.save(platform.componentAppId(), platform.componentVerifyTicket());
        }
        if (platform.authorizerRefreshToken() != null && settings.appId() != null
            && refreshTokens.loadRefreshToken(platform.componentAppId(), settings.appId()).isEmpty()) {
            refreshTokens.saveRefreshToken(platform.componentAppId(), settings.appId(),
                    platform.authorizerRefreshToken());
        }
        PlatformSource componentSource = new PlatformSource(null, settings.baseUrl(), settings.cachePolicy(),
                platform.componentAppId(), tickets, null);
        AccessTokenProvider componentTokens = caches.computeIfAbsent(componentSource, key -> newCache(
                new ComponentTokenFetcher(client, settings.baseUrl(), componentSecrets, tickets), null,
                settings.cachePolicy()));
        PlatformSource authorizerSource = new PlatformSource(TokenMode.AUTHORIZER, settings.baseUrl(),
                settings.cachePolicy(), platform.componentAppId(), tickets, refreshTokens);
        return caches.computeIfAbsent(authorizerSource, key -> newCache(
                new AuthorizerTokenFetcher(client, settings.baseUrl(), platform.componentAppId(),
                        new ResilientInvoker(componentTokens, circuit, BusyRetryPolicy.NONE, statistics),
                        refreshTokens),
                null, settings.cachePolicy()));
    }

    private CachingAccessTokenProvider newCache(TokenFetcher fetcher, TokenFetcher forced,
                                                CachingAccessTokenProvider.Policy policy) {
        return new CachingAccessTokenProvider(fetcher, forced, policy, ticker, refreshExecutor, statistics);
    }

    /** Whether a message may act for this account: a fetching mode must know its secret. */
    public boolean knowsAccount(String appId) {
        return appSecrets.isKnown(appId);
    }

    public QuotaCircuitBreaker circuit() {
        return circuit;
    }

    public TokenStatistics statistics() {
        return statistics;
    }
}
