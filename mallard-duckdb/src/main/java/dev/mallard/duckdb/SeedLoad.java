package dev.mallard.duckdb;

import dev.mallard.core.engine.AgateTypes;
import dev.mallard.core.engine.CsvLoad;
import dev.mallard.core.engine.EngineSession;
import dev.mallard.core.engine.QueryResult;
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
 * <p>A large file is read once, by DuckDB's own typed CSV reader, and the table created with
 * agate's types in the same statement: the columns whose type the file's first rows suggest
 * ({@link SeedHints}) and those the seed declares are typed by expressions over the read
 * values; the others are left to the sniffer, limited to types whose text agate reads the
 * same way (doubles, ISO dates and timestamps; no integers, booleans or times, which DuckDB
 * reads more widely). What the sniffer read as numbers is then narrowed as agate would
 * (INTEGER when whole and in range) from one aggregate over the loaded columns; of the columns
 * it left as text, only those whose first rows could still be of another type are searched
 * ({@link SeedTypes}). A guess a later row refutes fails the statement, and the file is read
 * again without guesses. Whenever DuckDB's reading could differ from agate's — a value the
 * sniffer's sample did not foresee (DuckDB refuses the file), inf/nan, a number beyond exact
 * doubles — the file is read again as text and typed the careful way, as small files are.
 */
final class SeedLoad {
    /** Below this size the text is typed in Java ({@link AgateTypes}), whose fixed cost is lowest. */
    static final long SMALL_BYTES = 1_000_000;
    /** The sniffer's candidates: no integer type, as DuckDB's integer reading rounds {@code 1.5} and reads {@code 0x10}. */
    private static final Set<String> SNIFFED = Set.of("DOUBLE", "DATE", "TIMESTAMP", "VARCHAR");

    private final EngineSession session;
    private final long smallBytes;

    SeedLoad(EngineSession session, long smallBytes) {
        this.session = session;
        this.smallBytes = smallBytes;
    }

    /** Loads the file; true when DuckDB's typed reading settled it in one pass. */
    boolean load(CsvLoad load) {
        if (size(load.file()) >= smallBytes) {
            char delim = load.delimiter().isEmpty() ? ',' : load.delimiter().charAt(0);
            Map<String, SeedHints.Hint> hints = SeedHints.guess(load.file(), delim, load.columnTypes().keySet());
            // a guess a later row refutes fails the read: read again without guesses
            if (!hints.isEmpty() && loadTyped(load, hints) || loadTyped(load, Map.of())) {
                return true;
            }
        }
        loadText(load);
        return false;
    }

    /**
     * The one-pass read, the guessed and declared columns typed in the same statement; false
     * (and nothing left behind) when the careful way must decide.
     */
    private boolean loadTyped(CsvLoad load, Map<String, SeedHints.Hint> hints) {
        String target = load.target().render();
        Map<String, String> readAs = new LinkedHashMap<>();
        List<String> replaced = new ArrayList<>();
        for (Map.Entry<String, String> e : load.columnTypes().entrySet()) {
            String q = Relation.quote(e.getKey());
            readAs.put(e.getKey(), "VARCHAR");
            replaced.add(textCast(q, e.getValue()) + " AS " + q);
        }
        hints.forEach((column, hint) -> {
            readAs.put(column, hint.readAs());
            replaced.add(hint.expression() + " AS " + Relation.quote(column));
        });
        StringBuilder declared = new StringBuilder();
        readAs.forEach((c, type) -> declared.append(declared.length() == 0 ? "" : ", ").append(literal(c))
                .append(": ").append(literal(type)));
        try {
            session.execute("CREATE TABLE " + target + " AS SELECT *" + (replaced.isEmpty() ? ""
                    : " REPLACE (" + String.join(", ", replaced) + ")") + " FROM read_csv(" + literal(path(load))
                    + ", header = true, delim = " + literal(load.delimiter()) + ", auto_detect = true"
                    + ", auto_type_candidates = ['DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']"
                    + ", dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M:%S'"
                    + (declared.length() == 0 ? "" : ", types = {" + declared + "}") + ")");
        } catch (RuntimeException e) {
            // a value after the sample that does not fit its type: read without guesses, or as text
            session.execute("DROP TABLE IF EXISTS " + target);
            return false;
        }
        try {
            if (!holds(target, hints)) {
                // the file's first rows as Java read them are not as DuckDB read them: the sniffer decides
                session.execute("DROP TABLE " + target);
                return false;
            }
            Map<String, String> read = new LinkedHashMap<>();
            for (List<Object> column : session.query("DESCRIBE " + target, -1).rows()) {
                String name = String.valueOf(column.get(0));
                if (!readAs.containsKey(name)) {
                    read.put(name, String.valueOf(column.get(1)).toUpperCase(Locale.ROOT));
                }
            }
            Map<String, String> types = finalTypes(target, read);
            if (types == null) {
                session.execute("DROP TABLE " + target);
                return false;
            }
            retype(load.target(), read, types);
            return true;
        } catch (RuntimeException e) {
            session.execute("DROP TABLE IF EXISTS " + target);
            throw e;
        }
    }

