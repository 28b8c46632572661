package io.camelwechat.component.wechat.internal.engine;

import io.camelwechat.component.wechat.internal.token.TokenSettings;

/**
 * What a producer or consumer asks of its calls: where its tokens come from and how busy answers are retried.
 * Its endpoint parses it once, when it is created.
 */
public record CallSettings(TokenSettings tokens, BusyRetryPolicy busyRetries) {
}
