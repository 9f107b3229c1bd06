package dev.mallard.core.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a unit test's actual and expected rows as multisets and renders the difference
 * in the manner of dbt's (daff) table diff: {@code @@} header, unchanged rows, {@code →}
 * for a row whose first column matches but other values differ ({@code expected→actual}),
 * {@code ---} for expected rows missing from the actual ones and {@code +++} for extra
 * actual rows.
 */
public final class UnitTestDiff {
    private static final Comparator<List<String>> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Objects.compare(a.get(i), b.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final List<String> columns;
    private final List<Line> lines = new ArrayList<>();
    private final int differing;

    private record Line(String marker, List<String> cells) {
    }

    /** Compares the rows (cells rendered as text, null for SQL NULL) of the given columns. */
    public UnitTestDiff(List<String> columns, List<List<String>> expected, List<List<String>> actual) {
        this.columns = List.copyOf(columns);
        List<List<String>> exp = new ArrayList<>(expected);
        List<List<String>> act = new ArrayList<>(actual);
        exp.sort(ROWS);
        act.sort(ROWS);
        Map<List<String>, Integer> actualCounts = new HashMap<>();
        act.forEach(r -> actualCounts.merge(r, 1, Integer::sum));
        List<List<String>> onlyExpected = new ArrayList<>();
        List<List<String>> same = new ArrayList<>();
        for (List<String> row : exp) {
            Integer n = actualCounts.get(row);
            if (n != null && n > 0) {
                actualCounts.put(row, n - 1);
                same.add(row);
            } else {
                onlyExpected.add(row);
            }
        }
        List<List<String>> onlyActual = new ArrayList<>();
        Map<List<String>, Integer> sameCounts = new HashMap<>();
        same.forEach(r -> sameCounts.merge(r, 1, Integer::sum));
        for (List<String> row : act) {
            Integer n = sameCounts.get(row);
            if (n != null && n > 0) {
                sameCounts.put(row, n - 1);
            } else {
                onlyActual.add(row);
            }
        }
        this.differing = onlyExpected.size() + onlyActual.size();
        List<Map.Entry<List<String>, Line>> sorted = new ArrayList<>();
        same.forEach(r -> sorted.add(Map.entry(r, new Line("", r))));
        for (List<String> e : onlyExpected) {
            List<String> partner = null;
            if (columns.size() > 1) {
                for (List<String> a : onlyActual) {
                    if (Objects.equals(a.get(0), e.get(0))) {
                        partner = a;
                        break;
                    }
                }
            }
            if (partner == null) {
                sorted.add(Map.entry(e, new Line("---", e)));
            } else {
                onlyActual.remove(partner);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < e.size(); i++) {
                    String ev = e.get(i);
                    String av = partner.get(i);
                    cells.add(Objects.equals(ev, av) ? show(ev) : show(ev) + "→" + show(av));
                }
                sorted.add(Map.entry(e, new Line("→", cells)));
            }
        }
        onlyActual.forEach(a -> sorted.add(Map.entry(a, new Line("+++", a))));
        sorted.sort(Map.Entry.comparingByKey(ROWS));
        sorted.forEach(e -> lines.add(e.getValue()));
    }

    public boolean hasDifference() {
        return differing > 0;
    }

    /** Rows present on one side only (each extra copy of a duplicated row counts). */
    public int differingRows() {
        return differing;
    }

    /** The aligned table, one line per row, without a trailing newline. */
    public String render() {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("@@");
        header.addAll(columns);
        table.add(header);
        for (Line l : lines) {
            List<String> row = new ArrayList<>();
            row.add(l.marker());
            l.cells().forEach(c -> row.add(l.marker().equals("→") ? c : show(c)));
            table.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : table) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(cell);
                if (i < row.size() - 1) {
                    sb.append(" ".repeat(widths[i] - cell.length())).append(',');
                }
            }
        }
        return sb.toString();
    }

    private static String show(String cell) {
        return cell == null ? "null" : cell;
    }
}
