package io.camelwechat.component.wechat.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelwechat.component.wechat.jdbc.WeChatDatabase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nodes of a cluster start together on an empty database, each creating the tables it misses. PostgreSQL's
 * CREATE TABLE IF NOT EXISTS is not safe against a concurrent one (the loser fails on a catalog unique index), which
 * once stopped a node of the cluster story at start: every creator must start all the same.
 */
class ConcurrentSchemaTest {

    private static final int NODES = 6;
    private static final int ROUNDS = 8;

    @Test
    void nodesCreatingTheTablesAtOnce_allStart_andTheTablesAreThere() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String prefix = SharedPostgres.freshPrefix();
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<?>> starts = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    starts.add(nodes.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        new WeChatDatabase(SharedPostgres.dataSource(), prefix).createTables();
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(30, TimeUnit.SECONDS); // throws if a node's createTables failed
                }
                assertEquals(5, tablesWith(prefix), "every table of the schema, round " + round);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static int tablesWith(String prefix) throws Exception {
        try (Connection connection = SharedPostgres.dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                                                                   + "WHERE left(table_name, length(?)) = ?")) {
            count.setString(1, prefix);
            count.setString(2, prefix);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
