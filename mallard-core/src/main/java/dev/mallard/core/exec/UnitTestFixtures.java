package dev.mallard.core.exec;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of unit test fixtures, as dbt's get_fixture_sql and get_expected_sql write it:
 * one {@code select} per row joined by {@code union all}, every value cast to the column's
 * type, columns a row leaves out NULL (inputs only), and {@code limit 0} for no rows.
 */
public final class UnitTestFixtures {
    private UnitTestFixtures() {
    }

    /**
     * An input fixture: every column of the real relation, in its order, with the row's
     * value or NULL, cast to the column's type.
     *
     * @param fixtureName how errors name the fixture, e.g. {@code 'stg_orders'}
     */
    public static String inputSql(List<Map<String, Object>> rows, List<ColumnInfo> columns, String fixtureName) {
        Map<String, ColumnInfo> byName = byLowerName(columns);
        List<String> selects = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = lowerKeys(row, byName, fixtureName);
            List<String> cells = new ArrayList<>();
            for (ColumnInfo c : columns) {
                String key = c.name().toLowerCase(Locale.ROOT);
                cells.add(cast(values.containsKey(key) ? literal(values.get(key)) : "null", c.type()) + " as "
                        + quote(c.name()));
            }
            selects.add("select " + String.join(", ", cells));
        }
        if (selects.isEmpty()) {
            return emptySql(columns);
        }
        return String.join("\nunion all\n", selects);
    }

    /**
     * The expected rows: only {@code expectedColumns} (the first row's), each cast to the
     * type the model's column has. Every row must name the same columns.
     */
    public static String expectedSql(List<Map<String, Object>> rows, List<String> expectedColumns,
                                     List<ColumnInfo> modelColumns) {
        Map<String, ColumnInfo> byName = byLowerName(modelColumns);
        if (rows.isEmpty()) {
            return emptySql(modelColumns);
        }
        List<String> selects = new ArrayList<>();
        int n = 1;
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = lowerKeys(row, byName, "expected output");
            if (!values.keySet().equals(new java.util.LinkedHashSet<>(expectedColumns))) {
                throw new MallardException(ErrorCode.YAML, "expected row " + n + " names the columns " + values.keySet()
                        + " but the first expected row names " + expectedColumns
                        + "; every expected row must name the same columns");
            }
            List<String> cells = new ArrayList<>();
            for (String col : expectedColumns) {
                ColumnInfo c = byName.get(col);
                cells.add(cast(literal(values.get(col)), c.type()) + " as " + quote(c.name()));
            }
            selects.add("select " + String.join(", ", cells));
            n++;
        }
        return String.join("\nunion all\n", selects);
    }

    /** The lower-cased column names of a row, in the row's order. */
    public static List<String> columnsOf(Map<String, Object> row) {
        return row.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    private static String emptySql(List<ColumnInfo> columns) {
        List<String> cells = new ArrayList<>();
        for (ColumnInfo c : columns) {
            cells.add(cast("null", c.type()) + " as " + quote(c.name()));
        }
        return "select " + String.join(", ", cells) + "\nlimit 0";
    }

    private static Map<String, ColumnInfo> byLowerName(List<ColumnInfo> columns) {
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        for (ColumnInfo c : columns) {
            out.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        return out;
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row, Map<String, ColumnInfo> known,
                                                 String fixtureName) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!known.containsKey(key)) {
                throw new MallardException(ErrorCode.YAML, "invalid column name: '" + key + "' in unit test fixture for "
                        + fixtureName + ". Accepted columns for " + fixtureName + " are: " + List.copyOf(known.keySet()));
            }
            out.put(key, v);
        });
        return out;
    }

    static String cast(String literal, String type) {
        return "cast(" + literal + " as " + type + ")";
    }

    /** A YAML value as a SQL literal: strings (and dates) quoted, numbers and booleans as written. */
    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Date d) {
            // snakeyaml reads an unquoted 2024-01-01 as a Date at UTC midnight
            return "'" + d.toInstant().toString().replace("T00:00:00Z", "") + "'";
        }
        if (value instanceof TemporalAccessor t) {
            return "'" + t + "'";
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
