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

    /**
     * At most {@code maxRows} rows (negative: all) of a JDBC result, each value as the driver's
     * getObject gives it, with the column labels and the engine's type names.
     */
    public static QueryResult read(java.sql.ResultSet rs, int maxRows) throws java.sql.SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        List<ColumnInfo> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        while ((maxRows < 0 || rows.size() < maxRows) && rs.next()) {
            List<Object> row = new ArrayList<>(cols.size());
            for (int i = 1; i <= cols.size(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(cols, rows);
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }
}
