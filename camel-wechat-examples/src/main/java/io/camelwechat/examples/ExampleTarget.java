package io.camelwechat.examples;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import io.camelwechat.simulator.WeChatSimulator;

/**
 * Where the examples run: the real WeChat API when {@code WECHAT_APP_ID} and {@code WECHAT_APP_SECRET} are set,
 * otherwise an embedded simulator started on 127.0.0.1 with a demo account.
 */
public final class ExampleTarget implements AutoCloseable {

    static final String DEMO_APP_ID = "wxdemo0000000001";
    static final String DEMO_APP_SECRET = "demo-secret";

    private final String baseUrl;
    private final String appId;
    private final String appSecret;
    private final WeChatSimulator simulator;
    private final boolean writesAllowed;

    private ExampleTarget(String baseUrl, String appId, String appSecret, WeChatSimulator simulator,
                          boolean writesAllowed) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.appSecret = appSecret;
        this.simulator = simulator;
        this.writesAllowed = writesAllowed;
    }

    /**
     * Reads the environment. Against the real API only reads run unless {@code WECHAT_EXAMPLES_WRITE=true}: a set
     * industry can be changed once a month and deletes the old industry's templates.
     */
    public static ExampleTarget fromEnvironment(Map<String, String> environment) {
        String appId = environment.get("WECHAT_APP_ID");
        String appSecret = environment.get("WECHAT_APP_SECRET");
        if (appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank()) {
            return new ExampleTarget(environment.getOrDefault("WECHAT_BASE_URL", "https://api.weixin.qq.com"), appId,
                    appSecret, null, Boolean.parseBoolean(environment.get("WECHAT_EXAMPLES_WRITE")));
        }
        WeChatSimulator simulator = WeChatSimulator.builder()
                .account(DEMO_APP_ID, DEMO_APP_SECRET)
                .auditDelay(Duration.ofMinutes(10))
                .build().start();
        return new ExampleTarget(simulator.baseUrl(), DEMO_APP_ID, DEMO_APP_SECRET, simulator, true);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String appId() {
        return appId;
    }

    public String appSecret() {
        return appSecret;
    }

    public boolean isSimulator() {
        return simulator != null;
    }

    public boolean writesAllowed() {
        return writesAllowed;
    }

    /** Lets the simulated WeChat audit team finish its work; against the real API audits take their own time. */
    public void letAuditsComplete() {
        if (simulator != null) {
            simulator.clock().advance(Duration.ofMinutes(11));
        }
    }

    /** How often WeChat was asked for an access token (stable or classic): known for the simulator only. */
    public OptionalInt tokenFetches() {
        return simulator == null ? OptionalInt.empty()
                : OptionalInt.of(simulator.requestCount("/cgi-bin/stable_token")
                                 + simulator.requestCount("/cgi-bin/token"));
    }

    /**
     * A stable token of the simulated account, handed out directly (no request): what the story's own writes use,
     * so that the nodes' classic token fetches are all that WeChat counts.
     */
    public String staticToken() {
        if (simulator == null) {
            throw new IllegalStateException("only the simulator hands out tokens directly");
        }
        return simulator.stableToken(appId);
    }

    public String describe() {
        return isSimulator() ? "the embedded WeChat simulator at " + baseUrl + " (demo account " + appId + ")"
                : "the WeChat API at " + baseUrl + " (account " + appId + ")";
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
