package io.camelwechat.component.wechat.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

import io.camelwechat.component.wechat.spi.AuthorizerTokenStore;

/**
 * The refresh tokens of the accounts that authorized a platform, in the shared database. With the component's
 * {@code dataSource} set, the fetch that may rotate a refresh token and its save run under the database lock of
 * that account's token, so two nodes can never lose the newer one. Thread-safe.
 */
public final class JdbcAuthorizerTokenStore implements AuthorizerTokenStore {

    private final WeChatDatabase database;
    private final String table;
    private final Clock clock;

    public JdbcAuthorizerTokenStore(WeChatDatabase database, Clock clock) {
        this.database = database;
        this.table = database.table("authorizer_token");
        this.clock = clock;
    }

    @Override
    public Optional<String> loadRefreshToken(String componentAppId, String authorizerAppId) {
        return database.run("reading the refresh token of authorizer " + authorizerAppId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT refresh_token FROM " + table
                    + " WHERE component_app_id = ? AND authorizer_app_id = ?")) {
                select.setString(1, componentAppId);
                select.setString(2, authorizerAppId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveRefreshToken(String componentAppId, String authorizerAppId, String refreshToken) {
        database.run("saving the refresh token of authorizer " + authorizerAppId, connection -> {
            database.upsert(connection, "UPDATE " + table + " SET refresh_token = ?, updated_at = ? WHERE "
                                        + "component_app_id = ? AND authorizer_app_id = ?",
                    "INSERT INTO " + table + " (refresh_token, updated_at, component_app_id, authorizer_app_id) "
                    + "VALUES (?, ?, ?, ?)", refreshToken, clock.millis(), componentAppId, authorizerAppId);
            return null;
        });
    }
}
