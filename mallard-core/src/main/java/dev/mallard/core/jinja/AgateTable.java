package dev.mallard.core.jinja;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.jinja.value.Args;
import dev.mallard.jinja.value.CallSite;
import dev.mallard.jinja.value.Containers;
import dev.mallard.jinja.value.JinjaError;
import dev.mallard.jinja.value.Py;
import dev.mallard.jinja.value.PyNumbers;
import dev.mallard.jinja.value.PyTuple;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A query result shaped like the agate table dbt's {@code run_query} returns: a list of rows
 * (iterable, {@code table[0][0]}, {@code | length}) with {@code rows}, {@code columns}
 * (also by name: {@code table.columns['x'].values()}), {@code column_names},
 * {@code column_types}, {@code print_table()}, {@code select(names)} and {@code limit(n)}.
 * Each row answers {@code row[0]}, {@code row['col']} and {@code row.col}. Values are Python
 * values: ints as Long, timestamps as datetimes, dates as dates.
 */
public final class AgateTable extends AbstractList<Object> implements PyObject {
    private static final Set<String> METHODS = Set.of("print_table", "select", "limit");
    private final QueryResult result;
    private final List<String> names;
    private final List<Object> rows;

    public AgateTable(QueryResult result) {
        this(result, result.columnNames(), pythonRows(result.rows()));
    }

    private AgateTable(QueryResult result, List<String> names, List<List<Object>> values) {
        this.result = result;
        this.names = List.copyOf(names);
        List<Object> r = new ArrayList<>(values.size());
        for (List<Object> row : values) {
            r.add(new Row(this.names, row));
        }
        this.rows = r;
    }

    private static List<List<Object>> pythonRows(List<List<Object>> engineRows) {
        List<List<Object>> out = new ArrayList<>(engineRows.size());
        for (List<Object> row : engineRows) {
            List<Object> values = new ArrayList<>(row.size());
            row.forEach(v -> values.add(pythonValue(v)));
            out.add(values);
        }
        return out;
    }

