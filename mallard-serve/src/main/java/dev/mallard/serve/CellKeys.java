package dev.mallard.serve;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@link MemoryTable} keys and orders cells so that its answers equal the SQL path's:
 * a client's text converted only where the conversion is certain to be DuckDB's CAST, stored
 * values normalised to one key type, and DuckDB's ordering (NULLS LAST, binary collation).
 */
final class CellKeys {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CellKeys() {
    }

    /** NULLS LAST in both directions, as the SQL path orders. */
    static int compareNullsLast(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = compareValues(normalize(a), normalize(b));
        return descending ? -c : c;
    }

    /** Numbers as longs, dates as LocalDate, strings by code point (DuckDB's binary collation = UTF-8 byte order). */
    @SuppressWarnings("unchecked")
    private static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** The key a stored value is indexed and compared under. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }

    /**
     * The key a client's value is looked up under, or null when this path cannot be sure it
     * converts the text exactly as DuckDB's CAST would (then the SQL path answers).
     */
    static Object key(String type, String value) {
        String base = baseType(type);
        switch (base) {
            case "VARCHAR":
                return value;
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT":
                if (!INTEGER.matcher(value).matches()) {
                    return null;
                }
                long n = Long.parseLong(value);
                long max = switch (base) {
                    case "TINYINT" -> Byte.MAX_VALUE;
                    case "SMALLINT" -> Short.MAX_VALUE;
                    case "INTEGER" -> Integer.MAX_VALUE;
                    default -> Long.MAX_VALUE;
                };
                return n > max || n < -max - 1 ? null : n;
            case "BOOLEAN":
                String b = value.toLowerCase(Locale.ROOT);
                return b.equals("true") ? Boolean.TRUE : b.equals("false") ? Boolean.FALSE : null;
            case "DATE":
                if (!DATE.matcher(value).matches()) {
                    return null;
                }
                try {
                    return LocalDate.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    static String baseType(String type) {
        return type.toUpperCase(Locale.ROOT).strip();
    }
}
