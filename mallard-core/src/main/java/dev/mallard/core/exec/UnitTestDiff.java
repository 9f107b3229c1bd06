package dev.mallard.core.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a unit test's actual and expected rows as multisets and renders the difference
 * as dbt does (its daff table diff): both sides sorted (nulls last), rows paired by
 * {@link UnitTestRowPairing}, a {@code →} row per pair that differs ({@code expected→actual}
 * in each changed cell), {@code +++} for unpaired actual rows and {@code ---} for unpaired
 * expected ones, one row of context around each change and {@code ...} for the rows and
 * columns left out.
 */
public final class UnitTestDiff {
    private static final String ELIDED = "...";

    private final List<String> columns;
    private final List<Line> lines = new ArrayList<>();
    private final boolean[] activeColumns;
    private final int differing;

    /**
     * A rendered cell. dbt measures widths on the CSV text but prints coloured cells (added,
     * removed and changed ones) with their colour codes, which hide outer spaces from the
     * quoting, so those print unquoted after the colours are stripped.
     */
    private record Cell(String shown, String measured) {
        static Cell plain(String text) {
            String t = csv(text, true);
            return new Cell(t, t);
        }

        static Cell coloured(String text) {
            return new Cell(csv(text, false), csv(text, true));
        }
    }

    private record Line(String marker, List<Cell> cells) {
        boolean active() {
            return !marker.isEmpty();
        }
    }

    /**
     * Compares the rows (cells rendered as text, null for SQL NULL) of the given columns;
     * columns whose cells all read as numbers sort numerically.
     */
    public UnitTestDiff(List<String> columns, List<List<String>> expected, List<List<String>> actual) {
        this(columns, expected, actual, null);
    }

