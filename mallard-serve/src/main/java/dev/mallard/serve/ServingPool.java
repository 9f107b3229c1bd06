package dev.mallard.serve;

import dev.mallard.duckdb.LockedDownDuckDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of long-lived connections to one locked-down in-memory DuckDB, each with
 * its own cache of prepared statements. A request borrows one for the duration of its query.
 */
final class ServingPool implements AutoCloseable {
    private static final int STATEMENTS_PER_CONNECTION = 256;

    private final LockedDownDuckDb database;
    private final BlockingQueue<Pooled> idle;
    private final List<Pooled> all = new ArrayList<>();

    ServingPool(LockedDownDuckDb database, int size) {
        this.database = database;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Pooled p = new Pooled(database.connect());
            all.add(p);
            idle.add(p);
        }
    }

    /** Work done on one borrowed connection. */
    interface Work<T> {
        T run(Pooled connection) throws SQLException;
    }

    <T> T with(Work<T> work) throws SQLException {
        Pooled p;
        try {
            p = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("the server is shutting down");
        }
        if (p == null) {
            throw ApiProblem.unavailable("all serving connections are busy; try again");
        }
        try {
            return work.run(p);
        } finally {
            idle.add(p);
        }
    }

    @Override
    public void close() {
        for (Pooled p : all) {
            p.close();
        }
        database.close();
    }

    /** One connection and the statements prepared on it, by SQL text (least recently used dropped first). */
    static final class Pooled {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements =
                new LinkedHashMap<>(64, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                        if (size() > STATEMENTS_PER_CONNECTION) {
                            closeQuietly(eldest.getValue());
                            return true;
                        }
                        return false;
                    }
                };

        Pooled(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null || ps.isClosed()) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }

        /** Drops a statement after a failure: DuckDB's driver may have closed it. */
        void forget(String sql) {
            PreparedStatement ps = statements.remove(sql);
            if (ps != null) {
                closeQuietly(ps);
            }
        }

        void close() {
            statements.values().forEach(Pooled::closeQuietly);
            statements.clear();
            try {
                connection.close();
            } catch (SQLException e) {
                // stopping anyway
            }
        }

        private static void closeQuietly(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException e) {
                // a statement that cannot close is dropped anyway
            }
        }
    }
}
