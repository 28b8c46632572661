package io.camelwechat.component.wechat.token;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

/** WeChat's answer to a token request, in both the classic and the stable form. */
record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {

    AccessToken toAccessToken() {
        return new AccessToken(accessToken, Duration.ofSeconds(expiresIn));
    }

    @Override
    public String toString() {
        return "TokenAnswer[expiresIn=" + expiresIn + "]";
    }
}
