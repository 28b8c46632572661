package io.camelwechat.component.wechat.internal.push;

import java.util.concurrent.ExecutorService;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.internal.engine.WeChatEngine;
import io.camelwechat.component.wechat.internal.support.WorkerPools;
import io.camelwechat.component.wechat.model.CategoryAuditEvent;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code from("wechat:events")}: receives WeChat's pushes on a platform-http path (so on whatever HTTP server the
 * application runs: camel-main's, Spring Boot's) and emits one exchange per valid push. WeChat is answered
 * {@code success} at once; the exchange is processed afterwards on the consumer's own thread (one at a time, in
 * the order the pushes were accepted), so a slow route never makes WeChat retry. Delivery of an accepted push is
 * at most once: WeChat was told {@code success}, so a push still queued when the consumer stops is lost (the
 * category watcher's polls still find every audit change). A category audit push is also a hint for the category
 * watchers.
 */
public class WeChatEventsConsumer extends DefaultConsumer {

    private final PushSettings settings;
    private final WeChatEngine engine;
    private ExecutorService emitter;
    private org.apache.camel.Consumer httpConsumer;
    private AutoCloseable shown;

    public WeChatEventsConsumer(Endpoint endpoint, Processor processor, PushSettings settings, WeChatEngine engine) {
        super(endpoint, processor);
        this.settings = settings;
        this.engine = engine;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one thread: exchanges in the order the pushes were accepted
        emitter = WorkerPools.newPool(getEndpoint().getCamelContext(), this, "WeChatEvents", 1, false);
        Endpoint http = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + settings.path() + "?httpMethodRestrict=GET,POST");
        PushNonces nonces = engine.sharedPushNonces()
                .map(shared -> PushNonces.shared(shared, settings.expectedAppId(), settings.timestampWindow()))
                .orElseGet(() -> PushNonces.inMemory(settings.timestampWindow()));
        PushReceiver receiver = new PushReceiver(settings,
                settings.tickets() != null ? settings.tickets() : engine.verifyTickets(), nonces,
                event -> emitter.execute(() -> emit(event)));
        httpConsumer = http.createConsumer(receiver);
        shown = engine.showReceiver(receiver::status);
        ServiceHelper.startService(httpConsumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (shown != null) {
            shown.close();
            shown = null;
        }
        if (emitter != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(emitter);
            emitter = null;
        }
        super.doStop();
    }

    private void emit(PushEvent event) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(event.body());
            message.setHeader(WeChatConstants.EVENT_TYPE, event.type());
            message.setHeader(WeChatConstants.APP_ID, event.appId());
            if (event.body() instanceof CategoryAuditEvent audit) {
                message.setHeader(WeChatConstants.CATEGORY_FIRST, audit.first());
                message.setHeader(WeChatConstants.CATEGORY_SECOND, audit.second());
                message.setHeader(WeChatConstants.AUDIT_STATUS, audit.ret());
                message.setHeader(WeChatConstants.AUDIT_REASON, audit.reason());
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing a WeChat push (" + event.type() + ") failed",
                        exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
        if (event.body() instanceof CategoryAuditEvent) {
            engine.pushHints().auditEnded(event.appId());
        }
    }
}
