package io.camelwechat.component.wechat.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.WeChatComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one DataSource of an application (a Spring Boot one, say) is used without naming it, as camel-sql does;
 * {@code autowiredEnabled=false} keeps the state in the JVM, and two DataSources are a choice left to the user.
 */
class AutowiredDataSourceTest {

    private final CamelContext context = new DefaultCamelContext();
    private final String prefix = SharedPostgres.freshPrefix();

    @AfterEach
    void stop() {
        context.stop();
    }

    private WeChatComponent startComponent(boolean autowiredEnabled) {
        WeChatComponent component = new WeChatComponent();
        component.setTablePrefix(prefix);
        component.setAutowiredEnabled(autowiredEnabled);
        context.addComponent("wechat", component);
        context.start();
        return component;
    }

    @Test
    void theApplicationsOneDataSourceIsUsed() throws SQLException {
        DataSource application = SharedPostgres.dataSource();
        context.getRegistry().bind("applicationDataSource", application);
        WeChatComponent component = startComponent(true);
        assertSame(application, component.getDataSource());
        assertTrue(tableExists(prefix + "access_token"), "its tables were created at start");
    }

    @Test
    void autowiredEnabledFalseKeepsTheStateInTheJvm() throws SQLException {
        context.getRegistry().bind("applicationDataSource", SharedPostgres.dataSource());
        assertNull(startComponent(false).getDataSource());
        assertFalse(tableExists(prefix + "access_token"));
    }

    @Test
    void twoDataSourcesAreNotGuessedBetween() {
        context.getRegistry().bind("orders", SharedPostgres.dataSource());
        context.getRegistry().bind("reports", new org.postgresql.ds.PGSimpleDataSource());
        assertNull(startComponent(true).getDataSource());
    }

    private static boolean tableExists(String table) throws SQLException {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
