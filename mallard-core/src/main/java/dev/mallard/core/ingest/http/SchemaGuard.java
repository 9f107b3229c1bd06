package dev.mallard.core.ingest.http;

import static dev.mallard.core.ingest.http.PageParser.ARRAY;
import static dev.mallard.core.ingest.http.PageParser.BOOLEAN;
import static dev.mallard.core.ingest.http.PageParser.FLOAT;
import static dev.mallard.core.ingest.http.PageParser.INTEGER;
import static dev.mallard.core.ingest.http.PageParser.KINDS;
import static dev.mallard.core.ingest.http.PageParser.OBJECT;
import static dev.mallard.core.ingest.http.PageParser.STRING;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Catches a schema change mid-run: with declared {@code columns}, a record field that is not
 * declared or whose JSON kind does not fit the declared type; without them, a field that the
 * first page with records did not have, or whose kind changes (an integer becoming a decimal
 * is allowed). Nulls fit every column.
 */
final class SchemaGuard {

    private static final int ANY = (1 << KINDS.length) - 1;

    private final Map<String, Integer> allowed = new LinkedHashMap<>();
    private final Map<String, String> declared;
    private boolean settled;

    SchemaGuard(Map<String, String> declaredColumns) {
        this.declared = declaredColumns;
        declaredColumns.forEach((name, type) -> allowed.put(name, kindsFor(type)));
        this.settled = !declaredColumns.isEmpty();
    }

    /** Checks one page's fields; returns a description of the first mismatch, or null. */
    String check(Map<String, int[]> fields) {
        Map<String, Integer> learned = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> f : fields.entrySet()) {
            String name = f.getKey();
            int[] firstSeen = f.getValue();
            Integer mask = allowed.get(name);
            if (mask == null) {
                if (settled) {
                    return "record " + firstIndex(firstSeen) + " has field '" + name + "', which is not "
                        + (declared.isEmpty() ? "in the records of the first page" : "among the declared columns "
                            + declared.keySet());
                }
                mask = 0;
            }
            for (int k = 0; k < KINDS.length; k++) {
                if (firstSeen[k] == 0 || (mask & (1 << k)) != 0) {
                    continue;
                }
                if (!declared.isEmpty()) {
                    return "record " + firstSeen[k] + " has field '" + name + "' as " + KINDS[k] + ", but it is declared "
                        + declared.get(name);
                }
                boolean widening = k == FLOAT && (mask & (1 << INTEGER)) != 0;
                if (mask != 0 && !widening) {
                    return "record " + firstSeen[k] + " has field '" + name + "' as " + KINDS[k] + ", where earlier records had "
                        + describe(mask);
                }
                mask |= 1 << k;
                if (k == FLOAT) {
                    mask |= 1 << INTEGER;
                }
            }
            learned.put(name, mask);
        }
        allowed.putAll(learned);
        if (!fields.isEmpty()) {
            settled = true;
        }
        return null;
    }

    private static int firstIndex(int[] firstSeen) {
        int min = Integer.MAX_VALUE;
        for (int i : firstSeen) {
            if (i > 0) {
                min = Math.min(min, i);
            }
        }
        return min;
    }

    private static String describe(int mask) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < KINDS.length; k++) {
            if ((mask & (1 << k)) != 0 && !(k == INTEGER && (mask & (1 << FLOAT)) != 0)) {
                b.append(b.length() == 0 ? "" : " or ").append(KINDS[k]);
            }
        }
        return b.toString();
    }

    /** The JSON kinds a DuckDB type accepts from read_json. */
    static int kindsFor(String duckdbType) {
        String t = duckdbType.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("[]") || t.startsWith("LIST")) {
            return 1 << ARRAY;
        }
        if (t.startsWith("STRUCT") || t.startsWith("MAP")) {
            return 1 << OBJECT;
        }
        if (t.matches("(TINYINT|SMALLINT|INTEGER|INT|INT2|INT4|INT8|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|LONG|SHORT)")) {
            return 1 << INTEGER;
        }
        if (t.matches("(DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8)") || t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
            return (1 << INTEGER) | (1 << FLOAT);
        }
        if (t.equals("BOOLEAN") || t.equals("BOOL")) {
            return 1 << BOOLEAN;
        }
        if (t.startsWith("VARCHAR") || t.equals("TEXT") || t.equals("STRING") || t.startsWith("DATE") || t.startsWith("TIME")
                || t.equals("UUID") || t.equals("BLOB")) {
            return 1 << STRING;
        }
        return ANY;
    }
}
