package dev.mallard.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of a rows query: identifiers come only from the dataset's schema and are quoted;
 * every client value, the dataset's path, the limit and the offset are bound parameters.
 *
 * @param sql the statement text, with {@code ?} placeholders
 * @param params the parameters in order (strings, and longs for limit and offset)
 */
record RowsSql(String sql, List<Object> params) {
    RowsSql {
        params = List.copyOf(params);
    }

    /**
     * @param from the relation to read: {@code read_parquet(?...)} (its path is {@code fromParams}) or a quoted table
     * @param scope the token's row restriction, or null
     */
    static RowsSql of(String from, List<Object> fromParams, RowsQuery q, RowsQuery.Filter scope) {
        return of(from, fromParams, q, scope, null);
    }

    /**
     * @param tieBreaker an expression that orders rows with equal sort keys (the in-memory
     *     table's {@code rowid}, i.e. file order), so that pages do not overlap; null for none
     */
    static RowsSql of(String from, List<Object> fromParams, RowsQuery q, RowsQuery.Filter scope, String tieBreaker) {
        List<Object> params = new ArrayList<>(fromParams);
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(q.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(from);
        List<RowsQuery.Filter> filters = new ArrayList<>(q.filters());
        if (scope != null) {
            filters.add(scope);
        }
        sql.append(where(filters, params));
        if (!q.order().isEmpty()) {
            sql.append(" ORDER BY ").append(q.order().stream()
                    .map(o -> quote(o.column().name()) + (o.descending() ? " DESC" : " ASC") + " NULLS LAST")
                    .collect(Collectors.joining(", ")));
            if (tieBreaker != null) {
                sql.append(", ").append(tieBreaker);
            }
        }
        sql.append(" LIMIT ? OFFSET ?");
        params.add(q.limit());
        params.add(q.offset());
        return new RowsSql(sql.toString(), params);
    }

    /** {@code SELECT count(*)} over the rows a scope allows (all rows when scope is null). */
    static RowsSql count(String from, List<Object> fromParams, RowsQuery.Filter scope) {
        List<Object> params = new ArrayList<>(fromParams);
        String where = scope == null ? "" : where(List.of(scope), params);
        return new RowsSql("SELECT count(*) FROM " + from + where, params);
    }

    private static String where(List<RowsQuery.Filter> filters, List<Object> params) {
        if (filters.isEmpty()) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        for (RowsQuery.Filter f : filters) {
            String col = quote(f.column().name());
            String typed = "CAST(? AS " + f.column().type() + ")";
            switch (f.op()) {
                case IS -> conditions.add(col + ("null".equals(f.values().get(0)) ? " IS NULL" : " IS NOT NULL"));
                case LIKE -> {
                    conditions.add("CAST(" + col + " AS VARCHAR) LIKE ?");
                    params.add(f.values().get(0));
                }
                case IN -> {
                    conditions.add(col + " IN (" + f.values().stream().map(v -> typed)
                            .collect(Collectors.joining(", ")) + ")");
                    params.addAll(f.values());
                }
                default -> {
                    conditions.add(col + " " + f.op().sql() + " " + typed);
                    params.add(f.values().get(0));
                }
            }
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
