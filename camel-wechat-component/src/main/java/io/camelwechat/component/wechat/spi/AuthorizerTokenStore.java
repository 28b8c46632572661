package io.camelwechat.component.wechat.spi;

import java.util.Optional;

/**
 * Where the authorizer_refresh_token of each account that authorized a third-party platform is kept. WeChat's
 * current documentation hands the same token back on every authorizer token fetch; older behaviour (still
 * reported) rotates it and ends the old one five minutes later, so whatever comes back is saved before it is
 * needed again.
 * <p>
 * Implementations must be thread-safe: fetches for different accounts run at once (the component runs one
 * fetch at a time per account). Load and save happen once per authorizer token fetch, not per call.
 */
public interface AuthorizerTokenStore {

    Optional<String> loadRefreshToken(String componentAppId, String authorizerAppId);

    void saveRefreshToken(String componentAppId, String authorizerAppId, String refreshToken);
}
