package io.camelwechat.examples;

import java.io.PrintStream;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The examples' main job: starts Camel (camel-main) with the wechat component configured for the target, runs
 * {@link ExampleStory} through the routes of {@link OperationRoutes}, prints a summary and exits non-zero if a step
 * failed.
 */
public final class WeChatExamples {

    private WeChatExamples() {
    }

    public static void main(String[] args) throws Exception {
        ExampleStory.Result result = run(System.getenv(), System.out);
        System.exit(result.succeeded() ? 0 : 1);
    }

    static ExampleStory.Result run(Map<String, String> environment, PrintStream out) throws Exception {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(environment)) {
            Main main = new Main();
            main.configure().withName("camel-wechat-examples");
            main.configure().addRoutesBuilder(new OperationRoutes());
            // the same keys an application.properties would hold
            main.addInitialProperty("camel.component.wechat.base-url", target.baseUrl());
            main.addInitialProperty("camel.component.wechat.app-id", target.appId());
            main.addInitialProperty("camel.component.wechat.app-secret", target.appSecret());
            main.start();
            try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
                return new ExampleStory(template, target, out).run();
            } finally {
                main.stop();
            }
        }
    }
}
