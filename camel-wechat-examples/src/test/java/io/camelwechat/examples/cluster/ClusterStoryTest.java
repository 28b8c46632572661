package io.camelwechat.examples.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.camelwechat.examples.Steps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job's --cluster story as a new user runs it: the simulator and an embedded PostgreSQL. */
class ClusterStoryTest {

    @Test
    void twoNodesShareOneTokenAndTheWatchersState() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Steps.Result result = ClusterStory.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.succeeded(), output);
        assertEquals(5, result.passed(), output);
        assertTrue(output.contains("128 calls answered; WeChat was asked for a token 1 time"), output);
        assertTrue(output.contains("node-2 polled and re-emitted nothing"), output);
        assertTrue(output.contains("node-2 delivered under review -> approved"), output);
        assertTrue(output.contains("node-2 watcher: "), "the change came from node-2's watcher: " + output);
    }
}
