package io.camelwechat.component.wechat.internal.engine;

import java.util.function.Consumer;

import io.camelwechat.component.wechat.internal.client.WeChatRequest;

/**
 * One producer's or consumer's way to call WeChat: the account rules, the token, the retries, the quota circuit
 * and the metrics, all behind two methods. Opened from the {@link WeChatEngine} when the service starts and closed
 * when it stops (an open handle's default account is one the readiness check probes). Thread-safe.
 */
public interface AccountCalls extends AutoCloseable {

    /**
     * The account a message acts for: the header's appid when given, else the configured one. A mode that fetches
     * tokens with an AppSecret must know the account's secret; a static token belongs to the configured account
     * only; a third-party platform or a custom provider acts for any account.
     *
     * @throws IllegalArgumentException naming the header and what is missing
     */
    String resolveAccount(String headerAppId);

    /**
     * One call for an account, with its token; WeChat's errcodes are thrown as {@code WeChatApiException}.
     *
     * @param write whether the call changes state at WeChat (a busy answer to a write is not retried by default)
     */
    default <T> T call(String appId, WeChatRequest request, boolean write, Class<T> resultType) {
        return call(appId, request, write, resultType, report -> { });
    }

    /**
     * {@link #call(String, WeChatRequest, boolean, Class)}, telling {@code reports} what the call came to before it
     * returns or throws.
     */
    <T> T call(String appId, WeChatRequest request, boolean write, Class<T> resultType, Consumer<CallReport> reports);

    /**
     * The producer or consumer stopped: its default account is no longer probed by the readiness check (unless
     * another open handle's is). The handle itself still works, for calls already under way.
     */
    @Override
    void close();
}
