package io.camelwechat.component.wechat.internal.watcher;

import io.camelwechat.component.wechat.internal.engine.WeChatEngine;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * Publishes the leadership gauge of every category watcher route under master: as its route starts, so that a
 * standby node, whose watcher never starts, shows 0 rather than nothing. The watcher sets the gauge to 1 while it
 * runs as the elected one.
 */
public final class LeadershipGauges extends SimpleEventNotifierSupport {

    private final WeChatEngine engine;
    private final Component owner;

    /** @param owner the component whose category watchers count */
    public LeadershipGauges(WeChatEngine engine, Component owner) {
        this.engine = engine;
        this.owner = owner;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Route route = ((CamelEvent.RouteStartedEvent) event).getRoute();
        ClusterLeadership.of(route).filter(leadership -> watchesWithOwner(route, leadership.delegate()))
                .ifPresent(leadership -> engine.leadership(leadership.route(), leadership.node()));
    }

    private boolean watchesWithOwner(Route route, String delegate) {
        int colon = delegate.indexOf(':');
        if (colon <= 0 || route.getCamelContext().hasComponent(delegate.substring(0, colon)) != owner) {
            return false;
        }
        String path = delegate.substring(colon + 1);
        return (path.startsWith("//") ? path.substring(2) : path).startsWith("category");
    }
}
