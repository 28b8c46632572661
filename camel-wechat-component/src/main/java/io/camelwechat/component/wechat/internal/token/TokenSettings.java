package io.camelwechat.component.wechat.token;

/**
 * What an endpoint says about its tokens: where they come from, for which account, and how they are cached.
 * {@link #toString()} leaves every secret out.
 *
 * @param customProvider a user's provider; when set, the mode's own options are not used
 */
public record TokenSettings(
        TokenMode mode,
        String appId,
        String appSecret,
        String accessToken,
        String baseUrl,
        CachingAccessTokenProvider.Policy cachePolicy,
        boolean allowForceRefresh,
        ThirdPartyPlatform platform,
        AccessTokenProvider customProvider) {

    /** The third-party platform options of tokenMode authorizer. */
    public record ThirdPartyPlatform(
            String componentAppId,
            String componentAppSecret,
            String componentVerifyTicket,
            String authorizerRefreshToken,
            VerifyTicketStore verifyTicketStore,
            AuthorizerTokenStore authorizerTokenStore) {

        @Override
        public String toString() {
            return "ThirdPartyPlatform[componentAppId=" + componentAppId + "]";
        }
    }

    @Override
    public String toString() {
        return "TokenSettings[mode=" + mode + ", appId=" + appId + ", baseUrl=" + baseUrl + ", " + cachePolicy
               + ", " + platform + (customProvider == null ? "" : ", custom provider") + "]";
    }
}
