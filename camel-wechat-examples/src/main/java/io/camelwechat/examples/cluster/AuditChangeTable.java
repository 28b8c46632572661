package io.camelwechat.examples.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import io.camelwechat.component.wechat.model.CategoryChange;

/**
 * The cluster example's downstream: every audit change a node delivers, with the node's name, in the table
 * {@code example_audit_change} of the shared database. A real downstream would be idempotent on
 * {@code app_id + second + change_type + audit_status}: a node killed while its exchange was in flight leaves that
 * change to be delivered again by the next leader.
 */
public final class AuditChangeTable {

    static final String TABLE = "example_audit_change";

    /** One delivered change, as the table holds it. */
    public record Delivery(long sequence, String node, String appId, int second, String type,
                           Integer previousStatus, Integer status) {
        /** The category it is about. */
        public String category() {
            return appId + " " + second;
        }

        /** The transition it delivered: what two deliveries of the same change share. */
        public String transition() {
            return category() + " " + type + " " + previousStatus + "->" + status;
        }
    }

    private final DataSource database;

    public AuditChangeTable(DataSource database) {
        this.database = database;
    }

    /** Creates the table when it is missing; every node does, at the same moment when they start together. */
    public void create() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            WeChatDatabase.createIfMissing(statement, "CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (sequence BIGSERIAL PRIMARY KEY, node VARCHAR(64) NOT NULL, app_id VARCHAR(64) NOT NULL, "
                    + "first_id INT NOT NULL, second_id INT NOT NULL, change_type VARCHAR(16) NOT NULL, "
                    + "previous_status INT, audit_status INT)");
        }
    }

    public void record(String node, CategoryChange change) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (node, app_id, "
                                                                    + "first_id, second_id, change_type, "
                                                                    + "previous_status, audit_status) "
                                                                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, node);
            insert.setString(2, change.appId());
            insert.setInt(3, change.first());
            insert.setInt(4, change.second());
            insert.setString(5, change.type().name());
            setStatus(insert, 6, change.previousStatus());
            setStatus(insert, 7, change.status());
            insert.executeUpdate();
        }
    }

    private static void setStatus(PreparedStatement insert, int index, Integer status) throws SQLException {
        if (status == null) {
            insert.setNull(index, Types.INTEGER);
        } else {
            insert.setInt(index, status);
        }
    }

    /** Every delivery so far, in the order the nodes recorded them. */
    public List<Delivery> deliveries() throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT sequence, node, app_id, second_id, "
                                                                    + "change_type, previous_status, audit_status "
                                                                    + "FROM " + TABLE + " ORDER BY sequence");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                deliveries.add(new Delivery(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                        rows.getString(5), (Integer) rows.getObject(6), (Integer) rows.getObject(7)));
            }
        }
        return deliveries;
    }
}
