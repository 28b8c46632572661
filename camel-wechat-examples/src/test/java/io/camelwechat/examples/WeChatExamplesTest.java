package io.camelwechat.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's main job, as a new user runs it: no credentials, so the embedded simulator. */
class WeChatExamplesTest {

    @Test
    void mainJobRunsEveryOperationAgainstTheSimulator() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Steps.Result result = WeChatExamples.run(Map.of(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.succeeded(), output);
        assertEquals(16, result.passed(), output);
        assertTrue(output.contains("primary 运输与仓储 / 快递 (code 13)"), output);
        assertTrue(output.contains("快递业与邮政/邮政 rejected ("), "one category is rejected first: " + output);
        assertTrue(output.contains("media_id "), output);
        assertTrue(output.contains("Summary: 16 steps, 16 passed, 0 failed"), output);
        assertTrue(output.contains("watcher: 快递业与邮政/邮政 under review -> rejected (缺少资质材料"), output);
        assertTrue(output.contains("watcher: 快递业与邮政/邮政 rejected (缺少资质材料 (qualification materials missing)) -> under review"),
                "the change back to review says why it was rejected: " + output);
        assertTrue(output.contains("watcher: 快递业与邮政/邮政 under review -> approved"), output);
        assertTrue(output.contains("removed"), output);
        assertTrue(output.contains("watcher: 快递业与邮政/快递、物流 removed"), "the watcher reported the deletion: "
                                                                             + output);
        assertTrue(output.contains("wechat-tokens UP"), "the component's readiness check under camel-main: " + output);
        assertTrue(output.contains("wechat-watcher:audit-watcher UP"), output);
        String console = output.substring(output.indexOf("Developer console (wechat):"));
        assertTrue(console.contains("WeChat component wechat\n"), "the console's text at the end: " + output);
        assertTrue(console.contains("    " + ExampleTarget.DEMO_APP_ID + ": tokens stable, token age "), console);
        assertTrue(console.contains("quota circuit closed"), console);
        assertTrue(console.contains("    audit-watcher: last poll ended "), console);
        assertTrue(console.contains(": APPROVED"), "the watcher's last delivered audit states: " + console);
        assertFalse(console.contains(ExampleTarget.DEMO_APP_SECRET), console);
    }

    @Test
    void realApiRunIsReadOnlyUnlessWritesAreAllowed() {
        ExampleTarget target = ExampleTarget.fromEnvironment(Map.of("WECHAT_APP_ID", "wxreal", "WECHAT_APP_SECRET",
                "s3cret", "WECHAT_BASE_URL", "http://127.0.0.1:9"));

        assertTrue(!target.isSimulator() && !target.writesAllowed());
        assertEquals("http://127.0.0.1:9", target.baseUrl());
    }
}
