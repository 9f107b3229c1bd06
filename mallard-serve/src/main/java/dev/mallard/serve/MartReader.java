package dev.mallard.serve;

import dev.mallard.duckdb.LockedDownDuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the server's queries on the version of a dataset a request resolved: Parquet on a
 * pooled connection of the locked-down in-memory database, or (grace period) a table of the
 * project's DuckDB file opened read-only for that one query and closed at once, so that a
 * build can take the file's write lock between requests. Schemas and row counts are cached
 * per published version.
 */
final class MartReader implements AutoCloseable {
    private final ServingPool pool;
    private final Path parquetOutDir;
    /** Parquet marts up to this many rows are held in memory, one table per published version. */
    static final long MAX_MEMORY_ROWS = 10_000_000;

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Snapshot> previousSnapshots = new ConcurrentHashMap<>();
    private final Map<String, Described> scopedCounts = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong tableCounter = new AtomicLong();

    /** One published version as loaded: its schema, its row count and its in-memory table (null: read the file). */
    private record Snapshot(String identity, List<Column> columns, long rowCount, String table) {
        Snapshot {
            columns = List.copyOf(columns);
        }
    }

    /** A version's columns and row count (the count within a token's scope when scoped). */
    record Described(String identity, List<Column> columns, long rowCount) {
        Described {
            columns = List.copyOf(columns);
        }
    }

    /** What to do with the rows of a query. */
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What to do with the rows of an answer. */
    interface Answer<T> {
        T write(RowCursor rows) throws SQLException;
    }

