package io.camelwechat.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A {@link ClusterNodeMain} in a JVM of its own, on this JVM's class path, so that it can be killed as a machine
 * dies: SIGKILL, no shutdown hook, no goodbye to ZooKeeper. Each line it prints goes to a listener.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** @param lines hears each line of the node's output (stdout and stderr), with the node's name */
    static NodeProcess start(String name, Path settings, BiConsumer<String, String> lines) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ClusterNodeMain.class.getName(), settings.toString(), name);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> forward(name, process, lines), "output of " + name);
            reader.setDaemon(true);
            reader.start();
            return new NodeProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static void forward(String name, Process process, BiConsumer<String, String> lines) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.accept(name, line);
            }
        } catch (IOException e) {
            // the process died with its pipe: nothing more to read
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a machine that dies: the node's ZooKeeper session lives on until it times out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the node as an operator would (SIGTERM: Camel shuts down), and kills it if it does not go. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
