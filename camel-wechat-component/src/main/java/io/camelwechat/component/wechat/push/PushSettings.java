package io.camelwechat.component.wechat.push;

import java.time.Clock;
import java.time.Duration;

import io.camelwechat.component.wechat.token.VerifyTicketStore;

/**
 * How a push receiver checks pushes. {@link #toString()} leaves the token and the AES key out.
 *
 * @param expectedAppId the appid a decrypted push must carry (the platform's appid for third-party pushes)
 * @param tickets       where component_verify_tickets are saved
 */
public record PushSettings(String token, String encodingAesKey, String expectedAppId, String path,
        Duration timestampWindow, int maxBodySize, VerifyTicketStore tickets, Clock clock) {

    @Override
    public String toString() {
        return "PushSettings[expectedAppId=" + expectedAppId + ", path=" + path + ", timestampWindow="
               + timestampWindow + ", maxBodySize=" + maxBodySize + "]";
    }
}
