package dev.mallard.serve;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One published version of a mart held as Java column arrays, for the requests an API gets
 * most: equality and {@code in:} filters (a token's scope among them), optionally ordered,
 * limited. Such a request is answered from a hash index on each filtered column (built the
 * first time the column is filtered) without a query, so it costs microseconds where even a
 * prepared DuckDB query over an in-memory table costs a scan. Everything else (comparisons,
 * like, types whose Java order or equality could differ from DuckDB's, a value that is not
 * written canonically) is declined, and the caller runs the SQL. The values are the objects
 * the DuckDB JDBC driver returned for the version's rows, so an answer is written exactly
 * as the SQL path writes it.
 */
final class MemoryTable {
    /** Versions with more cells than this are not copied into the JVM. */
    static final long MAX_CELLS = 20_000_000L;
    /** Requests that would sort more candidate rows than this run their SQL. */
    static final int MAX_SORT = 50_000;
    /** A quick answer (on a selector thread, see {@link QuickRowsHandler}) looks at no more rows than this... */
    static final int QUICK_SCAN = 10_000;
    /** ...and sorts no more than this. */
    static final int QUICK_SORT = 2_000;

    private static final Set<String> INDEXABLE = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "VARCHAR",
            "BOOLEAN", "DATE");
    private static final Set<String> ORDERABLE = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "VARCHAR",
            "BOOLEAN", "DATE");

    private final String identity;
    private final List<Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Object[][] data;
    private final int rows;
    private final Map<Integer, Map<Object, int[]>> indexes = new ConcurrentHashMap<>();
    /** The rows pre-written as JSON; null when they would take too much memory. Replaced once, when clustered. */
    private volatile EncodedRows json;
    private final AtomicBoolean clustering = new AtomicBoolean();

    private MemoryTable(String identity, List<Column> columns, Object[][] data, int rows, EncodedRows json) {
        this.identity = identity;
        this.columns = List.copyOf(columns);
        this.data = data;
        this.rows = rows;
        this.json = json;
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
    }

    String identity() {
        return identity;
    }

    /** Reads every row of {@code rs} (the version's table, all columns in schema order). */
    static MemoryTable load(String identity, List<Column> columns, long rowCount, ResultSet rs) throws SQLException {
        int n = columns.size();
        Object[][] data = new Object[n][(int) rowCount];
        int[] types = RowCursor.types(rs);
        int r = 0;
        while (rs.next()) {
            if (r == rowCount) {
                throw new SQLException("the table grew while it was read");
            }
            for (int c = 0; c < n; c++) {
                data[c][r] = RowCursor.read(rs, c + 1, types[c]);
            }
            r++;
        }
        if (r != rowCount) {
            throw new SQLException("read " + r + " rows of " + rowCount);
        }
        // a JSON copy of the rows may take at most an eighth of the heap
        EncodedRows json = EncodedRows.encode(columns, data, r, Runtime.getRuntime().maxMemory() / 8);
        return new MemoryTable(identity, columns, data, r, json);
    }

    /** True when answers are copied from pre-written JSON rows rather than formatted per request. */
    boolean prewritten() {
        return json != null;
    }

    static boolean fits(long rowCount, int columnCount) {
        return rowCount * Math.max(1, columnCount) <= MAX_CELLS;
    }

    /**
     * The answer to {@code q} (within {@code scope}), or empty when this path declines it.
     *
     * @param quick decline too when the answer would build an index of more than {@link #QUICK_SCAN} rows, look at
     *        more rows than that, or sort more than {@link #QUICK_SORT}
     */
    Optional<RowCursor> rows(RowsQuery q, RowsQuery.Filter scope, boolean quick) {
        EncodedRows layout = json;
        List<RowsQuery.Filter> filters = new ArrayList<>(q.filters());
        if (scope != null) {
            filters.add(scope);
        }
        List<Condition> checks = new ArrayList<>();
        List<Condition> lookups = new ArrayList<>();
        for (RowsQuery.Filter f : filters) {
            Integer col = positions.get(f.column().name());
            if (col == null) {
                return Optional.empty();
            }
            switch (f.op()) {
                case IS -> checks.add(new Condition(col, null, "null".equals(f.values().get(0))));
                case EQ, IN -> {
                    if (!INDEXABLE.contains(CellKeys.baseType(f.column().type()))) {
                        return Optional.empty();
                    }
                    Set<Object> keys = new HashSet<>();
                    for (String v : f.values()) {
                        Object key = CellKeys.key(f.column().type(), v);
                        if (key == null) {
                            return Optional.empty();
                        }
                        keys.add(key);
                    }
                    lookups.add(new Condition(col, keys, false));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        // the most selective lookup gives the candidates; the other lookups become checks
        int[] candidates = null;
        Condition used = null;
        for (Condition l : lookups) {
            int[] matching = lookup(l.column(), l.keys(), quick);
            if (matching == null) {
                return Optional.empty();
            }
            if (candidates == null || matching.length < candidates.length) {
                candidates = matching;
                used = l;
            }
        }
        for (Condition l : lookups) {
            if (l != used) {
                checks.add(l);
            }
        }
        for (RowsQuery.Order o : q.order()) {
            if (!ORDERABLE.contains(CellKeys.baseType(o.column().type()))) {
                return Optional.empty();
            }
        }
        int scanned = candidates == null ? rows : candidates.length;
        if (!q.order().isEmpty() && scanned > MAX_SORT) {
            return Optional.empty(); // a sort of many rows per request: DuckDB does it better
        }
        if (quick && scanned > QUICK_SCAN) {
            return Optional.empty();
        }
        int[] selected = select(candidates, checks);
        if (quick && !q.order().isEmpty() && selected.length > QUICK_SORT) {
            return Optional.empty();
        }
        if (!q.order().isEmpty()) {
            selected = sorted(selected, q.order());
        }
        int from = (int) Math.min(selected.length, q.offset());
        int to = (int) Math.min(selected.length, from + q.limit());
        int[] page = Arrays.copyOfRange(selected, from, to);
        int[] cols = q.columns().stream().mapToInt(c -> positions.get(c.name())).toArray();
        // one value's rows, unfiltered and in row order, are one run of slots when the rows are clustered by it
        int firstSlot = -1;
        if (layout != null && used != null && used.column() == layout.clusterColumn() && used.keys().size() == 1
                && checks.isEmpty() && q.order().isEmpty() && page.length > 0) {
            firstSlot = layout.slot(candidates[0]) + from;
        }
        return Optional.of(new Page(data, layout, page, cols, firstSlot));
    }

    /** A check on one column: the row's key is in {@code keys}, or (keys null) the value is null / not null. */
    private record Condition(int column, Set<Object> keys, boolean isNull) {
        boolean test(Object value) {
            if (keys == null) {
                return (value == null) == isNull;
            }
            return value != null && keys.contains(CellKeys.normalize(value));
        }
    }

    private int[] select(int[] candidates, List<Condition> checks) {
        int[] out = new int[candidates == null ? rows : candidates.length];
        int n = 0;
        int total = candidates == null ? rows : candidates.length;
        for (int i = 0; i < total; i++) {
            int r = candidates == null ? i : candidates[i];
            boolean keep = true;
            for (Condition c : checks) {
                if (!c.test(data[c.column()][r])) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                out[n++] = r;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Rows whose value of column {@code col} is one of {@code keys}, in table order; null when
     * {@code quick} and the index is not built yet on a table of more than {@link #QUICK_SCAN} rows.
     */
    private int[] lookup(int col, Set<Object> keys, boolean quick) {
        Map<Object, int[]> index = quick && rows > QUICK_SCAN ? indexes.get(col) : indexes.computeIfAbsent(col, this::index);
        if (index == null) {
            return null;
        }
        clusterInBackground(col, index);
        if (keys.size() == 1) {
            int[] hit = index.get(keys.iterator().next());
            return hit == null ? new int[0] : hit;
        }
        int size = 0;
        List<int[]> parts = new ArrayList<>();
        for (Object k : keys) {
            int[] hit = index.get(k);
            if (hit != null) {
                parts.add(hit);
                size += hit.length;
            }
        }
        if (quick && size > QUICK_SCAN) {
            return null;
        }
        int[] all = new int[size];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return all;
    }

    private Map<Object, int[]> index(int col) {
        Map<Object, int[]> counts = new HashMap<>();
        Map<Object, int[]> positionsOf = new HashMap<>();
        Object[] values = data[col];
        for (int r = 0; r < rows; r++) {
            if (values[r] != null) {
                counts.computeIfAbsent(CellKeys.normalize(values[r]), k -> new int[1])[0]++;
            }
        }
        Map<Object, int[]> fill = new HashMap<>();
        for (Map.Entry<Object, int[]> e : counts.entrySet()) {
            positionsOf.put(e.getKey(), new int[e.getValue()[0]]);
            fill.put(e.getKey(), new int[1]);
        }
        for (int r = 0; r < rows; r++) {
            if (values[r] != null) {
                Object k = CellKeys.normalize(values[r]);
                int[] at = fill.get(k);
                positionsOf.get(k)[at[0]++] = r;
            }
        }
        return positionsOf;
    }

    private int[] sorted(int[] selected, List<RowsQuery.Order> order) {
        Comparator<Integer> cmp = null;
        for (RowsQuery.Order o : order) {
            int col = positions.get(o.column().name());
            Comparator<Integer> one = (a, b) -> CellKeys.compareNullsLast(data[col][a], data[col][b], o.descending());
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        Integer[] boxed = Arrays.stream(selected).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, cmp.thenComparing(Comparator.naturalOrder()));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Lays the pre-written rows out again grouped by the first column looked up (see
     * {@link EncodedRows#clusteredBy}), off the request path; until then answers copy row by
     * row. Skipped when the copy made meanwhile would take more than a sixteenth of the heap.
     */
    private void clusterInBackground(int col, Map<Object, int[]> index) {
        EncodedRows rows = json;
        if (rows == null || rows.clusterColumn() >= 0 || rows.size() > Runtime.getRuntime().maxMemory() / 16
                || !clustering.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> json = rows.clusteredBy(col, index.values()), "mallard-serve-cluster");
        t.setDaemon(true);
        t.start();
    }

    /** True when the pre-written rows are grouped by a column's values (tests wait for it). */
    boolean clustered() {
        EncodedRows rows = json;
        return rows != null && rows.clusterColumn() >= 0;
    }

    /** The rows of one answer: values to format, or (JSON) pre-written rows to copy. */
    static final class Page implements RowCursor {
        private final Object[][] data;
        private final EncodedRows json;
        private final int[] rows;
        private final int[] cols;
        /** The slot of the first row when the rows are consecutive slots of {@code json}, else -1. */
        private final int firstSlot;
        private int at = -1;

        Page(Object[][] data, EncodedRows json, int[] rows, int[] cols, int firstSlot) {
            this.data = data;
            this.json = json;
            this.rows = rows;
            this.cols = cols;
            this.firstSlot = firstSlot;
        }

        Page(Object[][] data, EncodedRows json, int[] rows, int[] cols) {
            this(data, json, rows, cols, -1);
        }

        @Override
        public boolean next() {
            return ++at < rows.length;
        }

        @Override
        public Object get(int i) {
            return data[cols[i]][rows[at]];
        }

        /** True when {@link #writeJson} can write this page (nothing read from it yet). */
        boolean prewritten() {
            return json != null && at == -1;
        }

        /** Appends the page's rows as JSON objects separated by commas; returns how many. */
        long writeJson(BodyBuffer out) {
            boolean allColumns = cols.length == json.width();
            for (int i = 0; allColumns && i < cols.length; i++) {
                allColumns = cols[i] == i;
            }
            if (allColumns && firstSlot >= 0) {
                json.writeSlots(out, firstSlot, firstSlot + rows.length);
                at = rows.length;
                return rows.length;
            }
            for (int i = 0; i < rows.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (allColumns) {
                    json.writeRow(out, rows[i]);
                } else {
                    json.writeRow(out, rows[i], cols);
                }
            }
            at = rows.length;
            return rows.length;
        }
    }
}
