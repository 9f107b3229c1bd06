package dev.mallard.core.engine;

import dev.mallard.core.events.SqlLog;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A session that reports each statement it runs, and how it ended, to {@link SqlLog}. */
final class LoggedSession implements EngineSession {
    private final EngineSession session;

    LoggedSession(EngineSession session) {
        this.session = session;
    }

    private <T> T logged(String sql, Supplier<T> run) {
        SqlLog.query(sql);
        long t0 = System.nanoTime();
        boolean ok = false;
        try {
            T result = run.get();
            ok = true;
            return result;
        } finally {
            SqlLog.status(ok ? "OK" : "ERROR", System.nanoTime() - t0);
        }
    }

    @Override
    public void execute(String sql) {
        logged(sql, () -> {
            session.execute(sql);
            return null;
        });
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return logged(sql, () -> session.query(sql, maxRows));
    }

    @Override
    public void begin() {
        logged("BEGIN", () -> {
            session.begin();
            return null;
        });
    }

    @Override
    public void commit() {
        SqlLog.transactionEnd(true);
        session.commit();
    }

    @Override
    public void rollback() {
        SqlLog.transactionEnd(false);
        session.rollback();
    }

    @Override
    public <T extends EngineSession> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : session.unwrap(type);
    }

    @Override
    public Optional<ExistingRelation> findRelation(Relation relation) {
        return session.findRelation(relation);
    }

    @Override
    public List<ColumnInfo> columns(Relation relation) {
        return session.columns(relation);
    }

    @Override
    public List<ExistingRelation> listRelations(String database, String schema) {
        return session.listRelations(database, schema);
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        session.createSchemaIfMissing(database, schema);
    }

    @Override
    public java.sql.Connection jdbcConnection() {
        return session.jdbcConnection();
    }

    @Override
    public void loadCsv(CsvLoad load) {
        session.loadCsv(load);
    }

    @Override
    public void appendRows(Relation table, Iterator<Object[]> rows) {
        session.appendRows(table, rows);
    }

    @Override
    public SqlDialect dialect() {
        return session.dialect();
    }

    @Override
    public void close() {
        session.close();
    }
}
