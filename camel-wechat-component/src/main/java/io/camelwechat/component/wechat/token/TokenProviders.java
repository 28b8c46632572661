package io.camelwechat.component.wechat.token;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Ticker;
import io.camelwechat.component.wechat.client.WeChatHttpClient;

/**
 * The token providers of one component: one cache per token source, shared by every endpoint that gets its
 * tokens from the same place the same way, and the app secrets that endpoints made known. Lives from the
 * component's start to its stop.
 */
public final class TokenProviders {

    private final WeChatHttpClient client;
    private final Ticker ticker;
    private final AppCredentials credentials = new AppCredentials();
    private final Map<TokenSource, AccessTokenProvider> caches = new ConcurrentHashMap<>();

    private record TokenSource(TokenMode mode, String baseUrl, Duration expiryMargin) {
    }

    public TokenProviders(WeChatHttpClient client, Ticker ticker) {
        this.client = client;
        this.ticker = ticker;
    }

    /** The provider for an endpoint; registers its credentials so that messages can act for its account. */
    public AccessTokenProvider forEndpoint(TokenSettings settings) {
        if (settings.mode() == TokenMode.STATIC) {
            return new StaticAccessTokenProvider(settings.accessToken());
        }
        credentials.register(settings.appId(), settings.appSecret());
        TokenSource source = new TokenSource(settings.mode(), settings.baseUrl(), settings.expiryMargin());
        return caches.computeIfAbsent(source, this::newCache);
    }

    private AccessTokenProvider newCache(TokenSource source) {
        TokenFetcher fetcher = source.mode() == TokenMode.CLASSIC
                ? AppSecretTokenFetcher.classic(client, source.baseUrl(), credentials)
                : AppSecretTokenFetcher.stable(client, source.baseUrl(), credentials);
        return new CachingAccessTokenProvider(fetcher, source.expiryMargin(), ticker);
    }

    /** Whether an endpoint made this account's secret known. */
    public boolean knowsAccount(String appId) {
        return credentials.isKnown(appId);
    }
}
