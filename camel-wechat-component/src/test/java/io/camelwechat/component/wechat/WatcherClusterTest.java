package io.camelwechat.component.wechat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelwechat.component.wechat.model.CategoryChange;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelwechat.component.wechat.Conditions.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes (CamelContexts) run the watcher under {@code master:} with a FileLockClusterService on a shared lock
 * folder and a FileStateRepository on a shared file: only the leader polls; when it stops, the follower takes
 * over and delivers what happened since, once.
 */
class WatcherClusterTest extends WeChatTestSupport {

    /** Leadership moves on the file lock's schedule: longer than the other tests' waits. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<CamelContext> nodes = new ArrayList<>();

    @TempDir
    Path folder;

    @AfterEach
    void stopNodes() throws Exception {
        for (CamelContext node : nodes) {
            node.stop();
        }
    }

    private CamelContext startNode(String name) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(folder.resolve("locks").toString());
        cluster.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        node.addService(cluster);
        node.addComponent("wechat", newComponent());
        node.getRegistry().bind("state", FileStateRepository.fileStateRepository(folder.resolve("state.dat").toFile()));
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:wechat-audit:wechat:category?appId=" + APP_ID + "&stateRepository=#state"
                     + "&delay=50&initialDelay=0")
                        .routeId("watch-" + name)
                        .process(exchange -> {
                            CategoryChange change = exchange.getMessage().getBody(CategoryChange.class);
                            delivered.add(name + " " + change.type() + " " + change.status());
                        });
            }
        });
        node.start();
        nodes.add(node);
        return node;
    }

    @Test
    void leaderPolls_followerTakesOverWithoutLossOrDuplicate() throws Exception {
        CamelContext first = startNode("node-a");
        awaitCondition(() -> simulator.requestCount("/cgi-bin/wxopen/getcategory") > 0, WAIT, () -> "a first poll");
        startNode("node-b");

        simulator.registerMedia(APP_ID, "media-1");
        template.requestBody("wechat:category?op=add",
                CategoryRequest.of(8, 39, Certificate.of("《因私出入境中介机构经营许可证》", "media-1")));
        awaitCondition(() -> delivered.size() >= 1, WAIT, () -> "1 delivery, got " + delivered);

        first.stop();
        simulator.clock().advance(Duration.ofMinutes(11));
        awaitCondition(() -> delivered.size() >= 2, WAIT, () -> "2 deliveries, got " + delivered);
        waitForMorePolls(5);

        assertEquals(List.of("node-a ADDED 1", "node-b STATUS_CHANGED 3"), delivered,
                "the leader delivered while it led, the follower took over, nothing twice");
    }

    /** Lets the new leader poll a few more times, so that a duplicate would have shown. */
    private void waitForMorePolls(int polls) throws InterruptedException {
        int seen = simulator.requestCount("/cgi-bin/wxopen/getcategory");
        awaitCondition(() -> simulator.requestCount("/cgi-bin/wxopen/getcategory") >= seen + polls, WAIT,
                () -> polls + " more polls");
    }
}
