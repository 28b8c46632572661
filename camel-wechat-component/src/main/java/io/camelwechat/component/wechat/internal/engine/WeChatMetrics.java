package io.camelwechat.component.wechat.internal.engine;

import java.util.function.BooleanSupplier;

import io.camelwechat.component.wechat.internal.token.TokenStatistics;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import org.apache.camel.CamelContext;
import org.slf4j.LoggerFactory;

/**
 * Where call timings go. With Micrometer on the classpath and a {@code MeterRegistry} in the Camel registry
 * (camel-micrometer, Spring Boot actuator), per-operation timers and per-account token counters are published
 * there; otherwise nothing is recorded here and the token counters stay available over JMX.
 */
interface WeChatMetrics {

    WeChatMetrics NONE = new WeChatMetrics() {
        @Override
        public void recordCall(String api, String outcome, long nanos) {
        }
    };

    /**
     * @param outcome {@code ok}, WeChat's errcode, or {@code failed} for a call without an errcode
     */
    void recordCall(String api, String outcome, long nanos);

    /** An account the component acts for: its token counters are published from now on. */
    default void watchAccount(String appId) {
    }

    /** Publishes whether this node leads a watcher route under master: (1 or 0). */
    default void watchLeadership(String route, String node, BooleanSupplier leads) {
    }

    /** How the shared database does, when there is one. */
    default WeChatDatabase.Listener database() {
        return WeChatDatabase.Listener.NONE;
    }

    /** Micrometer when it is there to use, else {@link #NONE}. */
    static WeChatMetrics forContext(CamelContext context, TokenStatistics statistics) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, WeChatMetrics.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return NONE;
        }
        WeChatMetrics micrometer = MicrometerWeChatMetrics.fromRegistry(context, statistics);
        if (micrometer != null) {
            LoggerFactory.getLogger(WeChatMetrics.class).debug("WeChat call timers and token counters go to Micrometer");
            return micrometer;
        }
        return NONE;
    }
}
