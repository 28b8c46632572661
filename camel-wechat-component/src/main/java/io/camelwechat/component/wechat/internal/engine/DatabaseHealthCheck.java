package io.camelwechat.component.wechat.internal.engine;

import java.util.Map;

import io.camelwechat.component.wechat.WeChatDatabaseException;
import io.camelwechat.component.wechat.internal.support.ReadinessCheck;
import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of the shared database (component option {@code dataSource}): DOWN while a connection cannot be had or
 * does not answer. The message names the data source by its class and URL, never its user or password.
 */
final class DatabaseHealthCheck extends ReadinessCheck {

    static final String ID = "wechat-database";
    private static final int VALIDATION_SECONDS = 2;

    private final WeChatDatabase database;

    DatabaseHealthCheck(WeChatDatabase database) {
        super(ID);
        this.database = database;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail("database", database.name());
        try {
            boolean valid = database.run("probing it", connection -> connection.isValid(VALIDATION_SECONDS));
            return (valid ? result.up() : result.down().message("the wechat database (" + database.name()
                                                                 + ") did not answer within " + VALIDATION_SECONDS
                                                                 + " s")).build();
        } catch (WeChatDatabaseException e) {
            return result.down().message(e.getMessage()).build();
        }
    }
}
