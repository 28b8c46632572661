package io.camelwechat.springboot.example;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application using the wechat component: the account and the other options come from
 * {@code camel.component.wechat.*} in application.properties (or the environment), the route only names the API.
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
}
