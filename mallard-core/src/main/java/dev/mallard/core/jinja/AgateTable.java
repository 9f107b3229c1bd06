package dev.mallard.core.jinja;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query result shaped like the agate table dbt returns from run_query: iterable rows,
 * {@code .columns}, {@code .rows}, {@code .column_names}, {@code .column_types},
 * {@code columns[0].values()}, {@code columns['name']}, {@code row['name']}.
 */
public final class AgateTable extends AbstractList<Object> implements PyObject {
    private final QueryResult result;
    private final List<Object> rows;

    public AgateTable(QueryResult result) {
        this.result = result;
        List<Object> r = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            r.add(new Row(result.columnNames(), row));
        }
        this.rows = r;
    }

    public QueryResult result() {
        return result;
    }

    @Override
    public Object get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    public List<Object> getRows() {
        return rows;
    }

    public List<String> getColumn_names() {
        return result.columnNames();
    }

    public List<Column> getColumns() {
        Columns cols = new Columns();
        for (int i = 0; i < result.columns().size(); i++) {
            ColumnInfo c = result.columns().get(i);
            List<Object> values = new ArrayList<>();
            for (List<Object> row : result.rows()) {
                values.add(row.get(i));
            }
            cols.items.add(new Column(c.name(), c.type(), values));
        }
        return cols;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows;
            case "columns" -> getColumns();
            case "column_names" -> getColumn_names();
            case "column_types" -> result.columns().stream().map(ColumnInfo::type).toList();
            default -> MISSING;
        };
    }

    @Override
    public Object call(String method, DbtFunctions.Args args) {
        return "print_table".equals(method) ? "" : MISSING;
    }

    /** The columns, by position or by name. */
    static final class Columns extends AbstractList<Column> implements PyObject {
        private final List<Column> items = new ArrayList<>();

        @Override
        public Column get(int index) {
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
    }

    /** One column: {@code .name}, {@code .data_type}, {@code .values()}. */
    public record Column(String name, String type, List<Object> columnValues) implements PyObject {
        public String getName() {
            return name;
        }

        public List<Object> values() {
            return columnValues;
        }

        @Override
        public Object attribute(String attr) {
            return switch (attr) {
                case "name" -> name;
                case "data_type" -> type;
                default -> MISSING;
            };
        }

        @Override
        public Object call(String method, DbtFunctions.Args args) {
            return "values".equals(method) ? columnValues : MISSING;
        }
    }

    /** One row: indexable by position and by column name. */
    public static final class Row extends AbstractList<Object> implements PyObject {
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        public Object get(String name) {
            int i = names.indexOf(name);
            return i < 0 ? null : values.get(i);
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
            int i = names.indexOf(name);
            return i < 0 ? MISSING : values.get(i);
        }

        @Override
        public Object call(String method, DbtFunctions.Args args) {
            return switch (method) {
                case "dict" -> dict();
                case "keys" -> names;
                case "values" -> values;
                default -> MISSING;
            };
        }
    }
}
