package io.camelwechat.examples.cluster;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.model.CategoryChange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A cluster node's routes: the category watcher under {@code master:audit} (one node of the cluster runs it), each
 * change recorded in the {@link AuditChangeTable}; and, at start, one call per account, so that every node needs the
 * accounts' tokens at once.
 */
final class ClusterNodeRoutes extends RouteBuilder {

    private final String node;
    private final String accounts;
    private final long watchDelay;
    private final AuditChangeTable changes;

    ClusterNodeRoutes(String node, String accounts, long watchDelay, AuditChangeTable changes) {
        this.node = node;
        this.accounts = accounts;
        this.watchDelay = watchDelay;
        this.changes = changes;
    }

    @Override
    public void configure() throws Exception {
        changes.create();
        from("master:audit:wechat:category?appIds=" + accounts + "&initialDelay=0&delay=" + watchDelay)
                .routeId("audit")
                .process(exchange -> changes.record(node, exchange.getMessage().getBody(CategoryChange.class)));

        // every node lists each account's categories once at start: the accounts' tokens are fetched once for the
        // whole cluster, the other nodes read them from the database
        from("timer:warm-up?repeatCount=1").routeId("warm-up")
                .setBody(constant(accounts)).split(body().tokenize(",")).parallelProcessing()
                .setHeader(WeChatConstants.APP_ID, body())
                .to("wechat:category?op=list")
                .end()
                .process(exchange -> System.out.println("NODE " + node + " READY"));
    }
}
