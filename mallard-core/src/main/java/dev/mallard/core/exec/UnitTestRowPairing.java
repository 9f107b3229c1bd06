package dev.mallard.core.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs expected and actual rows the way dbt's unit-test diff (the daff table differ) does,
 * so a failing test shows the same {@code →}, {@code +++} and {@code ---} rows as dbt.
 * Hand-written: daff has no Java release on Maven Central. Its observed behaviour: tables
 * carry their header as row 0; rows are keyed on each non-empty subset of (at most five)
 * columns in turn, subset {@code k} being the columns of the set bits of {@code k}; an
 * expected row whose key occurs exactly once on each side is paired, unless the subset's
 * most frequent key is too common; then rows next to paired rows are paired when all their
 * columns agree, scanning forwards and backwards from each side.
 */
final class UnitTestRowPairing {
    private static final int MAX_KEY_COLUMNS = 5;

    /** For each expected row, the index of its actual partner or -1. */
    final int[] expectedToActual;
    /** For each actual row, the index of its expected partner or -1. */
    final int[] actualToExpected;
    /** Columns that took part in a row key (dbt always shows them). */
    final Set<Integer> keyColumns = new LinkedHashSet<>();

    private final List<List<String>> a;
    private final List<List<String>> b;
    private final Map<Integer, Integer> a2b = new HashMap<>();
    private final Map<Integer, Integer> b2a = new HashMap<>();
    private final Set<Integer> usedA = new HashSet<>();
    private final Set<Integer> usedB = new HashSet<>();

    UnitTestRowPairing(List<String> header, List<List<String>> expected, List<List<String>> actual) {
        a = withHeader(header, expected);
        b = withHeader(header, actual);
        int ha = a.size();
        int hb = b.size();
        List<Integer> columns = keyCandidates(header.size());
        int top = 1 << columns.size();
        LinkedHashSet<Integer> pending = new LinkedHashSet<>();
        for (int j = 0; j < ha; j++) {
            pending.add(j);
        }
        int indexCount = 0;
        List<Integer> topColumns = null;
        for (int k = 1; k < top && !pending.isEmpty(); k++) {
            List<Integer> cols = new ArrayList<>();
            for (int bit = 0; bit < columns.size(); bit++) {
                if ((k >> bit & 1) == 1) {
                    cols.add(columns.get(bit));
                }
            }
            keyColumns.addAll(cols);
            Map<String, List<Integer>> ia = index(a, cols);
            Map<String, List<Integer>> ib = index(b, cols);
            if (k == top - 1) {
                topColumns = cols;
            }
            int topFreq = Math.max(topFrequency(ia), topFrequency(ib));
            double ratio = topFreq / (double) (Math.max(Math.max(ha, hb), 1) + 20);
            if (ratio >= 0.1 && (indexCount > 0 || k < top - 1)) {
                continue; // a key too many rows share
            }
            indexCount++;
            List<Integer> fixed = new ArrayList<>();
            for (int j : pending) {
                String key = key(a, cols, j);
                List<Integer> inA = ia.get(key);
                List<Integer> inB = ib.get(key);
                if (key.isEmpty() || inA == null || inB == null || inA.size() != 1 || inB.size() != 1) {
                    continue;
                }
                int jb = inB.get(0);
                if (!usedB.contains(jb)) {
                    fixed.add(j);
                    link(j, jb);
                }
            }
            pending.removeAll(fixed);
        }
        if (topColumns != null) {
            int reversePending = hb - usedB.size();
            pairNeighbours(topColumns, a, b, a2b, usedB, pending.size(), true);
            pairNeighbours(topColumns, b, a, b2a, usedA, reversePending, false);
        }
        expectedToActual = new int[ha - 1];
        actualToExpected = new int[hb - 1];
        for (int i = 1; i < ha; i++) {
            Integer p = a2b.get(i);
            expectedToActual[i - 1] = p == null ? -1 : p - 1;
        }
        for (int i = 1; i < hb; i++) {
            Integer p = b2a.get(i);
            actualToExpected[i - 1] = p == null ? -1 : p - 1;
        }
    }