    /** Whether the guesses that rest on a value of the first rows hold over the loaded columns (one aggregate). */
    private boolean holds(String table, Map<String, SeedHints.Hint> hints) {
        List<String> checks = hints.values().stream().map(SeedHints.Hint::check).filter(c -> c != null).toList();
        if (checks.isEmpty()) {
            return true;
        }
        List<Object> row = session.query("SELECT " + String.join(", ", checks) + " FROM " + table, -1).rows().get(0);
        return row.stream().allMatch(Boolean.TRUE::equals);
    }

    /**
     * agate's type for each column DuckDB's sniffer typed (the others are settled); null when
     * only the text can tell.
     */
    private Map<String, String> finalTypes(String table, Map<String, String> read) {
        Map<String, String> types = new HashMap<>();
        List<String> numbers = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (Map.Entry<String, String> e : read.entrySet()) {
            String column = e.getKey();
            if (!SNIFFED.contains(e.getValue())) {
                return null;
            }
            switch (e.getValue()) {
                case "DOUBLE" -> numbers.add(column);
                case "VARCHAR" -> text.add(column);
                default -> types.put(column, e.getValue());
            }
        }
        if (!numbers.isEmpty()) {
            // per column: any fraction, min, max, and whether a double is beyond exact whole numbers or not finite
            List<String> aggregates = new ArrayList<>();
            for (String c : numbers) {
                String x = Relation.quote(c);
                aggregates.add("coalesce(bool_or(" + x + " <> floor(" + x + ")), false)");
                aggregates.add("min(" + x + ")");
                aggregates.add("max(" + x + ")");
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
            types.putAll(textTypes(table, text));
        }
        return types;
    }

    /**
     * agate's types of the columns DuckDB read as text. A column whose first rows already fit
     * none of agate's types (or no one type) is text without a scan; the others are searched
     * by {@link SeedTypes}.
     */
    private Map<String, String> textTypes(String table, List<String> text) {
        Map<String, String> types = new HashMap<>();
        List<List<String>> sample = textOf(table + " LIMIT " + SeedHints.SAMPLE_ROWS, text);
        List<String> searched = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            List<String> values = new ArrayList<>(sample.size());
            for (List<String> row : sample) {
                values.add(row.get(i));
            }
            if (AgateTypes.columnType(values).equals("VARCHAR")) {
                types.put(text.get(i), "VARCHAR"); // more rows only rule out more types
            } else {
                searched.add(text.get(i));
            }
        }
        if (!searched.isEmpty()) {
            types.putAll(new SeedTypes(sql -> session.query(sql, -1).rows(), table).infer(searched));
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
        String text = "read_csv(" + literal(path(load)) + ", header = true, delim = " + literal(load.delimiter())
                + ", all_varchar = true, auto_detect = true)";
        if (size(load.file()) < SMALL_BYTES) {
            // the rows to Java and the table from the file again: cheaper than a temporary table for a few rows
            QueryResult rows = session.query("SELECT * FROM " + text, -1);
            List<String> columns = rows.columnNames();
            List<Integer> inferred = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!load.columnTypes().containsKey(columns.get(i))) {
                    inferred.add(i);
                }
            }
            List<List<String>> values = new ArrayList<>(rows.rows().size());
            for (List<Object> row : rows.rows()) {
                List<String> v = new ArrayList<>(inferred.size());
                for (int i : inferred) {
                    v.add(row.get(i) == null ? null : row.get(i).toString());
                }
                values.add(v);
            }
            Map<String, String> types = new HashMap<>(load.columnTypes());
            types.putAll(AgateTypes.infer(inferred.stream().map(columns::get).toList(), values));
            create(load.target(), columns, types, text);
            return;
        }
        String raw = Relation.quote("__mallard_seed_" + load.target().identifier());
        session.execute("CREATE OR REPLACE TEMP TABLE " + raw + " AS SELECT * FROM " + text);
        try {
            List<String> columns = new ArrayList<>();
            for (List<Object> column : session.query("DESCRIBE " + raw, -1).rows()) {
                columns.add(String.valueOf(column.get(0)));
            }
            List<String> inferred = columns.stream().filter(c -> !load.columnTypes().containsKey(c)).toList();
            Map<String, String> types = new HashMap<>(load.columnTypes());
            if (!inferred.isEmpty()) {
                types.putAll(new SeedTypes(sql -> session.query(sql, -1).rows(), raw).infer(inferred));
            }
            create(load.target(), columns, types, raw);
        } finally {
            session.execute("DROP TABLE IF EXISTS " + raw);
        }
    }

    /** The target from the text in {@code from}, each column cast to its type. */
    private void create(Relation target, List<String> columns, Map<String, String> types, String from) {
        List<String> select = new ArrayList<>();
        for (String c : columns) {
            String q = Relation.quote(c);
            select.add(textCast(q, types.get(c)) + " AS " + q);
        }
        session.execute("CREATE TABLE " + target.render() + " AS SELECT " + String.join(", ", select) + " FROM " + from);
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

    /** The columns' values as text, row by row (a small seed's; {@code from} may end with a LIMIT). */
    private List<List<String>> textOf(String from, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : session.query("SELECT " + String.join(", ", columns.stream().map(Relation::quote)
                .toList()) + " FROM " + from, -1).rows()) {
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

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
