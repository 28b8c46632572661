package io.camelwechat.component.wechat.springboot;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.WeChatComponent;
import io.camelwechat.component.wechat.WeChatConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration on its own: what is copied and in which order, the application's DataSource, switching it
 * off, a bad value.
 */
class WeChatComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    WeChatComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.wechat.app-id=wxrunner");

    @Test
    void propertiesReachTheComponent() {
        runner.withPropertyValues("camel.component.wechat.busy-retry-delay=1s",
                "camel.component.wechat.token-mode=classic", "camel.component.wechat.max-connections=7").run(context -> {
            WeChatComponent component = context.getBean(CamelContext.class).getComponent("wechat", WeChatComponent.class);
            WeChatConfiguration configuration = component.getConfiguration();
            assertThat(configuration.getAppId()).isEqualTo("wxrunner");
            assertThat(configuration.getBusyRetryDelay()).isEqualTo(1_000);
            assertThat(configuration.getTokenMode()).isEqualTo("classic");
            assertThat(component.getMaxConnections()).isEqualTo(7);
        });
    }

    @Test
    void flatOptionsRefineAConfigurationBean() {
        WeChatConfiguration shared = new WeChatConfiguration();
        shared.setTokenMode("static");
        shared.setAccessToken("token-from-the-bean");
        runner.withBean("sharedConfiguration", WeChatConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.wechat.configuration=#sharedConfiguration",
                        "camel.component.wechat.base-url=http://gateway.example", "camel.component.wechat.busy-retries=1")
                .run(context -> {
                    WeChatConfiguration configuration = context.getBean(CamelContext.class)
                            .getComponent("wechat", WeChatComponent.class).getConfiguration();
                    assertThat(configuration).isSameAs(shared);
                    assertThat(configuration.getAppId()).isEqualTo("wxrunner");
                    assertThat(configuration.getBaseUrl()).isEqualTo("http://gateway.example");
                    assertThat(configuration.getBusyRetries()).isEqualTo(1);
                    // the bean's values stay: unset properties are not copied as defaults
                    assertThat(configuration.getTokenMode()).isEqualTo("static");
                    assertThat(configuration.getAccessToken()).isEqualTo("token-from-the-bean");
                });
    }

    @Test
    void theApplicationsDataSourceHoldsTheSharedState() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            ApplicationContextRunner application = runner
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "spring.datasource.username=postgres");
            application.run(context -> {
                WeChatComponent component = context.getBean(CamelContext.class)
                        .getComponent("wechat", WeChatComponent.class);
                assertThat(component.getDataSource()).isSameAs(context.getBean(DataSource.class));
                try (Connection connection = component.getDataSource().getConnection();
                     ResultSet table = connection.getMetaData().getTables(null, null, "wechat_access_token", null)) {
                    assertThat(table.next()).as("the component's tables were created in it").isTrue();
                }
            });
            application.withPropertyValues("camel.component.wechat.autowired-enabled=false").run(context -> {
                assertThat(context.getBean(CamelContext.class).getComponent("wechat", WeChatComponent.class)
                        .getDataSource()).as("opted out: the state stays in the JVM").isNull();
            });
        }
    }

    @Test
    void disabledLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.wechat.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(WeChatComponentConfiguration.class);
            WeChatComponent component = context.getBean(CamelContext.class).getComponent("wechat", WeChatComponent.class);
            assertThat(component.getConfiguration().getAppId()).isNull();
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(WeChatConfiguration.DEFAULT_BASE_URL);
        });
    }

    @Test
    void aBadDurationFailsTheStartup() {
        runner.withPropertyValues("camel.component.wechat.response-timeout=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("soon");
        });
    }
}
