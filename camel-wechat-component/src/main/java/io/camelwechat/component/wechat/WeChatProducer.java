package io.camelwechat.component.wechat;

import java.util.Map;

import io.camelwechat.component.wechat.client.WeChatRequest;
import io.camelwechat.component.wechat.internal.support.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends one WeChat call per exchange and puts the typed result in the body. Synchronous on purpose: the call
 * blocks on a pooled HTTP connection, and a producer that only looks asynchronous would still block a thread.
 * <p>
 * Order of input: the {@code CamelWeChatOperation} header, else the {@code op} option; a typed request in the
 * body, else the operation's headers; the {@code CamelWeChatAppId} header, else the {@code appId} option.
 */
public class WeChatProducer extends DefaultProducer {

    private final WeChatEndpoint endpoint;

    public WeChatProducer(WeChatEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        if (endpoint.getApi() == WeChatApi.api) {
            WeChatRequest request = GenericApiCall.toRequest(message, endpoint.getConfiguration());
            String appId = endpoint.resolveAccount(message.getHeader(WeChatConstants.APP_ID, String.class));
            message.setBody(endpoint.call(appId, request, request.method() == WeChatRequest.HttpMethod.POST,
                    Map.class));
            return;
        }
        WeChatOperation operation = resolveOperation(message);
        WeChatRequest request = operation.toRequest(message, endpoint.getConfiguration());
        String appId = endpoint.resolveAccount(message.getHeader(WeChatConstants.APP_ID, String.class));
        Object result = endpoint.call(appId, operation, request);
        message.setBody(result);
    }

    private WeChatOperation resolveOperation(Message message) {
        String header = message.getHeader(WeChatConstants.OPERATION, String.class);
        if (header != null && !header.isBlank()) {
            try {
                return WeChatOperation.of(endpoint.getApi(),
                        Texts.requireNoControlCharacters(header, "the op").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(WeChatConstants.OPERATION + " header: " + e.getMessage(), e);
            }
        }
        String op = endpoint.getConfiguration().getOp();
        if (op == null || op.isBlank()) {
            throw new IllegalArgumentException("No operation for wechat:" + endpoint.getApi() + ": set the op option "
                                               + "or the " + WeChatConstants.OPERATION + " header to one of "
                                               + WeChatOperation.validOps(endpoint.getApi()));
        }
        return WeChatOperation.of(endpoint.getApi(), op);
    }
}
