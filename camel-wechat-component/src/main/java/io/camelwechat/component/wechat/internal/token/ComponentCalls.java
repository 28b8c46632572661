package io.camelwechat.component.wechat.internal.token;

import java.util.function.Function;

import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.spi.Secret;

/**
 * Calls a third-party platform API with the platform's {@code component_access_token}, under the engine's call
 * policy: a rejected component token is refetched and the call tried once more, a quota answer opens the
 * platform's circuit. Thread-safe.
 */
public interface ComponentCalls {

    /**
     * @param write whether the call changes state at WeChat (then a busy answer is not retried)
     * @param call  the call, given the component token to send
     */
    <T> T invoke(String componentAppId, WeChatRequest request, boolean write, Function<Secret, T> call);
}
