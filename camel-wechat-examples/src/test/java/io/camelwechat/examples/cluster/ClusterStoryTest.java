package io.camelwechat.examples.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.camelwechat.examples.Steps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job's cluster story as a new user runs it: the simulator, an embedded PostgreSQL and ZooKeeper, three
 * node JVMs, the leader killed.
 */
class ClusterStoryTest {

    @Test
    void threeNodesShareOneToken_andTheNextLeaderCarriesOnWhenTheFirstIsKilled() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Steps.Result result = ClusterStory.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.succeeded(), output);
        assertEquals(6, result.passed(), output);
        assertTrue(output.contains("3 nodes ready; WeChat was asked for a token 1 time(s)"), output);
        assertTrue(output.contains("took the lead"), output);
        assertTrue(output.contains("(approved), reading what the dead leader delivered from the database: nothing "
                                   + "twice"), output);
        assertTrue(output.contains("is back and ready"), output);
    }
}
