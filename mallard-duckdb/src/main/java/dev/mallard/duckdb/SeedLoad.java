package dev.mallard.duckdb;

import dev.mallard.core.engine.AgateTypes;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.Relation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A seed CSV into a new table, typed as dbt-duckdb types it (agate's rules, see
 * {@link SeedTypes}).
 *
 * <p>A large file is read once, by DuckDB's own typed CSV reader, with the sniffer limited to
 * types whose text agate reads the same way (whole numbers, doubles, ISO dates and
 * timestamps; no booleans or times, which agate reads more narrowly). What DuckDB read as
 * numbers is then narrowed as agate would (INTEGER when whole and in range) from one
 * aggregate over the loaded columns, and only the columns it left as text go through
 * {@link SeedTypes}. Whenever DuckDB's reading could differ from agate's — a value the
 * sniffer's sample did not foresee (DuckDB refuses the file), inf/nan, a number beyond exact
 * doubles — the file is read again as text and typed the careful way, as small files are.
 */
final class SeedLoad {
    /** Below this size the text is typed in Java ({@link AgateTypes}), whose fixed cost is lowest. */
    static final long SMALL_BYTES = 1_000_000;
    private static final Set<String> SNIFFED = Set.of("BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR");

    private final EngineSession session;
    private final long smallBytes;

    SeedLoad(EngineSession session, long smallBytes) {
        this.session = session;
        this.smallBytes = smallBytes;
    }

    /** Loads the file; true when DuckDB's typed reading settled it in one pass. */
    boolean load(CsvLoad load) {
        if (size(load.file()) >= smallBytes && loadTyped(load)) {
            return true;
        }
        loadText(load);
        return false;
    }

    /** The one-pass read; false (and nothing left behind) when the careful way must decide. */
    private boolean loadTyped(CsvLoad load) {
        String target = load.target().render();
        StringBuilder declared = new StringBuilder();
        for (String c : load.columnTypes().keySet()) {
            declared.append(declared.length() == 0 ? "" : ", ").append(literal(c)).append(": 'VARCHAR'");
        }
        try {
            session.execute("CREATE TABLE " + target + " AS SELECT * FROM read_csv(" + literal(path(load))
                    + ", header = true, delim = " + literal(load.delimiter()) + ", auto_detect = true"
                    + ", auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']"
                    + ", dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M:%S'"
                    + (declared.length() == 0 ? "" : ", types = {" + declared + "}") + ")");
        } catch (RuntimeException e) {
            // a value after the sniffer's sample that does not fit its type: read it as text
            session.execute("DROP TABLE IF EXISTS " + target);
            return false;
        }
        try {
            Map<String, String> read = new LinkedHashMap<>();
            for (List<Object> column : session.query("DESCRIBE " + target, -1).rows()) {
                read.put(String.valueOf(column.get(0)), String.valueOf(column.get(1)).toUpperCase(Locale.ROOT));
            }
            Map<String, String> types = finalTypes(load, target, read);
            if (types == null) {
                session.execute("DROP TABLE " + target);
                return false;
            }
            List<String> changed = read.keySet().stream().filter(c -> !types.get(c).equals(read.get(c))).toList();
            if (!changed.isEmpty()) {
                retype(load.target(), read, types);
            }
            return true;
        } catch (RuntimeException e) {
            session.execute("DROP TABLE IF EXISTS " + target);
            throw e;
        }
    }

