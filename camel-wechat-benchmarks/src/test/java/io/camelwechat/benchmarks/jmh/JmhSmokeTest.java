package io.camelwechat.benchmarks.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.RunResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every JMH benchmark once, in this JVM and for a fraction of a second, so the default build proves they
 * still start, measure and really talk to the simulator. The figures themselves mean nothing here.
 */
class JmhSmokeTest {

    @Test
    @Timeout(60)
    void everyBenchmarkRunsAndTheComponentReachesTheSimulator(@TempDir Path dir) throws Exception {
        JmhRunner.Settings settings = JmhRunner.Settings.parse(
                "-f", "0", "-wi", "1", "-w", "100ms", "-i", "1", "-r", "200ms", "-t", "1,2",
                "-o", dir.resolve("jmh-results.json").toString(), "-v", "silent");
        ProducerOverheadBenchmark.TRIALS.clear();
        TokenCacheBenchmark.LAST_TRIAL_FETCHES.set(-1);
        SharedStateTokenBenchmark.STATEMENTS_DURING_HITS.clear();
        SharedStateTokenBenchmark.FETCHES_DURING_HITS.clear();

        List<RunResult> results = JmhRunner.run(settings);

        List<String> ran = new ArrayList<>();
        for (RunResult result : results) {
            String state = result.getParams().getParam("state");
            String name = JmhRunner.method(result) + (state == null ? "" : "(" + state + ")") + "@"
                          + result.getParams().getThreads();
            ran.add(name);
            assertTrue(result.getPrimaryResult().getScore() > 0, name + " scored " + result.getPrimaryResult());
        }
        assertEquals(List.of("clockRead@1", "tokenHit@1", "hit(memory)@1", "hit(database)@1", "bare@1", "component@1", "bare@2", "component@2",
                "pair@2", "pair@4"), ran);

        assertEquals(1, TokenCacheBenchmark.LAST_TRIAL_FETCHES.get(), "the token benchmark measured hits only");
        // with the dataSource option a hit is served by the cache in front: no statement, no fetch
        assertEquals(0L, SharedStateTokenBenchmark.STATEMENTS_DURING_HITS.get("database"),
                "database statements during the hits with dataSource set");
        assertEquals(0, SharedStateTokenBenchmark.FETCHES_DURING_HITS.get("database"));
        assertEquals(0, SharedStateTokenBenchmark.FETCHES_DURING_HITS.get("memory"));

        for (RunResult result : results) {
            if (result.getParams().getBenchmark().startsWith(TokenCacheBenchmark.class.getName())
                || result.getParams().getBenchmark().startsWith(SharedStateTokenBenchmark.class.getName())) {
                continue;
            }
            if (result.getParams().getBenchmark().startsWith(SideBySideBenchmark.class.getName())) {
                // both clients scored in the same trial, each on its own threads
                for (String client : List.of("component", "bare")) {
                    assertTrue(result.getSecondaryResults().get(client).getScore() > 0, client + " side by side");
                }
                continue;
            }
            String client = JmhRunner.method(result);
            int threads = result.getParams().getThreads();
            ProducerOverheadBenchmark.TrialRecord trial = ProducerOverheadBenchmark.TRIALS.get(client + "@" + threads);
            assertNotNull(trial, "no simulator record for " + client + "@" + threads);
            long measuredOps = measuredOps(result);
            assertTrue(measuredOps > 0, client + "@" + threads + " measured no operation");
            // every operation JMH counted is one getcategory the simulator answered (warm-up ones come on top)
            assertTrue(trial.categoryRequests() >= measuredOps, client + "@" + threads + ": the simulator saw "
                       + trial.categoryRequests() + " getcategory requests for " + measuredOps + " measured ops");
            // the component fetched its one stable token from the simulator; the bare client was handed it
            assertEquals(client.equals("component") ? 1 : 0, trial.tokenRequests(),
                    client + "@" + threads + " token requests");
        }

        JmhRunner.write(results, settings.output);
        String json = Files.readString(settings.output);
        assertTrue(json.contains("ProducerOverheadBenchmark.component")
                   && json.contains("TokenCacheBenchmark.tokenHit"), json);
        JmhRunner.Summary summary = JmhRunner.Summary.of(results);
        System.out.print(summary.table());
        assertTrue(summary.ratio(1).isPresent() && summary.ratio(2).isPresent() && summary.tokenHitNs() != null
                   && summary.sharedHitRatio().isPresent()
                   && summary.sideBySideRatio(1).isPresent() && summary.sideBySideRatio(2).isPresent(),
                summary.table());
    }

    private static long measuredOps(RunResult result) {
        return result.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .map(IterationResult::getMetadata)
                .mapToLong(IterationResultMetaData::getMeasuredOps)
                .sum();
    }
}
