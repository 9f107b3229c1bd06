package dev.mallard.core.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * agate's type inference read value by value in plain Java: what dbt gives a seed's
 * columns, in DuckDB's type names (an engine maps them to its own). DuckDB uses it for small
 * seeds (cheaper than its in-database search, {@code SeedTypes}, whose fixed cost per query
 * dominates on a few hundred rows), and {@code SeedTypesTest} checks that search against it;
 * Postgres uses it for every seed. dbt infers each column with agate's type
 * tester (number, then date {@code %Y-%m-%d}, datetime {@code %Y-%m-%d %H:%M:%S}, ISO
 * datetime, boolean {@code true/false}, else text; {@code ''} and {@code null} fit any of
 * them), creates the table with those types and lets the database cast the file's text. So
 * {@code 08:00:00} is text (agate has no time type), a number column without a fraction is
 * INTEGER and one with a fraction DOUBLE. Where dbt fails on whole numbers beyond INTEGER,
 * Mallard widens to BIGINT (or HUGEINT).
 */
public final class AgateTypes {
    private enum Kind { NUMBER, DATE, DATETIME, ISO_DATETIME, BOOLEAN }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])");
    private static final Pattern DATETIME = Pattern.compile(DATE.pattern()
            + "\\s+(2[0-3]|[01]\\d|\\d):([0-5]\\d|\\d):([0-5]\\d|\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern ISO_TIME = Pattern.compile(
            "(2[0-4]|[01]\\d)(:?[0-5]\\d(:?([0-5]\\d|60)([.,]\\d+)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?");
    private static final Pattern SPECIAL_NUMBER = Pattern.compile("[+-]?(inf(inity)?|s?nan\\d*)",
            Pattern.CASE_INSENSITIVE);
    private static final String CURRENCY = "؋$ƒ៛¥₡₱£€¢﷼₪₩₭₮₦฿₤₫";
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal HUGE_MAX = new BigDecimal(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE));

    private AgateTypes() {
    }

    /** The DuckDB type of each column, in header order. */
    public static Map<String, String> infer(List<String> header, List<List<String>> rows) {
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            List<String> values = new ArrayList<>(rows.size());
            for (List<String> row : rows) {
                values.add(i < row.size() ? row.get(i) : null);
            }
            types.put(header.get(i), columnType(values));
        }
        return types;
    }

    public static String columnType(List<String> values) {
        Set<Kind> possible = EnumSet.allOf(Kind.class);
        for (String v : values) {
            if (v == null || isNull(v)) {
                continue;
            }
            possible.removeIf(k -> !fits(k, v.strip()));
            if (possible.isEmpty()) {
                return "VARCHAR";
            }
        }
        Kind kind = possible.iterator().next();
        return switch (kind) {
            case NUMBER -> numberType(values);
            case DATE -> "DATE";
            case DATETIME, ISO_DATETIME -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    /**
     * A CSV field as agate reads it, in text a database casts to the column's type: null for
     * agate's nulls, numbers without currency, grouping or percent signs (NaN and Infinity
     * spelled out), booleans as true/false. {@code type} is the column's inferred type, or any
     * other name for a column whose type the seed gives (its text is kept).
     */
    public static String text(String raw, String type) {
        if (raw == null || isNull(raw)) {
            return null;
        }
        return switch (type) {
            case "INTEGER", "BIGINT", "HUGEINT" -> number(raw.strip()).toBigInteger().toString();
            case "DOUBLE" -> {
                String s = raw.strip().toLowerCase(Locale.ROOT);
                if (s.contains("nan") || s.contains("inf")) {
                    yield s.contains("nan") ? "NaN" : (s.startsWith("-") ? "-Infinity" : "Infinity");
                }
                yield number(raw.strip()).toPlainString();
            }
            case "BOOLEAN" -> raw.replace(",", "").strip().toLowerCase(Locale.ROOT);
            case "DATE", "TIMESTAMP" -> raw.strip();
            default -> raw;
        };
    }

    /** Whether agate reads the value as NULL: empty, or {@code null} in any case, around blanks. */
    public static boolean isNull(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.equals("null");
    }

    private static boolean fits(Kind kind, String v) {
        return switch (kind) {
            case NUMBER -> number(v) != null;
            case DATE -> date(DATE.matcher(v));
            case DATETIME -> date(DATETIME.matcher(v));
            case ISO_DATETIME -> isoDatetime(v);
            case BOOLEAN -> {
                String b = v.replace(",", "").strip().toLowerCase(Locale.ROOT);
                yield b.equals("true") || b.equals("false");
            }
        };
    }

    private static boolean date(Matcher m) {
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3).strip()));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isoDatetime(String v) {
        String[] parts = v.split("T", -1);
        if (parts.length != 2 || !ISO_TIME.matcher(parts[1]).matches()) {
            return false;
        }
        Matcher d = ISO_DATE.matcher(parts[0]);
        return d.matches() && date(DATE.matcher(d.group(1) + "-" + d.group(2) + "-" + d.group(3)));
    }

    /** The value as agate's Number reads it (percent, sign, currency and grouping stripped), or null. */
    public static BigDecimal number(String v) {
        String d = strip(v.strip(), "%");
        boolean negative = !d.isEmpty() && d.charAt(0) == '-';
        if (negative) {
            d = d.substring(1);
        }
        d = strip(d, CURRENCY).replace(",", "");
        if (SPECIAL_NUMBER.matcher(d.strip()).matches()) {
            return BigDecimal.ZERO;
        }
        if (!DECIMAL.matcher(d.strip()).matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(d.strip().replace("_", ""));
        return negative ? n.negate() : n;
    }

    private static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String numberType(List<String> values) {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (String v : values) {
            if (v == null || isNull(v)) {
                continue;
            }
            BigDecimal n = number(v.strip());
            if (n.stripTrailingZeros().scale() > 0) {
                return "DOUBLE";
            }
            min = min.min(n);
            max = max.max(n);
        }
        if (min.compareTo(INT_MIN) >= 0 && max.compareTo(INT_MAX) <= 0) {
            return "INTEGER";
        }
        if (min.compareTo(LONG_MIN) >= 0 && max.compareTo(LONG_MAX) <= 0) {
            return "BIGINT";
        }
        return max.compareTo(HUGE_MAX) <= 0 && min.compareTo(HUGE_MAX.negate()) >= 0 ? "HUGEINT" : "DOUBLE";
    }
}