    /** An engine value as the Python value dbt's agate table would hold. */
    static Object pythonValue(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return PyNumbers.normInt(b);
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Timestamp t) {
            return PyDatetime.naive(t.toLocalDateTime());
        }
        if (v instanceof LocalDateTime t) {
            return PyDatetime.naive(t);
        }
        if (v instanceof OffsetDateTime t) {
            ZoneOffset offset = t.getOffset();
            return new PyDatetime(t.toLocalDateTime(), offset.getTotalSeconds() == 0 ? DatetimeModule.UTC
                    : new PyTzinfo(offset, null, false));
        }
        if (v instanceof java.sql.Date d) {
            return new PyDate(d.toLocalDate());
        }
        if (v instanceof LocalDate d) {
            return new PyDate(d);
        }
        if (v instanceof UUID u) {
            return u.toString();
        }
        return v;
    }

    public QueryResult result() {
        return result;
    }

    /** The rows (each a list that also answers by column name), as {@code load_result(...)['data']}. */
    public List<Object> getRows() {
        return rows;
    }

    @Override
    public Object get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    private List<Object> columns() {
        Columns cols = new Columns();
        for (int i = 0; i < names.size(); i++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object row : rows) {
                values.add(((Row) row).get(i));
            }
            cols.items.add(new Column(names.get(i), type(names.get(i)), values));
        }
        return cols;
    }

    private String type(String name) {
        for (ColumnInfo c : result.columns()) {
            if (c.name().equals(name)) {
                return c.type();
            }
        }
        return null;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows;
            case "columns" -> columns();
            case "column_names" -> PyTuple.copyOf(names);
            case "column_types" -> PyTuple.copyOf(names.stream().map(this::type).toList());
            default -> MISSING;
        };
    }

    @Override
    public Set<String> methods() {
        return METHODS;
    }

    @Override
    public Object call(CallSite site, String method, Args a) {
        return switch (method) {
            case "print_table" -> {
                // agate writes the table to stdout, where dbt's print() lines go too
                DbtFunctions.runtime(site).print(AgatePrintTable.text(this, a));
                yield null;
            }
            case "select" -> select(a.require(0, "key", method));
            case "limit" -> {
                long n = DatetimeModule.integer(a.require(0, "start_or_stop", method));
                List<List<Object>> kept = new ArrayList<>();
                for (Object row : rows.subList(0, (int) Math.max(0, Math.min(n, rows.size())))) {
                    kept.add(((Row) row).values);
                }
                yield new AgateTable(result, names, kept);
            }
            default -> MISSING;
        };
    }

    /** {@code table.select('a')} or {@code table.select(['a', 'b'])}: a table of those columns. */
    private AgateTable select(Object key) {
        List<Object> wanted = key instanceof CharSequence ? List.of(key.toString()) : Containers.toList(key);
        List<Integer> picks = new ArrayList<>();
        List<String> picked = new ArrayList<>();
        for (Object w : wanted) {
            int i = names.indexOf(Py.str(w));
            if (i < 0) {
                throw new JinjaError(Py.repr(w));
            }
            picks.add(i);
            picked.add(names.get(i));
        }
        List<List<Object>> values = new ArrayList<>();
        for (Object row : rows) {
            List<Object> v = new ArrayList<>(picks.size());
            picks.forEach(i -> v.add(((Row) row).get(i)));
            values.add(v);
        }
        return new AgateTable(result, picked, values);
    }

    @Override
    public String typeName() {
        return "Table";
    }

    /** The columns, by position or by name, with agate's MappedSequence keys(), values(), items(), get(). */
    static final class Columns extends AbstractList<Object> implements PyObject {
        private static final Set<String> MAPPING_METHODS = Set.of("keys", "values", "items", "get");
        private final List<Column> items = new ArrayList<>();

        @Override
        public Set<String> methods() {
            return MAPPING_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            return switch (method) {
                case "keys" -> PyTuple.copyOf(items.stream().map(Column::name).toList());
                case "values" -> PyTuple.copyOf(new ArrayList<>(items));
                case "items" -> items.stream().map(c -> (Object) PyTuple.of(c.name(), c)).toList();
                case "get" -> {
                    Object c = attribute(Py.str(a.require(0, "key", "get")));
                    yield c == MISSING ? a.get(1, "default", null) : c;
                }
                default -> MISSING;
            };
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Object attribute(String name) {
            for (Column c : items) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return MISSING;
        }

        @Override
        public Object getItem(Object key) {
            return key instanceof CharSequence name ? attribute(name.toString()) : MISSING;
        }

        @Override
        public String typeName() {
            return "MappedSequence";
        }
    }

    /** One column: {@code .name}, {@code .data_type}, {@code .values()}, {@code column[0]}. */
    record Column(String name, String type, List<Object> columnValues) implements PyObject, Iterable<Object> {
        private static final Set<String> COLUMN_METHODS = Set.of("values", "values_distinct", "values_without_nulls");

        @Override
        public Object attribute(String attr) {
            return switch (attr) {
                case "name" -> name;
                case "data_type" -> type;
                default -> MISSING;
            };
        }

        @Override
        public Object getItem(Object key) {
            if (!Py.isInt(key)) {
                return MISSING;
            }
            long i = PyNumbers.toLong(key);
            i = i < 0 ? i + columnValues.size() : i;
            return i >= 0 && i < columnValues.size() ? columnValues.get((int) i) : MISSING;
        }

        @Override
        public Set<String> methods() {
            return COLUMN_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args args) {
            return switch (method) {
                case "values" -> PyTuple.copyOf(columnValues);
                case "values_distinct" -> PyTuple.copyOf(new ArrayList<>(new java.util.LinkedHashSet<>(columnValues)));
                case "values_without_nulls" -> PyTuple.copyOf(columnValues.stream()
                        .filter(java.util.Objects::nonNull).toList());
                default -> MISSING;
            };
        }

        @Override
        public java.util.Iterator<Object> iterator() {
            return columnValues.iterator();
        }

        @Override
        public String typeName() {
            return "Column";
        }

        @Override
        public String toString() {
            return "<agate.Column: " + sample(columnValues) + ">";
        }
    }

    /** agate's MappedSequence text: the first five values, then "...". */
    private static String sample(List<Object> values) {
        List<Object> head = values.subList(0, Math.min(5, values.size()));
        String text = Py.repr(PyTuple.copyOf(head));
        return values.size() > 5 ? text.substring(0, text.length() - 1) + ", ...)" : text;
    }

    /** One row: a list of values that also answers by column name, and keys()/values()/items()/get()/dict(). */
    public static final class Row extends AbstractList<Object> implements PyObject {
        private static final Set<String> ROW_METHODS = Set.of("keys", "values", "items", "get", "dict");
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = java.util.Collections.unmodifiableList(values);
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        /** The value of a column, or {@link PyObject#MISSING}. */
        public Object get(String name) {
            int i = names.indexOf(name);
            return i < 0 ? MISSING : values.get(i);
        }

        public Map<String, Object> dict() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), values.get(i));
            }
            return m;
        }

        @Override
        public Object attribute(String name) {
            return get(name);
        }

        @Override
        public Object getItem(Object key) {
            return key instanceof CharSequence name ? get(name.toString()) : MISSING;
        }

        @Override
        public Set<String> methods() {
            return ROW_METHODS;
        }

        @Override
        public Object call(CallSite site, String method, Args a) {
            return switch (method) {
                case "dict" -> dict();
                case "keys" -> PyTuple.copyOf(names);
                case "values" -> PyTuple.copyOf(values);
                case "items" -> {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        items.add(PyTuple.of(names.get(i), values.get(i)));
                    }
                    yield items;
                }
                case "get" -> {
                    Object v = getItem(a.require(0, "key", "get"));
                    yield v == MISSING ? a.get(1, "default", null) : v;
                }
                default -> MISSING;
            };
        }

        @Override
        public String typeName() {
            return "Row";
        }

        @Override
        public String toString() {
            return "<agate.Row: " + sample(values) + ">";
        }
    }
}
