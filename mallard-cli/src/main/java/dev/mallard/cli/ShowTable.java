package dev.mallard.cli;

import dev.mallard.core.engine.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code show}'s table as dbt prints it: dbt turns the rows into an agate table (a column holding any text is
 * text; else whole numbers, numbers, dates, date-times, booleans, in that order of preference) and prints it with
 * agate's {@code print_table}: at most 6 columns (then a "..." column), names and values cut at 20 characters
 * ("..." at the end), text left-aligned and everything else right-aligned, numbers with thousands separators and
 * the column's most decimal places up to 3 ("…" when cut), in the en_US locale. Hand-written because the layout is
 * agate's (Python), which no Java table library reproduces.
 */
final class ShowTable {
    private static final int MAX_COLUMNS = 6;
    private static final int MAX_WIDTH = 20;
    private static final int MAX_PLACES = 3;
    private static final String ELLIPSIS = "...";

    private enum Kind { INTEGER, NUMBER, DATE, DATE_TIME, BOOLEAN, TEXT }

    private ShowTable() {
    }

    static String format(QueryResult result) {
        List<String> names = result.columnNames();
        int shown = Math.min(names.size(), MAX_COLUMNS);
        boolean cut = names.size() > MAX_COLUMNS;
        List<String> header = new ArrayList<>();
        List<Boolean> left = new ArrayList<>();
        for (int i = 0; i < names.size() && i <= MAX_COLUMNS; i++) {
            Kind kind = kind(result, i);
            left.add(kind == Kind.TEXT);
            header.add(i < shown ? truncate(names.get(i)) : ELLIPSIS);
        }
        List<List<String>> rows = new ArrayList<>();
        Integer[] places = new Integer[shown];
        for (int i = 0; i < shown; i++) {
            if (kind(result, i) == Kind.NUMBER) {
                places[i] = places(result, i);
            }
        }
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                Object v = row.get(i);
                boolean finite = places[i] != null && decimal(v) != null;
                cells.add(truncate(v == null ? "" : finite ? number(decimal(v), places[i]) : text(v)));
            }
            if (cut) {
                cells.add(ELLIPSIS);
            }
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = length(header.get(i));
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], length(r.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths, left);
        sb.append('|');
        for (int i = 0; i < widths.length; i++) {
            sb.append(' ').append("-".repeat(widths[i])).append(" |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, widths, left);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths, List<Boolean> left) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            String pad = " ".repeat(widths[i] - length(v));
            sb.append(' ').append(left.get(i) ? v + pad : pad + v).append(" |");
        }
        sb.append('\n');
    }

    /** The agate type dbt gives column {@code i}: from the Python types of its values. */
    private static Kind kind(QueryResult result, int i) {
        Kind kind = null;
        for (List<Object> row : result.rows()) {
            Object v = row.get(i);
            if (v == null) {
                continue;
            }
            Kind k = v instanceof Boolean ? Kind.BOOLEAN
                    : v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                            || v instanceof BigInteger ? Kind.INTEGER
                    : v instanceof BigDecimal || v instanceof Double || v instanceof Float ? Kind.NUMBER
                    : v instanceof java.time.LocalDate || v instanceof java.sql.Date ? Kind.DATE
                    : v instanceof java.sql.Timestamp || v instanceof java.time.LocalDateTime
                            || v instanceof java.time.OffsetDateTime ? Kind.DATE_TIME
                    : Kind.TEXT;
            if (k == Kind.TEXT) {
                return Kind.TEXT;
            }
            if (kind == null || kind == k) {
                kind = k;
            } else if (kind == Kind.INTEGER && k == Kind.NUMBER || kind == Kind.NUMBER && k == Kind.INTEGER) {
                kind = Kind.NUMBER; // a whole number is a number too
            } else if (kind == Kind.DATE && k == Kind.DATE_TIME || kind == Kind.DATE_TIME && k == Kind.DATE) {
                kind = Kind.DATE_TIME; // dbt's ISO date-time takes dates too
            } else {
                return Kind.TEXT;
            }
        }
        return kind == null ? Kind.INTEGER : kind;
    }

    /** The most decimal places of the column's values (trailing zeros aside), up to 3; null places mean "cut". */
    private static Integer places(QueryResult result, int i) {
        int most = 0;
        for (List<Object> row : result.rows()) {
            Object v = row.get(i);
            BigDecimal d = v == null ? null : decimal(v);
            if (d != null) {
                most = Math.max(most, Math.max(0, d.stripTrailingZeros().scale()));
            }
        }
        return most > MAX_PLACES ? -MAX_PLACES : most; // negative: cut to 3 places, with "…"
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null
                    : new BigDecimal(dev.mallard.jinja.value.NumberText.floatRepr(d));
        }
        return v instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(((Number) v).longValue());
    }

    /** Babel's {@code #,##0.000} (half-even rounding) for en_US; {@code places} < 0: -places and an ellipsis. */
    private static String number(BigDecimal d, int places) {
        int p = Math.abs(places);
        BigDecimal rounded = d.setScale(p, RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        String out = (rounded.signum() < 0 ? "-" : "") + grouped + (dot < 0 ? "" : plain.substring(dot));
        return places < 0 ? out + "…" : out;
    }

    /** A value as Python's {@code str()} writes it. */
    private static String text(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        if (v instanceof java.time.LocalDateTime t) {
            return TableFormatter.text(java.sql.Timestamp.valueOf(t));
        }
        if (v instanceof java.time.OffsetDateTime t) {
            // Python's str() of an aware datetime: "2024-01-01 00:00:00+00:00"
            String offset = t.getOffset().getId();
            return TableFormatter.text(java.sql.Timestamp.valueOf(t.toLocalDateTime()))
                    + ("Z".equals(offset) ? "+00:00" : offset);
        }
        return TableFormatter.text(v);
    }

    private static String truncate(String s) {
        return length(s) > MAX_WIDTH ? s.substring(0, s.offsetByCodePoints(0, MAX_WIDTH - ELLIPSIS.length())) + ELLIPSIS
                : s;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
