package io.camelwechat.component.wechat.internal.token;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camelwechat.component.wechat.WeChatHttpException;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.spi.AccessToken;
import io.camelwechat.component.wechat.spi.Secret;

/** WeChat's answer to a token request, in both the classic and the stable form. */
record TokenAnswer(@JsonProperty("access_token") Secret accessToken, @JsonProperty("expires_in") long expiresIn) {

    /**
     * The token a token API answered, which every such answer without an errcode must carry.
     *
     * @param field the answer's name of the token, for the message
     * @throws WeChatHttpException if the answer had none
     */
    static AccessToken require(WeChatRequest request, String field, Secret token, long expiresIn) {
        if (token == null) {
            throw new WeChatHttpException(request.api(), 200, "OK", request.label() + " answered without an "
                                                                    + field, null);
        }
        return new AccessToken(token, Duration.ofSeconds(expiresIn));
    }
}