    /**
     * Pairs still-unpaired rows of {@code from} with the row of {@code to} just after
     * (then, scanning backwards, just before) the partner of the previous paired row,
     * when the full keys agree.
     */
    private void pairNeighbours(List<Integer> cols, List<List<String>> from, List<List<String>> to,
            Map<Integer, Integer> partners, Set<Integer> usedTo, int pendingCount, boolean fromIsA) {
        int hf = from.size();
        int ht = to.size();
        int offset = 0;
        int scale = 1;
        for (int pass = 0; pass < 2; pass++) {
            if (pendingCount > 0) {
                Integer xt = scale == -1 && ht > 0 ? ht - 1 : null;
                for (int x0 = 0; x0 < hf; x0++) {
                    int xf = x0 * scale + offset;
                    Integer partner = partners.get(xf);
                    if (partner != null) {
                        xt = partner + scale;
                        if (xt >= ht || xt < 0) {
                            break;
                        }
                        continue;
                    }
                    if (xt == null || !key(from, cols, xf).equals(key(to, cols, xt)) || usedTo.contains(xt)) {
                        continue;
                    }
                    if (fromIsA) {
                        link(xf, xt);
                    } else {
                        link(xt, xf);
                    }
                    pendingCount--;
                    xt += scale;
                    if (xt >= ht || xt < 0 || pendingCount == 0) {
                        break;
                    }
                }
            }
            offset = hf - 1;
            scale = -1;
        }
    }

    private void link(int ia, int ib) {
        a2b.put(ia, ib);
        b2a.put(ib, ia);
        usedA.add(ia);
        usedB.add(ib);
    }

    /** All columns when there are at most five, else the five with the most distinct values. */
    private List<Integer> keyCandidates(int width) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(i);
        }
        if (width <= MAX_KEY_COLUMNS) {
            return columns;
        }
        Map<Integer, Integer> distinct = new HashMap<>();
        for (int i = 0; i < width; i++) {
            Set<String> inA = new HashSet<>();
            Set<String> inB = new HashSet<>();
            for (List<String> row : a) {
                inA.add(show(row.get(i)));
            }
            for (List<String> row : b) {
                inB.add(show(row.get(i)));
            }
            distinct.put(i, inA.size() + inB.size());
        }
        columns.sort((x, y) -> distinct.get(x).equals(distinct.get(y)) ? Integer.compare(x, y)
                : Integer.compare(distinct.get(y), distinct.get(x)));
        return new ArrayList<>(columns.subList(0, MAX_KEY_COLUMNS));
    }

    private static List<List<String>> withHeader(List<String> header, List<List<String>> rows) {
        List<List<String>> t = new ArrayList<>();
        t.add(header);
        t.addAll(rows);
        return t;
    }

    private static Map<String, List<Integer>> index(List<List<String>> t, List<Integer> cols) {
        Map<String, List<Integer>> items = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            items.computeIfAbsent(key(t, cols, i), x -> new ArrayList<>()).add(i);
        }
        return items;
    }

    private static int topFrequency(Map<String, List<Integer>> items) {
        int top = 0;
        for (List<Integer> rows : items.values()) {
            top = Math.max(top, rows.size());
        }
        return top;
    }

    /** The row's key: empty and null cells add nothing but their separator; the header is marked. */
    private static String key(List<List<String>> t, List<Integer> cols, int row) {
        StringBuilder wide = new StringBuilder(row < 1 ? "_" : "");
        for (int k = 0; k < cols.size(); k++) {
            if (k > 0) {
                wide.append(" // ");
            }
            String txt = show(t.get(row).get(cols.get(k)));
            if (!txt.isEmpty() && !txt.equals("null") && !txt.equals("undefined")) {
                wide.append(txt);
            }
        }
        return wide.toString();
    }

    private static String show(String cell) {
        return cell == null ? "" : cell;
    }
}
