package io.camelwechat.component.wechat.token;

import java.util.Optional;

/**
 * Where the authorizer_refresh_token of each account that authorized a third-party platform is kept. WeChat
 * rotates it on every authorizer token fetch and the old one stops working five minutes later, so the rotated
 * token must be saved before it is needed again. Implementations are thread-safe.
 */
public interface AuthorizerTokenStore {

    Optional<String> loadRefreshToken(String componentAppId, String authorizerAppId);

    void saveRefreshToken(String componentAppId, String authorizerAppId, String refreshToken);
}
