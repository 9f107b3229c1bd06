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
 * {@code .columns}, {@code .rows}, {@code .column_names}, {@code columns[0].values()}.
 */
public final class AgateTable extends AbstractList<Object> {
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
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            ColumnInfo c = result.columns().get(i);
            List<Object> values = new ArrayList<>();
            for (List<Object> row : result.rows()) {
                values.add(row.get(i));
            }
            cols.add(new Column(c.name(), c.type(), values));
        }
        return cols;
    }

    /** One column: {@code .name}, {@code .values()}. */
    public record Column(String name, String type, List<Object> columnValues) {
        public String getName() {
            return name;
        }

        public List<Object> values() {
            return columnValues;
        }
    }

    /** One row: indexable by position and by column name. */
    public static final class Row extends AbstractList<Object> {
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
    }
}
