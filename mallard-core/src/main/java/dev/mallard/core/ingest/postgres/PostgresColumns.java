package dev.mallard.core.ingest.postgres;

import dev.mallard.core.ingest.IngestBatch.Column;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Postgres column types as DuckDB types, and how each column's value is read: as the Java
 * object DuckDB's Appender takes for that type (Integer, BigDecimal, LocalDateTime,
 * OffsetDateTime, UUID, byte[], a List for arrays...). An interval is handed as Postgres's
 * text form ({@code 1 year 2 mons 03:04:05}), which DuckDB casts to INTERVAL; a type
 * without a mapping becomes VARCHAR of its text form, with a warning. Dates and timestamps of
 * ±infinity load as NULL.
 */
final class PostgresColumns {

    /** Reads one column of the current row; null for SQL NULL. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    record Mapped(List<Column> columns, List<Reader> readers) {
    }

    private PostgresColumns() {
    }

    static Mapped map(ResultSetMetaData md, Consumer<String> warn) throws SQLException {
        org.postgresql.PGResultSetMetaData pgmd = md.isWrapperFor(org.postgresql.PGResultSetMetaData.class)
                ? md.unwrap(org.postgresql.PGResultSetMetaData.class) : null;
        List<Column> columns = new ArrayList<>();
        List<Reader> readers = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String pg = md.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
            String name = md.getColumnLabel(i);
            String duck;
            Reader reader;
            if (pg.startsWith("_")) {
                String element = duckType(pg.substring(1), 0, 0);
                duck = (element == null ? "VARCHAR" : element) + "[]";
                reader = element == null ? PostgresColumns::textArray : PostgresColumns::array;
                if (element == null) {
                    warn.accept("column " + name + ": postgres type " + pg.substring(1)
                            + "[] has no DuckDB mapping; loaded as VARCHAR[]");
                }
            } else {
                duck = duckType(pg, md.getPrecision(i), md.getScale(i));
                if (duck == null) {
                    warn.accept("column " + name + ": postgres type " + pg + " has no DuckDB mapping; loaded as VARCHAR");
                    duck = "VARCHAR";
                }
                boolean binary = pgmd != null && pgmd.getFormat(i) == 1;
                reader = binary && duck.equals("TIMESTAMP") ? PostgresColumns::binaryTimestamp
                        : binary && duck.equals("TIMESTAMPTZ") ? PostgresColumns::binaryTimestamptz : reader(pg, duck);
            }
            columns.add(new Column(name, duck));
            readers.add(reader);
        }
        return new Mapped(columns, readers);
    }

    /** The DuckDB type of a Postgres type name, or null when there is none. */
    static String duckType(String pg, int precision, int scale) {
        return switch (pg) {
            case "int2", "smallint" -> "SMALLINT";
            case "int4", "integer", "serial" -> "INTEGER";
            case "int8", "bigint", "bigserial", "oid" -> "BIGINT";
            case "float4", "real" -> "FLOAT";
            case "float8", "double precision" -> "DOUBLE";
            // DuckDB's DECIMAL stops at 38 digits; an unconstrained numeric has no fixed scale either
            case "numeric", "decimal" -> precision > 0 && precision <= 38 && scale >= 0 && scale <= precision
                    ? "DECIMAL(" + precision + "," + scale + ")" : "DOUBLE";
            case "text", "varchar", "bpchar", "char", "name", "citext" -> "VARCHAR";
            case "bool", "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "timestamptz" -> "TIMESTAMPTZ";
            case "time" -> "TIME";
            case "timetz" -> "TIMETZ";
            case "uuid" -> "UUID";
            case "json", "jsonb" -> "JSON";
            case "bytea" -> "BLOB";
            case "interval" -> "INTERVAL";
            default -> null;
        };
    }

    private static Reader reader(String pg, String duck) {
        return switch (duck) {
            case "SMALLINT" -> (rs, i) -> nullable(rs, rs.getShort(i));
            case "INTEGER" -> (rs, i) -> nullable(rs, rs.getInt(i));
            case "BIGINT" -> (rs, i) -> nullable(rs, rs.getLong(i));
            case "FLOAT" -> (rs, i) -> nullable(rs, rs.getFloat(i));
            case "DOUBLE" -> (rs, i) -> nullable(rs, rs.getDouble(i));
            case "BOOLEAN" -> (rs, i) -> nullable(rs, rs.getBoolean(i));
            case "DATE" -> PostgresColumns::date;
            case "TIMESTAMP" -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case "TIMESTAMPTZ" -> (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case "TIME" -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case "TIMETZ" -> (rs, i) -> rs.getObject(i, OffsetTime.class);
            case "UUID" -> (rs, i) -> rs.getObject(i, UUID.class);
            case "BLOB" -> ResultSet::getBytes;
            default -> duck.startsWith("DECIMAL") ? ResultSet::getBigDecimal : ResultSet::getString;
        };
    }

    /** Postgres's epoch (2000-01-01) in microseconds since 1970-01-01. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    /**
     * A timestamp sent in binary (microseconds since 2000-01-01), decoded here: pgjdbc's own
     * decoding goes through calendars and was the top of the read profile.
     */
    private static Object binaryTimestamp(ResultSet rs, int i) throws SQLException {
        long micros = binaryMicros(rs, i);
        return micros == NULL ? null : utc(micros);
    }

    private static Object binaryTimestamptz(ResultSet rs, int i) throws SQLException {
        long micros = binaryMicros(rs, i);
        return micros == NULL ? null : utc(micros).atOffset(java.time.ZoneOffset.UTC);
    }

    private static LocalDateTime utc(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
    }

    private static final long NULL = Long.MIN_VALUE;

    /** The microseconds since 1970, or NULL (also for ±infinity). */
    private static long binaryMicros(ResultSet rs, int i) throws SQLException {
        byte[] b = rs.getBytes(i);
        if (b == null) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[k] & 0xff);
        }
        if (v == Long.MAX_VALUE || v == Long.MIN_VALUE) {
            return NULL; // ±infinity: no Java time value DuckDB's Appender takes stands for it
        }
        return v + PG_EPOCH_MICROS;
    }

    /** pgjdbc reads ±infinity as LocalDate.MAX/MIN, which the Appender refuses: NULL, as for timestamps. */
    private static Object date(ResultSet rs, int i) throws SQLException {
        LocalDate d = rs.getObject(i, LocalDate.class);
        return d == null || d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN) ? null : d;
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Object array(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(i);
        return a == null ? null : asList(a.getArray());
    }

    private static Object textArray(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(i);
        if (a == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        try (ResultSet elements = a.getResultSet()) {
            while (elements.next()) {
                out.add(elements.getString(2));
            }
        }
        return out;
    }

    /** pgjdbc's arrays (Object[] of boxed values, nested for more dimensions) as lists. */
    private static Object asList(Object value) {
        if (value instanceof Object[] items) {
            List<Object> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(asList(item));
            }
            return out;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value;
    }
}
