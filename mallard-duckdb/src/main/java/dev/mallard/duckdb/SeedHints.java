package dev.mallard.duckdb;

import dev.mallard.core.engine.Relation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * agate's type for a large seed's columns, guessed from the file's first rows so that DuckDB
 * can create the table with it in the same statement that reads the file (no second pass to
 * narrow or cast). Each guess is an expression that fails the statement on a value later in
 * the file that would make agate decide otherwise, and the load then reads the file without
 * guesses: whole numbers are read as DOUBLE (DuckDB's integer reading rounds {@code 1.5} and
 * reads {@code 0x10}; its DOUBLE reading takes only text agate reads as a number) and must be
 * whole and in range; a fraction in the sample makes a DOUBLE, which must stay finite;
 * booleans are read as text and must be agate's {@code true}/{@code false}.
 */
final class SeedHints {
    /** Rows read from the top of the file. */
    static final int SAMPLE_ROWS = 1000;
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}\\.[0-9]{1,15}");
    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;
    /** Whole DOUBLEs are exact below 2^53. */
    private static final String EXACT = "9007199254740991";

    /**
     * A column's guess: how DuckDB reads it, the expression (of the read column) that gives
     * agate's type, and an aggregate over the loaded column that must be true for the guess to
     * stand (null when the expression settles it), for a guess that rests on the first rows
     * having a value the column must still hold: a fraction, a number beyond INTEGER.
     */
    record Hint(String readAs, String expression, String check) {
    }

    private SeedHints() {
    }

    /**
     * The guesses for the columns not in {@code declared}, by column name; none when the
     * header has blank or repeated names (DuckDB renames those) or the sample does not parse.
     */
    static Map<String, Hint> guess(Path file, char delimiter, Set<String> declared) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').get();
        List<String> header;
        List<List<String>> columns = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return Map.of();
            }
            header = new ArrayList<>(records.next().toList());
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            Set<String> seen = new HashSet<>();
            for (String name : header) {
                if (name.isBlank() || !seen.add(name.toLowerCase(Locale.ROOT))) {
                    return Map.of();
                }
                columns.add(new ArrayList<>());
            }
            for (int r = 0; r < SAMPLE_ROWS && records.hasNext(); r++) {
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    return Map.of();
                }
                for (int i = 0; i < header.size(); i++) {
                    columns.get(i).add(record.get(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the load reads the file without guesses and reports what is wrong
        }
        Map<String, Hint> hints = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (declared.contains(header.get(i))) {
                continue;
            }
            Hint hint = hint(Relation.quote(header.get(i)), columns.get(i));
            if (hint != null) {
                hints.put(header.get(i), hint);
            }
        }
        return hints;
    }

    /** The guess for one column's sampled values (quoted is the column's name as SQL), or null. */
    static Hint hint(String quoted, List<String> values) {
        boolean whole = true;
        boolean decimal = true;
        boolean fraction = false;
        boolean bool = true;
        boolean any = false;
        long min = 0;
        long max = 0;
        for (String v : values) {
            if (v.isEmpty()) {
                continue; // NULL in DuckDB's typed reading and in agate's
            }
            any = true;
            String lower = v.toLowerCase(Locale.ROOT);
            bool &= lower.equals("true") || lower.equals("false");
            if (WHOLE.matcher(v).matches()) {
                long n = Long.parseLong(v);
                min = Math.min(min, n);
                max = Math.max(max, n);
            } else {
                whole = false;
                if (DECIMAL.matcher(v).matches()) {
                    fraction |= v.substring(v.indexOf('.') + 1).chars().anyMatch(c -> c != '0');
                } else {
                    decimal = false;
                }
            }
        }
        if (!any) {
            return null;
        }
        if (whole) {
            boolean integer = min >= INT_MIN && max <= INT_MAX;
            String lo = integer ? Long.toString(INT_MIN) : "-" + EXACT;
            String hi = integer ? Long.toString(INT_MAX) : EXACT;
            return new Hint("DOUBLE", "CASE WHEN " + quoted + " IS NULL THEN NULL WHEN " + quoted + " = floor(" + quoted
                    + ") AND " + quoted + " BETWEEN " + lo + " AND " + hi + " THEN CAST(" + quoted + " AS "
                    + (integer ? "INTEGER" : "BIGINT") + ") ELSE " + fail(quoted) + " END", integer ? null
                    : "coalesce(bool_or(" + quoted + " NOT BETWEEN " + INT_MIN + " AND " + INT_MAX + "), false)");
        }
        if (decimal && fraction) {
            return new Hint("DOUBLE", "CASE WHEN isinf(" + quoted + ") OR isnan(" + quoted + ") THEN " + fail(quoted)
                    + " ELSE " + quoted + " END", "coalesce(bool_or(" + quoted + " <> floor(" + quoted + ")), false)");
        }
        if (bool) {
            // the usual spellings first: the general test costs about a third of the read
            return new Hint("VARCHAR", "CASE " + quoted + " WHEN 'true' THEN true WHEN 'false' THEN false"
                    + " WHEN 'True' THEN true WHEN 'False' THEN false WHEN 'TRUE' THEN true WHEN 'FALSE' THEN false"
                    + " ELSE (CASE WHEN " + quoted + " IS NULL OR lower(trim(" + quoted + ")) IN ('', 'null')"
                    + " THEN NULL WHEN lower(trim(replace(" + quoted + ", ',', ''), " + SeedTypes.WS
                    + ")) IN ('true', 'false') THEN CAST(" + quoted + " AS BOOLEAN) ELSE " + fail(quoted) + " END) END", null);
        }
        return null;
    }

    /** Fails the statement (caught by the load, which then reads without guesses), typed as the other branches. */
    private static String fail(String quoted) {
        return "error('mallard: the seed column ' || " + SeedLoad.literal(quoted) + " || ' is not as its first rows')";
    }
}
