package io.camelwechat.component.wechat.internal.token;

import io.camelwechat.component.wechat.spi.AccessTokenProvider;
import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;
import io.camelwechat.component.wechat.spi.Secret;
import io.camelwechat.component.wechat.spi.VerifyTicketStore;

/**
 * What an endpoint says about its tokens: where they come from, for which account, and how they are cached.
 * Credentials are {@link Secret}s, so printing the settings shows none.
 *
 * @param customProvider a user's provider; when set, the mode's own options are not used
 */
public record TokenSettings(
        TokenMode mode,
        String appId,
        Secret appSecret,
        Secret accessToken,
        String baseUrl,
        CachingAccessTokenProvider.Policy cachePolicy,
        boolean allowForceRefresh,
        ThirdPartyPlatform platform,
        AccessTokenProvider customProvider) {

    /** The third-party platform options of tokenMode authorizer. */
    public record ThirdPartyPlatform(
            String componentAppId,
            Secret componentAppSecret,
            Secret componentVerifyTicket,
            Secret authorizerRefreshToken,
            VerifyTicketStore verifyTicketStore,
            AuthorizerTokenStore authorizerTokenStore) {
    }
}