    /**
     * As above, with the columns that hold numbers given ({@code null}: guessed from the
     * text); dbt sorts both sides by value before pairing them.
     */
    public UnitTestDiff(List<String> columns, List<List<String>> expected, List<List<String>> actual,
            boolean[] numericColumns) {
        this.columns = List.copyOf(columns);
        this.differing = countDiffering(expected, actual);
        boolean[] numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) {
            // NaN and infinities have no decimal value: such a column sorts as text
            numeric[i] = (numericColumns == null || numericColumns[i]) && allNumbers(expected, i) && allNumbers(actual, i);
        }
        Comparator<List<String>> order = rowOrder(numeric);
        List<List<String>> exp = new ArrayList<>(expected);
        List<List<String>> act = new ArrayList<>(actual);
        exp.sort(order);
        act.sort(order);
        UnitTestRowPairing pairing = new UnitTestRowPairing(this.columns, exp, act);
        activeColumns = new boolean[columns.size()];
        pairing.keyColumns.forEach(c -> activeColumns[c] = true);
        // actual rows in order, each unpaired expected row just before the first pair that comes after it
        int nextLocal = 0;
        int[] a2b = pairing.expectedToActual;
        for (int r = 0; r < act.size(); r++) {
            int l = pairing.actualToExpected[r];
            while (l >= 0 && (nextLocal = nextUnpaired(a2b, nextLocal)) < l) {
                lines.add(new Line("---", addedOrRemoved(exp.get(nextLocal))));
                nextLocal++;
            }
            if (l < 0) {
                lines.add(new Line("+++", addedOrRemoved(act.get(r))));
                Arrays.fill(activeColumns, true); // dbt shows every column of an added row
            } else {
                lines.add(pair(exp.get(l), act.get(r)));
            }
        }
        while ((nextLocal = nextUnpaired(a2b, nextLocal)) < exp.size()) {
            lines.add(new Line("---", addedOrRemoved(exp.get(nextLocal))));
            nextLocal++;
        }
    }

    private static int nextUnpaired(int[] a2b, int from) {
        int i = from;
        while (i < a2b.length && a2b[i] >= 0) {
            i++;
        }
        return i;
    }

    private Line pair(List<String> e, List<String> a) {
        List<Cell> cells = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < e.size(); i++) {
            String ev = e.get(i);
            String av = a.get(i);
            if (Objects.equals(ev, av)) {
                cells.add(Cell.plain(ev == null ? "NULL" : ev));
            } else {
                changed = true;
                activeColumns[i] = true;
                cells.add(Cell.coloured((ev == null ? "NULL" : ev) + "→" + (av == null ? "NULL" : av)));
            }
        }
        return new Line(changed ? "→" : "", cells);
    }

    /** An added or removed row's cells: nulls as {@code null}, outer spaces left unquoted (as dbt does). */
    private static List<Cell> addedOrRemoved(List<String> row) {
        List<Cell> cells = new ArrayList<>();
        row.forEach(c -> cells.add(Cell.coloured(c == null ? "null" : c)));
        return cells;
    }

    /** dbt sorts rows by their values, nulls last. */
    private static Comparator<List<String>> rowOrder(boolean[] numeric) {
        return (x, y) -> {
            for (int i = 0; i < numeric.length; i++) {
                String p = x.get(i);
                String q = y.get(i);
                if (p == null || q == null) {
                    if (p != q) {
                        return p == null ? 1 : -1;
                    }
                    continue;
                }
                int c = numeric[i] ? new BigDecimal(p).compareTo(new BigDecimal(q)) : p.compareTo(q);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static boolean allNumbers(List<List<String>> rows, int column) {
        for (List<String> row : rows) {
            String v = row.get(column);
            if (v != null) {
                try {
                    new BigDecimal(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int countDiffering(List<List<String>> expected, List<List<String>> actual) {
        Map<List<String>, Integer> counts = new HashMap<>();
        expected.forEach(r -> counts.merge(r, 1, Integer::sum));
        actual.forEach(r -> counts.merge(r, -1, Integer::sum));
        int n = 0;
        for (int c : counts.values()) {
            n += Math.abs(c);
        }
        return n;
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
        List<List<Cell>> table = new ArrayList<>();
        List<Cell> header = new ArrayList<>();
        header.add(Cell.plain("@@"));
        columns.forEach(c -> header.add(Cell.plain(c)));
        table.add(header);
        boolean hidden = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean shown = lines.get(i).active() || (i > 0 && lines.get(i - 1).active())
                    || (i + 1 < lines.size() && lines.get(i + 1).active());
            if (shown) {
                List<Cell> row = new ArrayList<>();
                row.add(Cell.plain(lines.get(i).marker()));
                row.addAll(lines.get(i).cells());
                table.add(row);
            } else if (!hidden) {
                table.add(new ArrayList<>(Collections.nCopies(header.size(), Cell.plain(ELIDED))));
            }
            hidden = !shown;
        }
        List<List<Cell>> shownTable = elideColumns(table);
        int[] widths = widths(shownTable);
        StringBuilder sb = new StringBuilder();
        for (List<Cell> row : shownTable) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            // each cell starts where the widths so far put it, less what earlier cells overran
            int target = 0;
            int at = 0;
            for (int i = 0; i < row.size(); i++) {
                if (widths != null && target > at) {
                    sb.append(" ".repeat(target - at));
                    at = target;
                }
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(row.get(i).shown());
                if (widths != null) {
                    at += row.get(i).measured().length();
                    target += widths[i];
                }
            }
        }
        return sb.toString();
    }

    /**
     * dbt's column widths: per column the longest cell no longer than the mean length plus
     * two standard deviations (at least the header's); no alignment when the table would
     * be wider than 130 characters.
     */
    private static int[] widths(List<List<Cell>> table) {
        int width = table.get(0).size();
        int[] sizes = new int[width];
        int total = width - 1;
        for (int x = 0; x < width; x++) {
            double sum = 0;
            double squares = 0;
            for (List<Cell> row : table) {
                int len = row.get(x).measured().length();
                sum += len;
                squares += (double) len * len;
            }
            double mean = sum / table.size();
            double variance = squares / table.size() - mean * mean;
            double most = (int) (mean + 2 * Math.sqrt(Math.max(variance, 0)) + 0.5);
            int size = table.get(0).get(x).measured().length();
            for (List<Cell> row : table) {
                int len = row.get(x).measured().length();
                if (len <= most) {
                    size = Math.max(size, len);
                }
            }
            sizes[x] = size;
            total += size;
        }
        return total > 130 ? null : sizes;
    }

    /** A cell as dbt's CSV-like rendering writes it: quoted when it holds a comma, quote, tab or line break or has outer spaces. */
    private static String csv(String cell, boolean quoteOuterSpaces) {
        boolean quote = quoteOuterSpaces && !cell.isEmpty() && (cell.startsWith(" ") || cell.endsWith(" "))
                || cell.chars().anyMatch(ch -> ch == '"' || ch == '\r' || ch == '\n' || ch == '\t' || ch == ',');
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** Keeps key and changed columns and their neighbours; each run of other columns becomes one {@code ...}. */
    private List<List<Cell>> elideColumns(List<List<Cell>> table) {
        int width = columns.size();
        List<Integer> fate = new ArrayList<>(); // column index, or -1 for a "..." column
        fate.add(0);
        boolean hidden = false;
        for (int c = 0; c < width; c++) {
            boolean shown = activeColumns[c] || (c > 0 && activeColumns[c - 1]) || (c + 1 < width && activeColumns[c + 1]);
            if (shown) {
                fate.add(c + 1);
            } else if (!hidden) {
                fate.add(-1);
            }
            hidden = !shown;
        }
        List<List<Cell>> out = new ArrayList<>();
        for (List<Cell> row : table) {
            List<Cell> kept = new ArrayList<>();
            fate.forEach(f -> kept.add(f < 0 ? Cell.plain(ELIDED) : row.get(f)));
            out.add(kept);
        }
        return out;
    }
}
