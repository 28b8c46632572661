package io.camelwechat.examples.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nodes of a cluster as processes, and what their output says: which node is ready, which leads the watcher
 * route. Used by the main job's cluster story and by the chaos test.
 */
public final class ClusterNodes implements AutoCloseable {

    private static final Pattern LEADS = Pattern.compile("Route audit on node (\\S+) leads namespace audit");
    private static final int LAST_LINES = 20;
    private static final Pattern READY = Pattern.compile("NODE (\\S+) READY");

    /** A change of leader as a node's log told it, with when this JVM read the line. */
    public record Takeover(String node, long atNanos) {
    }

    private final Path settings;
    private final PrintStream echo;
    private final Map<String, NodeProcess> running = new ConcurrentHashMap<>();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    /** The last lines each node printed: what a failure message quotes. */
    private final Map<String, Deque<String>> lastLines = new ConcurrentHashMap<>();
    private final List<Takeover> takeovers = new ArrayList<>();

    /**
     * @param properties the nodes' properties (see {@link ClusterNodeMain})
     * @param echo       where the nodes' errors and their watchers' lines are echoed, or null
     */
    public ClusterNodes(Map<String, String> properties, Path folder, PrintStream echo) {
        this.settings = folder.resolve("cluster-node.properties");
        this.echo = echo;
        Properties file = new Properties();
        file.putAll(properties);
        try (Writer out = Files.newBufferedWriter(settings, StandardCharsets.UTF_8)) {
            file.store(out, "camel-wechat cluster nodes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings, e);
        }
    }

    /** Starts a node (again, after a kill) under this name. */
    public void start(String name) {
        ready.remove(name);
        running.put(name, NodeProcess.start(name, settings, this::heard));
    }

    private void heard(String node, String line) {
        Deque<String> recent = lastLines.computeIfAbsent(node, key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(line);
            if (recent.size() > LAST_LINES) {
                recent.removeFirst();
            }
        }
        Matcher leads = LEADS.matcher(line);
        boolean takeover = leads.find();
        if (takeover) {
            synchronized (takeovers) {
                takeovers.add(new Takeover(leads.group(1), System.nanoTime()));
                takeovers.notifyAll();
            }
        }
        Matcher readyLine = READY.matcher(line);
        if (readyLine.find()) {
            ready.add(readyLine.group(1));
        }
        if (echo != null && (takeover || line.contains("ERROR") || line.contains("CategoryAuditConsumer"))) {
            echo.println("      " + node + " | " + line);
        }
    }

    /** Waits until every named node has started its routes and made its first calls. */
    public void awaitReady(List<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.containsAll(names)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not ready within " + timeout.toSeconds() + " s: "
                                                + names.stream().filter(name -> !ready.contains(name)).toList());
            }
            for (String name : names) {
                NodeProcess process = running.get(name);
                if (process != null && !process.isAlive() && !ready.contains(name)) {
                    throw new IllegalStateException(name + " ended before it was ready; its last lines:\n"
                                                    + lastLines(name));
                }
            }
            Thread.sleep(50);
        }
    }

    private String lastLines(String name) {
        Deque<String> recent = lastLines.getOrDefault(name, new ArrayDeque<>());
        synchronized (recent) {
            return String.join("\n", recent);
        }
    }

    /** The last node that said it took the lead, if any. */
    public Optional<Takeover> leader() {
        synchronized (takeovers) {
            return takeovers.isEmpty() ? Optional.empty() : Optional.of(takeovers.get(takeovers.size() - 1));
        }
    }

    /** Waits for a takeover after the given count of takeovers (the next leader). */
    public Takeover awaitTakeover(int after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (takeovers) {
            while (takeovers.size() <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no node took the lead within " + timeout.toSeconds() + " s");
                }
                takeovers.wait(Math.max(1, left / 1_000_000));
            }
            return takeovers.get(after);
        }
    }

    public int takeoverCount() {
        synchronized (takeovers) {
            return takeovers.size();
        }
    }

    public boolean isRunning(String name) {
        NodeProcess process = running.get(name);
        return process != null && process.isAlive();
    }

    /** SIGKILL: the node dies as a machine would. */
    public void kill(String name) throws InterruptedException {
        NodeProcess process = running.remove(name);
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<NodeProcess> all = new ArrayList<>(running.values());
        running.clear();
        for (NodeProcess process : all) {
            process.close();
        }
    }
}
