package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import dev.mallard.core.ingest.IngestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code type: postgres}: a table or query read through pgjdbc in batches of
 * {@code batch_size} rows, each committed with the state it reaches. See {@link PostgresSpec}
 * for the options. When every column has a CSV form DuckDB reads back unchanged, the rows come
 * as Postgres's {@code COPY ... TO STDOUT (FORMAT csv)} and each batch is a file read by
 * DuckDB's {@code read_csv} ({@link CopyPlan}, {@link CopyLoad}); otherwise they are read with a
 * server-side cursor (autocommit off, a fetch size) and handed over as {@link IngestBatch.Rows}.
 *
 * <p>Incremental ({@code incremental: {cursor_column: c}}): rows are read in {@code c} order
 * and the state after each batch is the greatest {@code c} committed ({@code {"cursor": text}},
 * Postgres's own text form, bound back untyped so Postgres parses it as {@code c}'s type). A
 * batch never ends between two rows of equal cursor. The next run reads {@code c >= cursor},
 * not {@code >}: rows written after the last run with the very value of the cursor (same
 * {@code updated_at}, a concurrent transaction) are then not lost; the rows re-read at that
 * value are merged on the ingest's declared key by the framework, so an incremental postgres
 * ingest should declare one (without a key, the re-read rows at the last cursor are appended
 * again). Rows with a NULL cursor are never read by an incremental ingest.
 *
 * <p>Without {@code incremental}, each run reads everything (merged on the key, or appended).
 */
public final class PostgresSource implements IngestSource {

    @Override
    public String type() {
        return "postgres";
    }

    private final boolean copy;

    /**
     * The source as the service loader makes it: the COPY fast path where every column allows
     * it, unless {@code -Dmallard.ingest.postgres.copy=false} (the way back, should a table's
     * CSV ever read differently; the bench's row-by-row baseline).
     */
    public PostgresSource() {
        this(!"false".equals(System.getProperty("mallard.ingest.postgres.copy")));
    }

    /** With {@code copy} false, always the row-by-row path (the tests' reference for the fast one). */
    PostgresSource(boolean copy) {
        this.copy = copy;
    }

    @Override
    public void run(IngestRun run) throws IngestException {
        PostgresSpec spec = PostgresSpec.parse(run);
        String password = null;
        if (spec.passwordSecret() != null) {
            password = run.secret(spec.passwordSecret()).orElseThrow(() -> new IngestException(
                    PostgresSpec.prefix(run.ingestName()) + "secret '" + spec.passwordSecret() + "' is not set"));
        }
        String cursor = spec.cursorColumn() == null ? null
                : Objects.toString(run.state(spec.into()).get("cursor"), null);
        Path spool = null;
        try (Connection c = connect(spec, password)) {
            c.setAutoCommit(false); // pgjdbc streams with a server-side cursor only inside a transaction
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(sql(spec, cursor), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(spec.fetchSize());
                if (cursor != null) {
                    st.setObject(1, cursor, Types.OTHER);
                }
                run.progress("postgres " + spec.where() + ": reading " + describe(spec, cursor));
                CopyPlan plan = copy ? CopyPlan.of(st.getMetaData(), spec, cursor) : null;
                if (plan != null) {
                    spool = Files.createTempDirectory("mallard-postgres-");
                    CopyLoad.load(run, spec, c, plan, cursor, spool);
                } else {
                    try (ResultSet rs = st.executeQuery()) {
                        load(run, spec, rs, cursor);
                    }
                }
            } finally {
                if (!c.isClosed()) { // a failed COPY closes it
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            // the driver's message only, scrubbed: the exception chain is not shown anywhere a secret could leak
            throw new IngestException(PostgresSpec.prefix(run.ingestName()) + spec.where() + ": "
                    + scrub(e.getMessage(), password), null);
        } catch (IOException e) {
            throw new IngestException(PostgresSpec.prefix(run.ingestName()) + "cannot write a batch file in " + spool
                    + ": " + e.getMessage());
        } finally {
            CopyLoad.delete(spool);
        }
    }

    /** The row-by-row path: each batch as {@link IngestBatch.Rows} of JDBC values. */
    private static void load(IngestRun run, PostgresSpec spec, ResultSet rs, String startCursor)
            throws SQLException, IOException, IngestException {
        PostgresColumns.Mapped mapped = PostgresColumns.map(rs.getMetaData(), w -> run.progress("warning: " + w));
        int cursorIndex = spec.cursorColumn() == null ? -1 : rs.findColumn(spec.cursorColumn());
        BatchReader reader = new BatchReader(rs, mapped.readers(), cursorIndex, spec.batchSize());
        try (ReadAhead<BatchReader.Batch> batches = new ReadAhead<>(reader::next)) {
            String cursor = startCursor;
            long total = 0;
            BatchReader.Batch batch;
            while ((batch = batches.next()) != null) {
                if (batch.lastCursor() != null) {
                    cursor = batch.lastCursor();
                }
                total += batch.rows().size();
                run.commit(spec.into(), new IngestBatch.Rows(mapped.columns(), batch.rows().iterator()),
                        state(cursorIndex >= 0, cursor, total));
                progress(run, spec, total, cursor);
            }
            if (total == 0) {
                run.progress("postgres " + spec.where() + ": no new rows");
            }
        }
    }

    /** The state a batch reaches: the cursor (when incremental) and the rows read so far. */
    static Map<String, Object> state(boolean incremental, String cursor, long total) {
        Map<String, Object> state = new LinkedHashMap<>();
        if (incremental) {
            state.put("cursor", cursor);
        }
        state.put("rows", total);
        return state;
    }

    static void progress(IngestRun run, PostgresSpec spec, long total, String cursor) {
        run.progress("postgres " + spec.where() + ": " + total + " rows" + (cursor == null ? "" : ", cursor " + cursor));
    }

    static String sql(PostgresSpec spec, String cursor) {
        String from = spec.table() != null ? qualified(spec.table()) : "(" + spec.query() + ") AS q";
        if (spec.cursorColumn() == null) {
            return "SELECT * FROM " + from;
        }
        String col = quote(spec.cursorColumn());
        String where = cursor == null ? col + " IS NOT NULL" : col + " >= ?";
        return "SELECT * FROM " + from + " WHERE " + where + " ORDER BY " + col;
    }

    private static String describe(PostgresSpec spec, String cursor) {
        String what = spec.table() != null ? spec.table() : "the query";
        return cursor == null ? what : what + " from " + spec.cursorColumn() + " >= " + cursor;
    }

    /** schema.table with each part quoted (a part already in double quotes is kept). */
    static String qualified(String table) {
        List<String> parts = new ArrayList<>();
        for (String part : table.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            parts.add(part.startsWith("\"") ? part : quote(part));
        }
        return String.join(".", parts);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Connection connect(PostgresSpec spec, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", spec.user());
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "mallard");
        p.setProperty("connectTimeout", "10");
        // binary transfer from the first execution: timestamps and numbers are not parsed from text
        p.setProperty("prepareThreshold", "-1");
        String url = "jdbc:postgresql://" + spec.host() + ":" + spec.port() + "/" + spec.dbname();
        // the driver directly: no DriverManager scan of the class path
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("pgjdbc refused the URL for " + spec.where());
        }
        return c;
    }

    /** The driver's message without the password, should a message ever quote it. */
    static String scrub(String message, String password) {
        String m = message == null ? "unknown error" : message;
        return password == null || password.isEmpty() ? m : m.replace(password, "****");
    }
}