    /** agate's type for each column, from DuckDB's reading; null when only the text can tell. */
    private Map<String, String> finalTypes(CsvLoad load, String table, Map<String, String> read) {
        Map<String, String> types = new HashMap<>(load.columnTypes());
        List<String> numbers = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (Map.Entry<String, String> e : read.entrySet()) {
            String column = e.getKey();
            if (types.containsKey(column)) {
                continue;
            }
            if (!SNIFFED.contains(e.getValue())) {
                return null;
            }
            switch (e.getValue()) {
                case "BIGINT", "DOUBLE" -> numbers.add(column);
                case "VARCHAR" -> text.add(column);
                default -> types.put(column, e.getValue());
            }
        }
        if (!numbers.isEmpty()) {
            // per column: any fraction, min, max, and whether a double is beyond exact whole numbers or not finite
            List<String> aggregates = new ArrayList<>();
            for (String c : numbers) {
                String x = "CAST(" + Relation.quote(c) + " AS DOUBLE)";
                aggregates.add("coalesce(bool_or(" + x + " <> floor(" + x + ")), false)");
                aggregates.add("min(" + Relation.quote(c) + ")");
                aggregates.add("max(" + Relation.quote(c) + ")");
                aggregates.add("coalesce(bool_or(isinf(" + x + ") OR isnan(" + x + ") OR abs(" + x
                        + ") >= 9007199254740992), false)");
            }
            List<Object> row = session.query("SELECT " + String.join(", ", aggregates) + " FROM " + table, -1)
                    .rows().get(0);
            for (int i = 0; i < numbers.size(); i++) {
                if (Boolean.TRUE.equals(row.get(4 * i + 3))) {
                    return null;
                }
                types.put(numbers.get(i), Boolean.TRUE.equals(row.get(4 * i)) ? "DOUBLE"
                        : SeedTypes.wholeType(SeedTypes.decimal(row.get(4 * i + 1)),
                                SeedTypes.decimal(row.get(4 * i + 2))));
            }
        }
        if (!text.isEmpty()) {
            types.putAll(new SeedTypes(sql -> session.query(sql, -1).rows(), table).infer(text));
        }
        return types;
    }

    /**
     * The loaded table's columns changed to agate's types (numbers narrowed, text columns
     * cast); DuckDB rewrites only the altered columns.
     */
    private void retype(Relation target, Map<String, String> read, Map<String, String> types) {
        for (String c : read.keySet()) {
            String q = Relation.quote(c);
            String type = types.get(c);
            if (!type.equals(read.get(c))) {
                session.execute("ALTER TABLE " + target.render() + " ALTER COLUMN " + q + " TYPE " + type
                        + (read.get(c).equals("VARCHAR") ? " USING " + textCast(q, type) : ""));
            }
        }
    }

    /** The file read as text, each column typed by agate's rules over it (small files and the doubtful cases). */
    private void loadText(CsvLoad load) {
        String raw = Relation.quote("__mallard_seed_" + load.target().identifier());
        session.execute("CREATE OR REPLACE TEMP TABLE " + raw + " AS SELECT * FROM read_csv(" + literal(path(load))
                + ", header = true, delim = " + literal(load.delimiter()) + ", all_varchar = true, auto_detect = true)");
        try {
            List<String> columns = new ArrayList<>();
            for (List<Object> column : session.query("DESCRIBE " + raw, -1).rows()) {
                columns.add(String.valueOf(column.get(0)));
            }
            List<String> inferred = columns.stream().filter(c -> !load.columnTypes().containsKey(c)).toList();
            Map<String, String> types = new HashMap<>(load.columnTypes());
            if (!inferred.isEmpty()) {
                types.putAll(size(load.file()) < SMALL_BYTES ? AgateTypes.infer(inferred, textOf(raw, inferred))
                        : new SeedTypes(sql -> session.query(sql, -1).rows(), raw).infer(inferred));
            }
            List<String> select = new ArrayList<>();
            for (String c : columns) {
                String q = Relation.quote(c);
                select.add(textCast(q, types.get(c)) + " AS " + q);
            }
            session.execute("CREATE TABLE " + load.target().render() + " AS SELECT " + String.join(", ", select)
                    + " FROM " + raw);
        } finally {
            session.execute("DROP TABLE IF EXISTS " + raw);
        }
    }

    /**
     * A text column as {@code type}. An empty value is NULL in a typed column, as DuckDB's CSV
     * reader reads it, and so is {@code null} in any case, which agate reads as a missing value.
     */
    private static String textCast(String quoted, String type) {
        return type.equalsIgnoreCase("VARCHAR") || type.equalsIgnoreCase("TEXT") ? quoted
                : "CAST(CASE WHEN lower(trim(" + quoted + ")) IN ('', 'null') THEN NULL ELSE " + quoted + " END AS "
                + type + ")";
    }

    /** The columns' values as text, row by row (a small seed's). */
    private List<List<String>> textOf(String raw, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : session.query("SELECT " + String.join(", ", columns.stream().map(Relation::quote)
                .toList()) + " FROM " + raw, -1).rows()) {
            List<String> values = new ArrayList<>(row.size());
            for (Object v : row) {
                values.add(v == null ? null : v.toString());
            }
            rows.add(values);
        }
        return rows;
    }

    private static String path(CsvLoad load) {
        return load.file().toAbsolutePath().toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
