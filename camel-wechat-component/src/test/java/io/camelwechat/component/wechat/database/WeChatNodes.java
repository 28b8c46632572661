package io.camelwechat.component.wechat.database;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.simulator.WeChatSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Several Camel applications ("nodes") in one JVM, each with its own wechat component, all on one simulator and
 * one database: what a cluster shares is only what the component puts in the database.
 */
public final class WeChatNodes implements AutoCloseable {

    public record Node(CamelContext context, WeChatComponent component, ProducerTemplate template) {
    }

    private final List<Node> nodes = new ArrayList<>();

    /**
     * @param configure sets each node's component up beyond base URL, data source and table prefix
     */
    public WeChatNodes(int count, WeChatSimulator simulator, DataSource dataSource, String tablePrefix,
                Consumer<WeChatComponent> configure) {
        for (int i = 0; i < count; i++) {
            CamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("node-" + (i + 1));
            WeChatComponent component = new WeChatComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.setDataSource(dataSource);
            component.setTablePrefix(tablePrefix);
            component.setClock(simulatorTime(simulator)); // rows are dated in WeChat's time, which the tests move
            configure.accept(component);
            context.addComponent("wechat", component);
            nodes.add(new Node(context, component, context.createProducerTemplate()));
        }
    }

    /** The simulator's clock as a {@link Clock}: what the nodes date their database rows with. */
    static Clock simulatorTime(WeChatSimulator simulator) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return simulator.clock().now();
            }
        };
    }

    public WeChatNodes start() {
        nodes.forEach(node -> node.context().start());
        return this;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public List<Node> all() {
        return nodes;
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                node.context().close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping " + node.context().getName() + " failed", e);
            }
        }
    }
}
