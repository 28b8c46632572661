package io.camelwechat.examples;

import io.camelwechat.component.wechat.model.CategoryChange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per WeChat operation, what an integration would call from its own routes, and the category audit
 * watcher reporting every change.
 */
final class OperationRoutes extends RouteBuilder {

    private final AuditWatcherLog watcherLog;
    private final long watcherDelayMillis;

    OperationRoutes(AuditWatcherLog watcherLog, long watcherDelayMillis) {
        this.watcherLog = watcherLog;
        this.watcherDelayMillis = watcherDelayMillis;
    }

    @Override
    public void configure() {
        from("wechat:category?emitInitialState=true&initialDelay=0&delay=" + watcherDelayMillis).routeId("audit-watcher")
                .process(exchange -> watcherLog.report(exchange.getMessage().getBody(CategoryChange.class)));
        from("direct:set-industry").routeId("set-industry").to("wechat:industry?op=set");
        from("direct:get-industry").routeId("get-industry").to("wechat:industry?op=get");
        from("direct:settable-categories").routeId("settable-categories").to("wechat:category?op=all");
        from("direct:upload-qualification").routeId("upload-qualification").to("wechat:media?op=upload");
        from("direct:add-category").routeId("add-category").to("wechat:category?op=add");
        from("direct:list-categories").routeId("list-categories").to("wechat:category?op=list");
        from("direct:modify-category").routeId("modify-category").to("wechat:category?op=modify");
        from("direct:delete-category").routeId("delete-category").to("wechat:category?op=delete");
    }
}
