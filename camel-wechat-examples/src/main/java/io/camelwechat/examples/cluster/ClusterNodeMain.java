package io.camelwechat.examples.cluster;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.main.Main;

/**
 * One node of a WeChat integration that runs on several machines: a camel-main application whose wechat component
 * keeps its state in a shared PostgreSQL and whose category watcher runs under {@code master:}, elected on a shared
 * ZooKeeper. Each delivered audit change goes to the table {@link AuditChangeTable} (the downstream of this
 * example), so that whoever runs the nodes can see which node delivered what.
 * <p>
 * {@code java ... ClusterNodeMain <properties file> <node name>}. The file holds the {@code camel.*} keys an
 * application.properties would (the account secrets among them), plus the {@code cluster.*} keys read here:
 * {@code cluster.zookeeper} (host:port list), {@code cluster.session-timeout} (ms), {@code cluster.database.url},
 * {@code cluster.database.user}, {@code cluster.database.password}, {@code cluster.accounts} (appids, comma
 * separated) and {@code cluster.watch-delay} (ms).
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ClusterNodeMain <properties file> <node name>");
            System.exit(2);
        }
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        String node = args[1];
        Main main = new Main();
        main.configure().withName(node);
        settings.stringPropertyNames().stream().filter(key -> key.startsWith("camel."))
                .forEach(key -> main.addInitialProperty(key, settings.getProperty(key)));

        HikariDataSource database = pool(settings, node);
        main.bind("wechatDatabase", database);
        main.addInitialProperty("camel.component.wechat.data-source", "#wechatDatabase");
        main.bind("zooKeeper", zooKeeper(settings, node));
        main.configure().addRoutesBuilder(new ClusterNodeRoutes(node, required(settings, "cluster.accounts"),
                Long.parseLong(settings.getProperty("cluster.watch-delay", "1000")), new AuditChangeTable(database)));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        main.run();
    }

    private static HikariDataSource pool(Properties settings, String node) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(required(settings, "cluster.database.url"));
        config.setUsername(settings.getProperty("cluster.database.user"));
        config.setPassword(settings.getProperty("cluster.database.password"));
        config.setMaximumPoolSize(8);
        config.setPoolName(node);
        return new HikariDataSource(config);
    }

    /** The cluster service master: elects with: this node's id is its name. */
    private static ZooKeeperClusterService zooKeeper(Properties settings, String node) {
        ZooKeeperClusterService service = new ZooKeeperClusterService();
        service.setId(node);
        service.setNodes(required(settings, "cluster.zookeeper"));
        service.setBasePath("/camel-wechat");
        long sessionTimeout = Long.parseLong(settings.getProperty("cluster.session-timeout", "30000"));
        service.setSessionTimeout(sessionTimeout);
        service.setConnectTimeout(Math.min(sessionTimeout, 15_000)); // Curator wants it no longer than the session
        return service;
    }

    private static String required(Properties settings, String key) {
        String value = settings.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the node's properties need " + key);
        }
        return value;
    }
}
