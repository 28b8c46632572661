package io.camelwechat.examples;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

/**
 * The YAML DSL example: camel-main configured by {@code yaml/application.properties}, running the YAML routes of
 * {@code yaml/routes}, which use the wechat component by URI and through the Kamelets the component jar ships. The same
 * files run under {@code camel run} (docs/low-code.md).
 *
 * <p>With no credentials it starts the embedded simulator, lets the startup route set the industry and add a
 * category, then waits for the audit source to report the category (ADDED, under review), moves the simulator's
 * clock and waits for the audit result (STATUS_CHANGED, approved); it exits non-zero if either does not come.
 * With {@code WECHAT_APP_ID} and {@code WECHAT_APP_SECRET} it runs against the real API until stopped (Ctrl-C):
 * the startup route only reads (plus setIndustry with {@code WECHAT_EXAMPLES_WRITE=true}), and the audit source
 * logs every category change.
 */
public final class YamlExample {

    /** Where the example's camel-main configuration is. */
    static final String PROPERTIES = "classpath:yaml/application.properties";
    /** The example's YAML routes; not in the properties file, which camel run reads too (it names its own files). */
    static final String ROUTES = "classpath:yaml/routes/*.camel.yaml";

    private static final String AUDITS = "seda:yaml-example-audits";
    private static final long WAIT_MILLIS = 30_000;

    private YamlExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.getenv(), System.out) ? 0 : 1);
    }

    /**
     * A camel-main set up as the example's {@code application.properties} says; {@code overrides} win over the
     * file (tests point the wechat component at their simulator this way).
     */
    static Main newMain(Map<String, String> overrides) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTIES);
        main.configure().withRoutesIncludePattern(ROUTES);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    static boolean run(Map<String, String> environment, PrintStream out) throws Exception {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(environment)) {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("camel.component.wechat.base-url", target.baseUrl());
            overrides.put("camel.component.wechat.app-id", target.appId());
            overrides.put("camel.component.wechat.app-secret", target.appSecret());
            overrides.put("example.writes", String.valueOf(target.writesAllowed()));
            // a category add spends the real account's monthly quota: the simulator only
            overrides.put("example.add-category", String.valueOf(target.isSimulator()));
            out.println("camel-wechat YAML example against " + target.describe());
            if (!target.isSimulator()) {
                newMain(overrides).run(); // until Ctrl-C
                return true;
            }
            overrides.put("example.audit.delay", "500");
            overrides.put("example.audit.initial-delay", "0");
            overrides.put("example.audit.to", AUDITS);
            Main main = newMain(overrides);
            main.start();
            try (ConsumerTemplate audits = main.getCamelContext().createConsumerTemplate()) {
                Exchange added = audits.receive(AUDITS, WAIT_MILLIS);
                out.println("audit source: " + describe(added));
                if (added == null) {
                    return false;
                }
                out.println("letting WeChat audit (the simulator's clock moves 11 minutes)");
                target.letAuditsComplete();
                Exchange audited = audits.receive(AUDITS, WAIT_MILLIS);
                out.println("audit source: " + describe(audited));
                return audited != null && "STATUS_CHANGED".equals(audited.getMessage().getHeader("CamelWeChatChangeType"));
            } finally {
                main.stop();
            }
        }
    }

    private static String describe(Exchange change) {
        return change == null ? "no change within " + WAIT_MILLIS / 1000 + " s"
                : change.getMessage().getHeader("CamelWeChatChangeType") + " " + change.getMessage().getBody(String.class);
    }
}
