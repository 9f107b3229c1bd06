package dev.mallard.core.migrate.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Postgres counterpart of a scratch in-memory DuckDB: a schema of its own in the target
 * database, where a declared schema or the applied migrations are run and read back, made in
 * one transaction that is then rolled back. Postgres' DDL is transactional, so nothing of it
 * stays, and no other session ever sees it. Unqualified names land in it; a statement that
 * names the target schema itself would reach the target (and is rolled back with the rest).
 */
public final class PostgresScratchSchema {
    /** What runs in the scratch schema (it is the session's search_path). */
    @FunctionalInterface
    public interface Loader {
        /** Returns false when the schema is not to be read (say a statement failed). */
        boolean load(Connection scratch) throws SQLException;
    }

    private PostgresScratchSchema() {
    }

    /**
     * Runs {@code loader} in a new scratch schema on {@code connection} (which must not be in a
     * transaction) and reads the result as the schema {@code scope} names, then rolls it all back.
     *
     * @return null when the loader said not to read
     */
    public static SchemaModel read(Connection connection, DiffScope scope, Loader loader) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            String name = "mallard_scratch_" + Long.toHexString(System.nanoTime());
            st.execute("CREATE SCHEMA " + name);
            st.execute("SET LOCAL search_path TO " + name);
            if (!loader.load(connection)) {
                return null;
            }
            return new PostgresCatalogReader(connection, name, scope).read();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The schema of a live Postgres database, as {@code scope} sees it. */
    public static SchemaModel readLive(Connection connection, DiffScope scope) throws SQLException {
        return new PostgresCatalogReader(connection, scope.schema(), scope).read();
    }
}
