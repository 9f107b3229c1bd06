package dev.mallard.core.engine;

import java.util.ArrayList;
import java.util.List;

/** Rows of a query, with column names and engine type names. Values are plain Java objects. */
public record QueryResult(List<ColumnInfo> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }
}
