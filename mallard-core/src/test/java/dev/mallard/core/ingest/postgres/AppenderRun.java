package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestBatch;
import dev.mallard.core.ingest.IngestException;
import dev.mallard.core.ingest.IngestRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * A test double of the ingest framework's run: {@link IngestBatch.Rows} go into DuckDB
 * through its Appender (into a staging table, then merged on {@code key} or appended, with the
 * state, in one transaction), as the framework does. State lives in memory; options,
 * secrets and progress are plain maps and lists.
 */
final class AppenderRun implements IngestRun {
    final Map<String, Object> options;
    final Map<String, String> secrets;
    final Map<String, Map<String, Object>> states = new HashMap<>();
    final List<String> progress = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    /** Each committed batch's kind (Rows, Query) and each batch file a Query read. */
    final List<String> batchKinds = new ArrayList<>();
    final List<java.nio.file.Path> batchFiles = new ArrayList<>();
    /** When positive, the commit of that batch (1-based) fails as a failing database would. */
    int failAtBatch;
    private final Connection duck;
    private final String key;

    AppenderRun(Connection duck, Map<String, Object> options, Map<String, String> secrets, String key) {
        this.duck = duck;
        this.options = options;
        this.secrets = secrets;
        this.key = key;
    }

    @Override
    public String ingestName() {
        return "pg_orders";
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public Map<String, Object> state(String table) {
        return states.getOrDefault(table, Map.of());
    }

    @Override
    public String render(String template, Map<String, Object> extra) {
        return template;
    }

    @Override
    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public Optional<String> start() {
        return Optional.empty();
    }

    @Override
    public Optional<String> end() {
        return Optional.empty();
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }

    @Override
    public void commit(String table, IngestBatch batch, Map<String, Object> newState) throws IngestException {
        batchKinds.add(batch.getClass().getSimpleName());
        if (batch instanceof IngestBatch.Query q) {
            var file = java.util.regex.Pattern.compile("read_csv\\('([^']*)'").matcher(q.select());
            if (file.find()) {
                batchFiles.add(java.nio.file.Path.of(file.group(1)));
            }
        }
        if (batchKinds.size() == failAtBatch) {
            throw new IngestException("commit " + failAtBatch + " failed on purpose", null);
        }
        try {
            duck.setAutoCommit(false);
            try (var st = duck.createStatement()) {
                if (batch instanceof IngestBatch.Query q) { // the COPY path's read_csv, staged as the framework does
                    st.execute("CREATE OR REPLACE TEMP TABLE stage AS " + q.select());
                    st.execute("CREATE TABLE IF NOT EXISTS \"" + table + "\" AS SELECT * FROM stage LIMIT 0");
                } else {
                    stageRows(st, table, (IngestBatch.Rows) batch);
                }
                try (var rs = st.executeQuery("SELECT count(*) FROM stage")) {
                    rs.next();
                    batchSizes.add(rs.getInt(1));
                }
                if (key != null) {
                    st.execute("DELETE FROM \"" + table + "\" WHERE \"" + key + "\" IN (SELECT \"" + key + "\" FROM stage)");
                }
                st.execute("INSERT INTO \"" + table + "\" SELECT * FROM stage");
            }
            duck.commit();
            states.put(table, Map.copyOf(newState));
        } catch (SQLException e) {
            try {
                duck.rollback();
            } catch (SQLException ignored) {
                // the commit's error is the one to report
            }
            throw new IngestException("commit into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private void stageRows(java.sql.Statement st, String table, IngestBatch.Rows rows) throws SQLException {
        StringBuilder cols = new StringBuilder();
        StringBuilder staged = new StringBuilder();
        for (IngestBatch.Column c : rows.columns()) {
            cols.append(cols.isEmpty() ? "" : ", ").append('"').append(c.name()).append("\" ").append(c.duckdbType());
            // DuckDB's Appender has no INTERVAL: staged as text, cast on insert
            staged.append(staged.isEmpty() ? "" : ", ").append('"').append(c.name()).append("\" ")
                    .append(c.duckdbType().equals("INTERVAL") ? "VARCHAR" : c.duckdbType());
        }
        st.execute("CREATE TABLE IF NOT EXISTS \"" + table + "\" (" + cols + ")");
        st.execute("CREATE OR REPLACE TEMP TABLE stage (" + staged + ")");
        append(duck, "stage", rows);
    }

    /** Appends the rows with DuckDB's Appender, each value by its Java type; returns the row count. */
    static int append(Connection duck, String table, IngestBatch.Rows rows) throws SQLException {
        int n = 0;
        try (var app = duck.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            while (rows.rows().hasNext()) {
                Object[] row = rows.rows().next();
                app.beginRow();
                for (Object v : row) {
                    appendValue(app, v);
                }
                app.endRow();
                n++;
            }
        }
        return n;
    }

    private static void appendValue(org.duckdb.DuckDBAppender app, Object v) throws SQLException {
        if (v == null) {
            app.appendNull();
        } else if (v instanceof Integer i) {
            app.append(i.intValue());
        } else if (v instanceof Long l) {
            app.append(l.longValue());
        } else if (v instanceof Short s) {
            app.append(s.shortValue());
        } else if (v instanceof Double d) {
            app.append(d.doubleValue());
        } else if (v instanceof Float f) {
            app.append(f.floatValue());
        } else if (v instanceof Boolean b) {
            app.append(b.booleanValue());
        } else if (v instanceof String s) {
            app.append(s);
        } else if (v instanceof java.math.BigDecimal d) {
            app.append(d);
        } else if (v instanceof java.time.LocalDate d) {
            app.append(d);
        } else if (v instanceof java.time.LocalDateTime d) {
            app.append(d);
        } else if (v instanceof java.time.OffsetDateTime d) {
            app.append(d);
        } else if (v instanceof java.time.LocalTime d) {
            app.append(d);
        } else if (v instanceof java.time.OffsetTime d) {
            app.append(d);
        } else if (v instanceof UUID u) {
            app.append(u);
        } else if (v instanceof byte[] b) {
            app.append(b);
        } else if (v instanceof Collection<?> c) {
            app.append(c);
        } else {
            throw new SQLException("no appender for " + v.getClass().getName());
        }
    }
}
