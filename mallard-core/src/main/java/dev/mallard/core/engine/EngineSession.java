package dev.mallard.core.engine;

import java.util.List;
import java.util.Optional;

/**
 * One connection to the engine, used by one thread at a time. All SQL Mallard runs goes
 * through a session.
 */
public interface EngineSession extends AutoCloseable {

    /** Runs one or more statements, discarding results. */
    void execute(String sql);

    /** Runs a query and returns at most {@code maxRows} rows (negative: all). */
    QueryResult query(String sql, int maxRows);

    default QueryResult query(String sql) {
        return query(sql, -1);
    }

    /**
     * This session as an engine's own session class (a materialization that needs more than this
     * interface), seen through any wrapper such as the one that logs the SQL; null when it is not one.
     */
    default <T extends EngineSession> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    void begin();

    void commit();

    void rollback();

    Optional<ExistingRelation> findRelation(Relation relation);

    List<ColumnInfo> columns(Relation relation);

    /** Lists the relations in a schema. */
    List<ExistingRelation> listRelations(String database, String schema);

    void createSchemaIfMissing(String database, String schema);

    /**
     * The session's JDBC connection, handed to Java migrations. It shares the session's
     * transaction; callers must not close it or change its auto-commit mode.
     */
    java.sql.Connection jdbcConnection();

    /** Loads a CSV file into a new table, with the engine's bulk path. */
    void loadCsv(CsvLoad load);

    /**
     * Streams rows into an existing table with the engine's bulk path (DuckDB's Appender),
     * inside the session's current transaction: a rollback discards them. Each row's values
     * are JDBC objects in the table's column order.
     */
    void appendRows(Relation table, java.util.Iterator<Object[]> rows);

    /** The SQL this engine writes differently from DuckDB's, for the materializations. */
    default SqlDialect dialect() {
        return SqlDialect.DEFAULT;
    }

    @Override
    void close();
}