    private final boolean memoryIndex;
    /** Requests answered from a {@link MemoryTable} (tests check that the path is taken). */
    final java.util.concurrent.atomic.AtomicLong memoryAnswers = new java.util.concurrent.atomic.AtomicLong();
    /** Java copies of in-memory versions (see {@link MemoryTable}), by dataset; loaded in the background. */
    private final Map<String, MemoryTable> memory = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mallard-serve-index");
        t.setDaemon(true);
        return t;
    });

    MartReader(ServingPool pool, Path parquetOutDir, boolean memoryIndex) {
        this.pool = pool;
        this.parquetOutDir = parquetOutDir;
        this.memoryIndex = memoryIndex;
    }

    MartReader(ServingPool pool, Path parquetOutDir) {
        this(pool, parquetOutDir, true);
    }

    /** {@code SELECT 1} on a serving connection. */
    void check() throws SQLException {
        pool.with(c -> {
            PreparedStatement ps = c.prepare("SELECT 1");
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("SELECT 1 returned no 1");
                }
            }
            return null;
        });
    }

    /** The columns of the version (cached until a new version is published). */
    List<Column> columns(PublishedVersion v) throws SQLException {
        return snapshot(v).columns();
    }

    /** The columns of the version if it is loaded already, else null: never runs a query (see {@link QuickRowsHandler}). */
    List<Column> loadedColumns(PublishedVersion v) {
        Snapshot snap = loaded(v);
        return snap == null ? null : snap.columns();
    }

    private Snapshot loaded(PublishedVersion v) {
        Snapshot current = snapshots.get(v.spec().name());
        return current != null && current.identity().equals(v.identity()) ? current : null;
    }

    /** Columns and row count; with a scope, the count of the rows that scope allows. */
    Described describe(PublishedVersion v, RowsQuery.Filter scope) throws SQLException {
        Snapshot snap = snapshot(v);
        if (scope == null) {
            return new Described(v.identity(), snap.columns(), snap.rowCount());
        }
        String key = v.spec().name() + "\u0000" + scope.column().name() + "=" + scope.values();
        Described cached = scopedCounts.get(key);
        if (cached != null && cached.identity().equals(v.identity())) {
            return cached;
        }
        RowsSql count = RowsSql.count(from(v, snap), fromParams(v, snap), scope);
        long rows = query(v, count.sql(), count.params(), rs -> rs.next() ? rs.getLong(1) : 0L);
        Described fresh = new Described(v.identity(), snap.columns(), rows);
        scopedCounts.put(key, fresh);
        return fresh;
    }

    /**
     * The version's schema and row count and, for Parquet of at most {@link #MAX_MEMORY_ROWS}
     * rows, an in-memory table holding that version's rows, loaded once by the first request
     * that sees the version. Later requests for the same version query the table instead of
     * opening and decoding the file each time; the next version gets a new table, and the one
     * before the previous is dropped (the previous may still be read by a request in flight).
     */
    private Snapshot snapshot(PublishedVersion v) throws SQLException {
        Snapshot current = snapshots.get(v.spec().name());
        if (current != null && current.identity().equals(v.identity())) {
            return current;
        }
        synchronized (lockFor(v.spec().name())) {
            current = snapshots.get(v.spec().name());
            if (current != null && current.identity().equals(v.identity())) {
                return current;
            }
            Snapshot direct = new Snapshot(v.identity(), List.of(), 0, null);
            long rows = query(v, "SELECT count(*) FROM " + from(v, direct), fromParams(v, direct),
                    rs -> rs.next() ? rs.getLong(1) : 0L);
            String table = null;
            Snapshot source = direct;
            if (v.isParquet() && rows <= MAX_MEMORY_ROWS) {
                // the file is read once: schema and count come from the table, so they match its rows
                table = "\"mallard_snapshot_" + tableCounter.incrementAndGet() + "\"";
                query(v, "CREATE TABLE " + table + " AS SELECT * FROM " + from(v, direct), fromParams(v, direct),
                        rs -> null);
                source = new Snapshot(v.identity(), List.of(), 0, table);
                rows = query(v, "SELECT count(*) FROM " + table, List.of(), rs -> rs.next() ? rs.getLong(1) : 0L);
            }
            List<Column> columns = query(v, "SELECT * FROM " + from(v, source) + " LIMIT 0", fromParams(v, source),
                    MartReader::columnsOf);
            Snapshot fresh = new Snapshot(v.identity(), columns, rows, table);
            Snapshot previous = snapshots.put(v.spec().name(), fresh);
            Snapshot older = previous == null ? null : previousSnapshots.put(v.spec().name(), previous);
            if (older != null && older.table() != null) {
                String drop = "DROP TABLE IF EXISTS " + older.table();
                pool.with(c -> {
                    try (var st = c.connection().createStatement()) {
                        st.execute(drop);
                    }
                    return null;
                });
            }
            return fresh;
        }
    }

    private Object lockFor(String dataset) {
        return locks.computeIfAbsent(dataset, k -> new Object());
    }

    /**
     * The answer from the version's {@link MemoryTable} (the caller counts it in
     * {@link #memoryAnswers} when it uses it), or null when the request needs its SQL: the table is not loaded yet (its loading starts in the background), is too large,
     * or declines the request.
     *
     * @param quick only if the version is loaded and the answer takes little work (see {@link MemoryTable#rows})
     */
    RowCursor fromMemory(PublishedVersion v, RowsQuery q, RowsQuery.Filter scope, boolean quick) throws SQLException {
        if (!memoryIndex) {
            return null;
        }
        Snapshot snap = quick ? loaded(v) : snapshot(v);
        if (snap == null || snap.table() == null) {
            return null;
        }
        MemoryTable table = memory.get(v.spec().name());
        if (table == null || !table.identity().equals(snap.identity())) {
            loadInBackground(v.spec().name(), snap);
            return null;
        }
        return table.rows(q, scope, quick).orElse(null);
    }

    /** The answer from the version's {@link MemoryTable} if it can, else from SQL. */
    <T> T rows(PublishedVersion v, RowsQuery q, RowsQuery.Filter scope, Answer<T> answer) throws SQLException {
        RowCursor fast = fromMemory(v, q, scope, false);
        if (fast != null) {
            memoryAnswers.incrementAndGet();
            return answer.write(fast);
        }
        Snapshot snap = snapshot(v);
        RowsSql sql = RowsSql.of(from(v, snap), fromParams(v, snap), q, scope, snap.table() == null ? null : "rowid");
        return query(v, sql.sql(), sql.params(), rs -> answer.write(RowCursor.of(rs)));
    }

    /** True when the dataset's current version is held as a {@link MemoryTable}. */
    boolean memoryReady(String dataset) {
        MemoryTable table = memory.get(dataset);
        Snapshot snap = snapshots.get(dataset);
        return table != null && snap != null && table.identity().equals(snap.identity());
    }

    /** True when the dataset's current version is held as pre-written JSON rows (see {@link EncodedRows}). */
    boolean memoryPrewritten(String dataset) {
        MemoryTable table = memory.get(dataset);
        return memoryReady(dataset) && table.prewritten();
    }

    /** True when the dataset's pre-written rows are grouped by a column's values (see {@link MemoryTable#clustered}). */
    boolean memoryClustered(String dataset) {
        MemoryTable table = memory.get(dataset);
        return memoryReady(dataset) && table.clustered();
    }

    /**
     * Copies the version's in-memory table into a {@link MemoryTable}, off the request path:
     * until it is ready, requests run their SQL. A version too large for the JVM copy, or one
     * replaced while it was read, is left to the SQL path.
     */
    private void loadInBackground(String dataset, Snapshot snap) {
        if (!MemoryTable.fits(snap.rowCount(), snap.columns().size()) || !loading.add(dataset)) {
            return;
        }
        loader.execute(() -> {
            try {
                MemoryTable table = pool.with(c -> {
                    try (var st = c.connection().createStatement();
                         ResultSet rs = st.executeQuery("SELECT * FROM " + snap.table())) {
                        return MemoryTable.load(snap.identity(), snap.columns(), snap.rowCount(), rs);
                    }
                });
                Snapshot now = snapshots.get(dataset);
                if (now != null && now.identity().equals(snap.identity())) {
                    memory.put(dataset, table);
                    System.err.println("mallard serve: dataset " + dataset + " is held in memory (" + snap.rowCount()
                            + " rows" + (table.prewritten() ? ", pre-written as JSON" : "") + ")");
                }
            } catch (SQLException | RuntimeException e) {
                // the version was replaced (its table dropped) while it was read: the next request retries
            } finally {
                loading.remove(dataset);
            }
        });
    }

    /** The rows as a Parquet file written by DuckDB into the server's private folder, read back and deleted. */
    byte[] parquet(PublishedVersion v, RowsQuery q, RowsQuery.Filter scope) throws SQLException {
        Snapshot snap = snapshot(v);
        RowsSql sql = RowsSql.of(from(v, snap), fromParams(v, snap), q, scope, snap.table() == null ? null : "rowid");
        Path out = parquetOutDir.resolve(UUID.randomUUID() + ".parquet");
        String copy = "COPY (" + sql.sql() + ") TO '" + out.toString().replace("'", "''") + "' (FORMAT parquet)";
        try {
            query(v, copy, sql.params(), rs -> null);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // the folder is deleted when the server stops
            }
        }
    }

    private static String from(PublishedVersion v, Snapshot snap) {
        if (!v.isParquet()) {
            return v.spec().fallback().relationSql();
        }
        if (snap.table() != null) {
            return snap.table();
        }
        return v.spec().partitioned() ? "read_parquet(?, hive_partitioning = true)" : "read_parquet(?)";
    }

    private static List<Object> fromParams(PublishedVersion v, Snapshot snap) {
        return v.isParquet() && snap.table() == null ? List.of(v.readPath()) : List.of();
    }

    private <T> T query(PublishedVersion v, String sql, List<Object> params, Rows<T> reader) throws SQLException {
        if (v.isParquet()) {
            return pool.with(c -> {
                PreparedStatement ps = c.prepare(sql);
                try {
                    return execute(ps, params, reader);
                } catch (SQLException e) {
                    c.forget(sql);
                    throw e;
                }
            });
        }
        try (Connection c = openFallback(v); PreparedStatement ps = c.prepareStatement(sql)) {
            return execute(ps, params, reader);
        }
    }

    private Connection openFallback(PublishedVersion v) {
        try {
            return LockedDownDuckDb.openReadOnlyFile(v.spec().fallback().databaseFile(), parquetOutDir);
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock")) {
                throw ApiProblem.unavailable("dataset '" + v.spec().name()
                        + "' is served from the project's DuckDB file, which a build is writing; try again shortly");
            }
            throw ApiProblem.unavailable("dataset '" + v.spec().name() + "': the project's DuckDB file cannot be opened");
        }
    }

    private static <T> T execute(PreparedStatement ps, List<Object> params, Rows<T> reader) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
        if (!ps.execute()) {
            return reader.read(null);
        }
        try (ResultSet rs = ps.getResultSet()) {
            return reader.read(rs);
        }
    }

    private static List<Column> columnsOf(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(new Column(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        return columns;
    }

    @Override
    public void close() {
        loader.shutdownNow();
        pool.close();
    }
}
