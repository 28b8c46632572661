package io.camelwechat.component.wechat;

import io.camelwechat.component.wechat.internal.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.engine.AccountCalls;
import io.camelwechat.component.wechat.internal.engine.CallReport;
import io.camelwechat.component.wechat.internal.engine.CallSettings;
import io.camelwechat.component.wechat.internal.engine.WeChatEngine;
import io.camelwechat.component.wechat.internal.operation.OperationSettings;
import io.camelwechat.component.wechat.internal.operation.WeChatOperation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends one WeChat call per exchange and puts the typed result in the body: resolve the operation, bind the
 * request, call, set the body. Synchronous on purpose: the call blocks on a pooled HTTP connection, and a producer
 * that only looks asynchronous would still block a thread.
 * <p>
 * Order of input: the {@code CamelWeChatOperation} header, else the {@code op} option; a typed request in the
 * body, else the operation's headers; the {@code CamelWeChatAppId} header, else the {@code appId} option.
 */
public class WeChatProducer extends DefaultProducer {

    private final WeChatApi api;
    private final WeChatEngine engine;
    private final WeChatOperation defaultOperation;
    private final OperationSettings operationSettings;
    private final CallSettings callSettings;
    private AccountCalls calls;

    WeChatProducer(WeChatEndpoint endpoint, WeChatEngine engine, WeChatOperation defaultOperation,
                   OperationSettings operationSettings, CallSettings callSettings) {
        super(endpoint);
        this.api = endpoint.getApi();
        this.engine = engine;
        this.defaultOperation = defaultOperation;
        this.operationSettings = operationSettings;
        this.callSettings = callSettings;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        calls = engine.openCalls(callSettings);
    }

    @Override
    protected void doStop() throws Exception {
        if (calls != null) {
            calls.close();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        // an earlier call's facts must not describe this one when it fails before reaching WeChat (bad input); every
        // call sets CALL_API, so only an exchange that already made one pays for the pattern removal
        if (exchange.getProperty(WeChatConstants.CALL_API) != null) {
            exchange.removeProperties(WeChatConstants.CALL_PROPERTIES);
        }
        Message message = exchange.getMessage();
        WeChatOperation operation = WeChatOperation.forMessage(api,
                message.getHeader(WeChatConstants.OPERATION, String.class), defaultOperation);
        WeChatRequest request = operation.request(message, operationSettings);
        String appId = calls.resolveAccount(message.getHeader(WeChatConstants.APP_ID, String.class));
        message.setBody(calls.call(appId, request, operation.isWrite(request), operation.resultType(),
                report -> record(exchange, report)));
    }

    /** The facts of this call for the route and its tracing span, replacing an earlier call's on the exchange. */
    private static void record(Exchange exchange, CallReport report) {
        exchange.setProperty(WeChatConstants.CALL_API, report.api());
        exchange.setProperty(WeChatConstants.CALL_PATH, report.path());
        exchange.setProperty(WeChatConstants.CALL_APP_ID, report.appId());
        exchange.setProperty(WeChatConstants.CALL_ERRCODE, report.errcode());
        exchange.setProperty(WeChatConstants.CALL_RETRIES, report.retries());
    }
}
