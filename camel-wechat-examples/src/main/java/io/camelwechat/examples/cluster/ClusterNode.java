package io.camelwechat.examples.cluster;

import java.time.Duration;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.examples.AuditWatcherLog;
import io.camelwechat.examples.ExampleTarget;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * One node of the cluster story: a Camel application (camel-main) whose wechat component keeps its state in the
 * shared database. Configured with the keys an application.properties would hold; the only addition to a
 * single-node application is {@code camel.component.wechat.data-source}.
 */
final class ClusterNode implements AutoCloseable {

    static final String WATCHER = "audit-watcher";

    private final String name;
    private final Main main = new Main();
    private ProducerTemplate template;

    ClusterNode(String name, ExampleTarget target, DataSource database, AuditWatcherLog watcherLog) {
        this.name = name;
        main.configure().withName(name);
        main.bind("wechatDatabase", database);
        main.addInitialProperty("camel.component.wechat.data-source", "#wechatDatabase");
        main.addInitialProperty("camel.component.wechat.base-url", target.baseUrl());
        main.addInitialProperty("camel.component.wechat.app-id", target.appId());
        main.addInitialProperty("camel.component.wechat.app-secret", target.appSecret());
        main.addInitialProperty("camel.health.enabled", "true");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // started by the story on one node at a time: the cluster issue has a leader elected instead
                from("wechat:category?initialDelay=0&delay=200").routeId(WATCHER).autoStartup(false)
                        .process(exchange -> watcherLog.report(name + " watcher",
                                exchange.getMessage().getBody(CategoryChange.class)));
                from("direct:list-categories").to("wechat:category?op=list");
                from("direct:settable-categories").to("wechat:category?op=all");
                from("direct:add-category").to("wechat:category?op=add");
            }
        });
    }

    String name() {
        return name;
    }

    ClusterNode start() throws Exception {
        main.start();
        template = main.getCamelContext().createProducerTemplate();
        return this;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ProducerTemplate template() {
        return template;
    }

    /** Starts this node's watcher and waits (bounded) until its first poll is done. */
    void startWatcher(Duration timeout) throws Exception {
        context().getRouteController().startRoute(WATCHER);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context().getRoute(WATCHER).getConsumer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!consumer.isFirstPollDone()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + "'s watcher did not poll within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        if (template != null) {
            template.close();
        }
        main.stop();
    }
}
