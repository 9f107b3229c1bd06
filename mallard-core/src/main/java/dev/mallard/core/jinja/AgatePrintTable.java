package dev.mallard.core.jinja;

import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.NumberText;
import dev.mallard.jinja.value.Py;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of agate's {@code Table.print_table()} for a run_query table, as dbt 1.11 prints
 * it (agate 1.9 with the column types dbt's agate_helper infers): a GitHub-flavoured
 * Markdown table, text left-justified and every other type right-justified, at most
 * {@code max_rows} rows and {@code max_columns} columns (the rest shown as {@code ...}),
 * values longer than {@code max_column_width} cut with {@code ...}. Written by hand: no Java
 * library prints agate's layout. Numbers are formatted as babel's {@code #,##0.000} (en_US),
 * with the decimals the column's most precise value needs, at most {@code max_precision}
 * (then ending in {@code …}); whole numbers (dbt's Integer type) print as Python's str().
 */
public final class AgatePrintTable {
    private static final String ELLIPSIS = "...";

    private enum Kind { TEXT, INTEGER, NUMBER, OTHER }

    private AgatePrintTable() {
    }

    /** {@code table.print_table(max_rows=20, max_columns=6, output=None, max_column_width=20, locale=None, max_precision=3)}. */
    static String text(AgateTable table, Args a) {
        Object width = a.get(3, "max_column_width", 20L);
        Object precision = a.get(5, "max_precision", 3L);
        return text(table, a.get(0, "max_rows", 20L), a.get(1, "max_columns", 6L),
                width == null ? Integer.MAX_VALUE : (int) DatetimeModule.integer(width),
                precision == null ? Integer.MAX_VALUE : (int) DatetimeModule.integer(precision));
    }

    /**
     * {@code dbt show}'s preview of a query's rows: dbt's agate table of them printed with
     * {@code print_table(max_rows=None)}, its last line break included.
     */
    public static String preview(dev.mallard.core.engine.QueryResult result) {
        return text(new AgateTable(result), null, 6L, 20, 3) + "\n";
    }

    private static String text(AgateTable table, Object rowLimit, Object columnLimit, int maxWidth, int maxPrecision) {
        int maxRows = limit(rowLimit, table.size());
        List<String> names = new ArrayList<>();
        ((Iterable<?>) table.attribute("column_names")).forEach(n -> names.add(Py.str(n)));
        int maxColumns = limit(columnLimit, names.size());
        List<List<?>> rows = new ArrayList<>();
        table.forEach(r -> rows.add((List<?>) r));

        List<Kind> kinds = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            kinds.add(kind(rows, j));
        }
        List<String> header = new ArrayList<>();
        for (String name : names.subList(0, maxColumns)) {
            header.add(cut(name, maxWidth));
        }
        if (maxColumns < names.size()) {
            header.add(ELLIPSIS);
        }
        int[] widths = header.stream().mapToInt(AgatePrintTable::length).toArray();
        int[] places = new int[maxColumns];
        boolean[] cutDecimals = new boolean[maxColumns];
        for (int j = 0; j < maxColumns; j++) {
            if (kinds.get(j) == Kind.NUMBER) {
                int p = 0;
                for (List<?> row : rows.subList(0, maxRows)) {
                    BigDecimal d = decimal(row.get(j));
                    p = d == null ? p : Math.max(p, Math.max(0, d.stripTrailingZeros().scale()));
                }
                cutDecimals[j] = p > maxPrecision;
                places[j] = Math.min(p, maxPrecision);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<?> row : rows.subList(0, maxRows)) {
            List<String> out = new ArrayList<>();
            for (int j = 0; j < row.size() && j <= maxColumns; j++) {
                Object v = row.get(j);
                String s = j >= maxColumns ? ELLIPSIS : v == null ? ""
                        : kinds.get(j) == Kind.NUMBER && decimal(v) != null
                        ? number(decimal(v), places[j], cutDecimals[j])
                        : kinds.get(j) == Kind.NUMBER && v instanceof Double d ? decimalText(d) : Py.str(v);
                s = cut(s, maxWidth);
                widths[j] = Math.max(widths[j], length(s));
                out.add(s);
            }
            cells.add(out);
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths, kinds);
        text.append('|');
        for (int j = 0; j < widths.length; j++) {
            text.append(j == 0 ? " " : " | ").append("-".repeat(widths[j]));
        }
        text.append(" |\n");
        cells.forEach(row -> line(text, row, widths, kinds));
        if (maxRows < rows.size()) {
            line(text, header.stream().map(h -> ELLIPSIS).toList(), widths, kinds);
        }
        return text.substring(0, text.length() - 1);
    }

    private static int limit(Object value, int all) {
        return value == null ? all : (int) Math.min(all, Math.max(0, DatetimeModule.integer(value)));
    }

    /** As dbt's agate_helper types a column: text if any value is a string, else by its values. */
    private static Kind kind(List<List<?>> rows, int j) {
        boolean integers = true;
        boolean numbers = true;
        for (List<?> row : rows) {
            Object v = row.get(j);
            if (v instanceof CharSequence) {
                return Kind.TEXT;
            }
            if (v != null) {
                integers &= v instanceof Long || v instanceof Integer || v instanceof BigInteger;
                numbers &= v instanceof Number;
            }
        }
        return integers ? Kind.INTEGER : numbers ? Kind.NUMBER : Kind.OTHER;
    }

    /** A float a number column holds as a Decimal: Python writes Decimal('Infinity') and Decimal('NaN') so. */
    private static String decimalText(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : new BigDecimal(NumberText.floatRepr(d));
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return new BigDecimal(v.toString());
        }
        return null;
    }

    /** babel's format_decimal with {@code #,##0.<places>} (half-even rounding, en_US grouping). */
    private static String number(BigDecimal d, int places, boolean cut) {
        BigDecimal r = d.setScale(places, RoundingMode.HALF_EVEN);
        String plain = r.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (r.signum() < 0 ? "-" : "") + grouped + (dot < 0 ? "" : plain.substring(dot)) + (cut ? "…" : "");
    }

    private static String cut(String s, int maxWidth) {
        if (length(s) <= maxWidth) {
            return s;
        }
        int keep = Math.max(0, maxWidth - ELLIPSIS.length());
        return s.substring(0, s.offsetByCodePoints(0, keep)) + ELLIPSIS;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void line(StringBuilder text, List<String> values, int[] widths, List<Kind> kinds) {
        text.append('|');
        for (int j = 0; j < values.size(); j++) {
            String v = values.get(j);
            String pad = " ".repeat(Math.max(0, widths[j] - length(v)));
            text.append(' ').append(kinds.get(j) == Kind.TEXT ? v + pad : pad + v).append(" |");
        }
        text.append('\n');
    }
}
