package io.camelwechat.component.wechat.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

import io.camelwechat.component.wechat.spi.VerifyTicketStore;

/**
 * Verify tickets in the shared database: a ticket pushed to one node is the one every node's component token
 * fetch reads. The component uses it when its {@code dataSource} option is set; declare one yourself to keep tickets
 * in another database. Thread-safe.
 */
public final class JdbcVerifyTicketStore implements VerifyTicketStore {

    private final WeChatDatabase database;
    private final String table;
    private final Clock clock;

    public JdbcVerifyTicketStore(WeChatDatabase database, Clock clock) {
        this.database = database;
        this.table = database.table("verify_ticket");
        this.clock = clock;
    }

    @Override
    public Optional<String> load(String componentAppId) {
        return database.run("reading the verify ticket of " + componentAppId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT ticket FROM " + table
                                                                        + " WHERE component_app_id = ?")) {
                select.setString(1, componentAppId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(String componentAppId, String ticket) {
        if (ticket == null || ticket.isBlank()) {
            return; // a bad push must not replace the last good ticket
        }
        database.run("saving the verify ticket of " + componentAppId, connection -> {
            long now = clock.millis();
            database.upsert(connection,
                    "UPDATE " + table + " SET ticket = ?, updated_at = ? WHERE component_app_id = ?",
                    "INSERT INTO " + table + " (ticket, updated_at, component_app_id) VALUES (?, ?, ?)",
                    ticket, now, componentAppId);
            return null;
        });
    }
}
