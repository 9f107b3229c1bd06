package dev.mallard.cli;

import dev.mallard.core.engine.QueryResult;
import java.util.ArrayList;
import java.util.List;

/** An aligned text table: numbers right-aligned, text left-aligned, like dbt show. */
final class TableFormatter {
    private TableFormatter() {
    }

    static String format(QueryResult result) {
        List<String> names = result.columnNames();
        int n = names.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            width[i] = names.get(i).length();
            numeric[i] = true;
        }
        for (List<Object> row : result.rows()) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                String s = text(v);
                if (v != null && !(v instanceof Number)) {
                    numeric[i] = false;
                }
                width[i] = Math.max(width[i], s.length());
                r.add(s);
            }
            cells.add(r);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, names, width, new boolean[n]);
        sb.append('|');
        for (int i = 0; i < n; i++) {
            sb.append('-').append("-".repeat(width[i])).append("-|");
        }
        sb.append(System.lineSeparator());
        for (List<String> r : cells) {
            appendRow(sb, r, width, numeric);
        }
        return sb.toString();
    }

    /** A value as dbt show prints it: timestamps without Java's trailing ".0". */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.sql.Timestamp ts) {
            java.time.LocalDateTime t = ts.toLocalDateTime();
            String base = t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            int micros = t.getNano() / 1000;
            return micros == 0 ? base : base + String.format(java.util.Locale.ROOT, ".%06d", micros);
        }
        return String.valueOf(v);
    }

    private static void appendRow(StringBuilder sb, List<String> values, int[] width, boolean[] right) {
        sb.append('|');
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String pad = " ".repeat(width[i] - v.length());
            sb.append(' ').append(right[i] ? pad + v : v + pad).append(" |");
        }
        sb.append(System.lineSeparator());
    }
}
