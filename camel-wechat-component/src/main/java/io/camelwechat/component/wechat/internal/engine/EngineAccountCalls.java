package io.camelwechat.component.wechat.internal.engine;

import java.util.function.Consumer;

import io.camelwechat.component.wechat.WeChatApiException;
import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.client.WeChatHttpClient;
import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.support.AccountIds;
import io.camelwechat.component.wechat.internal.token.TokenMode;
import io.camelwechat.component.wechat.internal.token.TokenSettings;
import io.camelwechat.component.wechat.spi.AccessTokenProvider;

/** The engine's {@link AccountCalls}: the account rules of one producer or consumer over the shared engine. */
final class EngineAccountCalls implements AccountCalls {

    private final TokenSettings tokenSettings;
    private final AccessTokenProvider tokens;
    private final TokenProviders providers;
    private final ResilientInvoker invoker;
    private final WeChatHttpClient client;
    private final WeChatMetrics metrics;
    private final Consumer<EngineAccountCalls> onClose;

    EngineAccountCalls(CallSettings settings, AccessTokenProvider tokens, TokenProviders providers,
                       WeChatHttpClient client, WeChatMetrics metrics, Consumer<EngineAccountCalls> onClose) {
        this.tokenSettings = settings.tokens();
        this.tokens = tokens;
        this.providers = providers;
        this.invoker = new ResilientInvoker(tokens, providers.circuit(), settings.busyRetries(),
                providers.statistics());
        this.client = client;
        this.metrics = metrics;
        this.onClose = onClose;
    }

    @Override
    public String resolveAccount(String headerAppId) {
        String configured = tokenSettings.appId();
        if (headerAppId == null || headerAppId.isBlank()) {
            if (configured == null || configured.isBlank()) {
                throw new IllegalArgumentException("No account to act for: set the appId option or the "
                                                   + WeChatConstants.APP_ID + " header");
            }
            return configured;
        }
        AccountIds.check(headerAppId, WeChatConstants.APP_ID);
        if (headerAppId.equals(configured) || tokenSettings.customProvider() != null
            || tokenSettings.mode() == TokenMode.AUTHORIZER) {
            return headerAppId;
        }
        if (tokenSettings.mode() == TokenMode.STATIC) {
            throw new IllegalArgumentException(WeChatConstants.APP_ID + " names appId " + headerAppId + ", but "
                                               + "tokenMode static holds one token, for appId "
                                               + (configured == null ? "(not set)" : configured)
                                               + ": use an endpoint whose accessToken belongs to " + headerAppId);
        }
        if (!providers.knowsAccount(headerAppId)) {
            throw new IllegalArgumentException(WeChatConstants.APP_ID + " names appId " + headerAppId + ", which has "
                                               + "no appSecret configured: give it with appSecrets "
                                               + "(camel.component.wechat.app-secrets[" + headerAppId + "]) or a "
                                               + "credentialsProvider bean, or appId and appSecret on an endpoint");
        }
        return headerAppId;
    }

    @Override
    public <T> T call(String appId, WeChatRequest request, boolean write, Class<T> resultType,
                      Consumer<CallReport> reports) {
        metrics.watchAccount(appId);
        long started = System.nanoTime();
        RetryCount retries = new RetryCount();
        Integer errcode = null;
        try {
            T result = invoker.invoke(appId, request, write,
                    token -> client.execute(request.withAccessToken(token), resultType), retries);
            errcode = 0;
            return result;
        } catch (WeChatApiException e) {
            errcode = e.getErrcode();
            throw e;
        } finally {
            metrics.recordCall(request.api(), outcome(errcode), System.nanoTime() - started);
            reports.accept(new CallReport(request.api(), request.path(), appId, errcode, retries.value()));
        }
    }

    /** The metrics' outcome tag: {@code ok}, the errcode, or {@code failed} for a call without one. */
    private static String outcome(Integer errcode) {
        if (errcode == null) {
            return "failed";
        }
        return errcode == 0 ? "ok" : String.valueOf(errcode);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }

    String defaultAccount() {
        return tokenSettings.appId();
    }

    AccessTokenProvider tokens() {
        return tokens;
    }
}
