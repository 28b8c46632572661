package io.camelwechat.springboot.example;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application using the wechat component: the account and the other options come from
 * {@code camel.component.wechat.*} in application.properties (or the environment), the routes only name the API:
 * the two RouteBuilder beans below and a YAML route, {@code example-routes/industry.camel.yaml}. With Spring Boot actuator,
 * the readiness group of the health endpoint shows Camel's health checks, the component's among them (see
 * application.properties), and the application's MeterRegistry gets the component's meters.
 */
@SpringBootApplication
public class WeChatExampleApplication {

    /** Runs until stopped: nothing else (no web server) keeps the JVM alive. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(WeChatExampleApplication.class).properties("camel.main.run-controller=true")
                .run(args);
    }

    /** Send anything to direct:categories to get the mini program's categories, a SettingCategories. */
    @Bean
    RouteBuilder categoryRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:categories").routeId("list-categories")
                        .to("wechat:category?op=list");
            }
        };
    }

    /**
     * The category audit watcher: polls the account's categories every minute and logs each change (a
     * CategoryChange). It adds the readiness check {@code wechat-watcher:audit-watcher}, next to the component's
     * {@code wechat-tokens} and Camel's {@code consumer:audit-watcher}, which is DOWN until the first poll is done.
     */
    @Bean
    RouteBuilder watcherRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("wechat:category?delay=60000").routeId("audit-watcher")
                        .log("${body}");
            }
        };
    }
}
