package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestBatch.Column;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fast path of the postgres source: the rows as Postgres's own CSV ({@code COPY (SELECT
 * ...) TO STDOUT (FORMAT csv)}), spooled to a file per batch and read by DuckDB's
 * {@code read_csv} with each column's type given, instead of a JDBC value and an Appender call
 * per cell. It is only taken when every column's CSV text reads back in DuckDB as the very value
 * the row-by-row path would load; one column without such a form (bytea, arrays, intervals,
 * time, types without a mapping...) sends the whole ingest down the row-by-row path.
 *
 * <p>The text forms: numbers, booleans ({@code t}/{@code f}), uuids, JSON and text are read
 * as Postgres writes them (floats with {@code extra_float_digits} 3: exact); NULL is an
 * unquoted empty field and an empty string {@code ""}, which {@code allow_quoted_nulls=false}
 * keeps apart. Dates and timestamps go out in ISO style with the session in UTC, ±infinity
 * as NULL (as the row-by-row path loads them) and a BC date rewritten to DuckDB's
 * {@code 0044-03-15 (BC)} form. With a cursor column, each row starts with the cursor's text so
 * the reader can cut batches between cursor values and keep the state in Postgres's form.
 */
record CopyPlan(List<Column> columns, String copySql, String cursorField) {

    /** The Postgres types whose text form DuckDB reads back unchanged, by the DuckDB type they map to. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "name", "citext");

    /** Session settings the text forms above rely on (SET LOCAL: they end with the read's transaction). */
    static final List<String> SESSION = List.of("SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO'",
            "SET LOCAL extra_float_digits = 3", "SET LOCAL standard_conforming_strings = on");

    CopyPlan {
        columns = List.copyOf(columns);
    }

    /** The plan for a read whose columns {@code md} describes, or null when a column has no faithful CSV form. */
    static CopyPlan of(ResultSetMetaData md, PostgresSpec spec, String cursor) throws SQLException {
        List<Column> columns = PostgresColumns.map(md, w -> { }).columns();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String form = form(md.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT), columns.get(i).duckdbType(),
                    "s." + PostgresSource.quote(columns.get(i).name()));
            if (form == null) {
                return null;
            }
            select.add(form);
        }
        String cursorField = null;
        String where = "";
        String order = "";
        if (spec.cursorColumn() != null) {
            String col = "s." + PostgresSource.quote(spec.cursorColumn());
            cursorField = "__mallard_cursor";
            while (hasColumn(columns, cursorField)) {
                cursorField = "_" + cursorField;
            }
            select.add(0, col + "::text");
            where = " WHERE " + (cursor == null ? col + " IS NOT NULL" : col + " >= " + literal(cursor));
            order = " ORDER BY " + col;
        }
        String from = spec.table() != null ? PostgresSource.qualified(spec.table()) : "(" + spec.query() + ")";
        String sql = "COPY (SELECT " + String.join(", ", select) + " FROM " + from + " AS s" + where + order
                + ") TO STDOUT (FORMAT csv)";
        return new CopyPlan(columns, sql, cursorField);
    }

    /**
     * The Postgres expression that writes column {@code col} as DuckDB reads it back, or null
     * when there is none.
     */
    static String form(String pg, String duck, String col) {
        if (duck.equals("DATE") || duck.equals("TIMESTAMP") || duck.equals("TIMESTAMPTZ")) {
            // BC: '0044-03-15 12:00:00+00 BC' -> '0044-03-15 (BC) 12:00:00+00', the form DuckDB reads
            return "CASE WHEN NOT isfinite(" + col + ") THEN NULL WHEN " + col + " >= '0001-01-01' THEN " + col
                    + "::text ELSE regexp_replace(" + col + "::text, '^(\\d+-\\d+-\\d+)(.*) BC$', '\\1 (BC)\\2') END";
        }
        boolean plain = switch (duck) {
            case "SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "BOOLEAN", "UUID", "JSON" -> true;
            case "VARCHAR" -> TEXT_TYPES.contains(pg);
            default -> duck.startsWith("DECIMAL(");
        };
        return plain ? col : null;
    }

    /** The DuckDB query over one batch file written by this plan's COPY. */
    String select(Path file, int longestRecord) {
        StringBuilder types = new StringBuilder();
        if (cursorField != null) {
            types.append(literal(cursorField)).append(": 'VARCHAR'");
        }
        for (Column c : columns) {
            types.append(types.isEmpty() ? "" : ", ").append(literal(c.name())).append(": ")
                    .append(literal(c.duckdbType()));
        }
        String names = columns.stream().map(c -> PostgresSource.quote(c.name())).collect(Collectors.joining(", "));
        // DuckDB refuses a line longer than max_line_size (2 MB by default); the reader knows the longest
        long maxLine = Math.max(2_097_152L, longestRecord + 1L);
        return "SELECT " + names + " FROM read_csv(" + literal(file.toAbsolutePath().toString()) + ", columns = {"
                + types + "}, header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
                + "nullstr = '', allow_quoted_nulls = false, new_line = '\\n', max_line_size = " + maxLine + ")";
    }

    private static boolean hasColumn(List<Column> columns, String name) {
        return columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    /** A SQL string literal (standard conforming: only quotes are doubled), in Postgres and DuckDB alike. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
