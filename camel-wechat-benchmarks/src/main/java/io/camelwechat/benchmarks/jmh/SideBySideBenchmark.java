package io.camelwechat.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelwechat.simulator.WeChatSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The producer's overhead measured side by side: the component and the bare HttpClient 5 of
 * {@link ProducerOverheadBenchmark} run at the same time, each on its own threads (JMH thread groups, as many of
 * each), against one simulator. On a shared machine whose load changes from second to second, clients measured one
 * after the other see different machines; run together, every change of load hits both at once, so the ratio of
 * their throughputs stays put while the absolute figures move. Both compete for the same cores: with the cores
 * saturated the ratio is that of the CPU each call costs (simulator included), as it is when they run in turn.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SideBySideBenchmark {

    static final String GROUP = "pair";

    /** One simulator, one component and one bare client, shared by the group's threads. */
    @State(Scope.Group)
    public static class Pair {
        WeChatSimulator simulator;
        final ProducerOverheadBenchmark.ComponentClient component = new ProducerOverheadBenchmark.ComponentClient();
        final ProducerOverheadBenchmark.BareClient bare = new ProducerOverheadBenchmark.BareClient();

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            simulator = ProducerOverheadBenchmark.startSimulator();
            component.open(simulator);
            bare.open(simulator);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            try {
                component.close();
                bare.close();
            } finally {
                simulator.close();
            }
        }
    }

    @Benchmark
    @Group(GROUP)
    public Object component(Pair pair) {
        return pair.component.template.requestBody(pair.component.endpoint, (Object) null);
    }

    @Benchmark
    @Group(GROUP)
    public JsonNode bare(Pair pair) throws IOException {
        return ProducerOverheadBenchmark.send(pair.bare);
    }
}
