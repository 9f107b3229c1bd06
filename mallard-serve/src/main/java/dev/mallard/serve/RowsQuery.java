package dev.mallard.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /datasets/{name}/rows} request: every column it names is one of
 * the dataset's columns, every value stays a string to be bound as a parameter, and limit
 * and offset are integers in range. Parsed from the query string:
 * {@code columns=a,b}, {@code order=a,-b}, {@code limit}, {@code offset}, {@code format},
 * and any other parameter {@code col=value} or {@code col=op:value} is a filter.
 */
record RowsQuery(List<Column> columns, List<Filter> filters, List<Order> order, long limit, long offset,
                 OutputFormat format) {
    static final long DEFAULT_LIMIT = 100;
    static final long MAX_LIMIT = 10_000;
    static final long MAX_OFFSET = 1_000_000_000L;
    static final int MAX_IN_VALUES = 1_000;
    static final Set<String> RESERVED = Set.of("columns", "order", "limit", "offset", "format");

    RowsQuery {
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        order = List.copyOf(order);
    }

    /** One condition; {@code values} holds one value, the {@code in:} list, or "null"/"not_null" for {@code is:}. */
    record Filter(Column column, FilterOp op, List<String> values) {
        Filter {
            values = List.copyOf(values);
        }
    }

    record Order(Column column, boolean descending) {
    }

    static RowsQuery parse(String dataset, List<Column> schema, Map<String, List<String>> params, String accept) {
        Map<String, Column> byName = new LinkedHashMap<>();
        schema.forEach(c -> byName.put(c.name(), c));
        List<Column> columns = new ArrayList<>(schema);
        List<Filter> filters = new ArrayList<>();
        List<Order> order = new ArrayList<>();
        long limit = DEFAULT_LIMIT;
        long offset = 0;
        OutputFormat format = OutputFormat.fromAccept(accept);
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            for (String value : e.getValue()) {
                switch (key) {
                    case "columns" -> {
                        columns = new ArrayList<>();
                        for (String name : split(value, "columns")) {
                            columns.add(column(dataset, byName, name));
                        }
                    }
                    case "order" -> {
                        order = new ArrayList<>();
                        for (String item : split(value, "order")) {
                            boolean desc = item.startsWith("-");
                            String name = desc || item.startsWith("+") ? item.substring(1) : item;
                            order.add(new Order(column(dataset, byName, name), desc));
                        }
                    }
                    case "limit" -> limit = integer("limit", value, 0, MAX_LIMIT);
                    case "offset" -> offset = integer("offset", value, 0, MAX_OFFSET);
                    case "format" -> format = OutputFormat.fromName(value);
                    default -> filters.add(filter(column(dataset, byName, key), value));
                }
            }
        }
        return new RowsQuery(columns, filters, order, limit, offset, format);
    }

    private static Filter filter(Column column, String raw) {
        FilterOp op = FilterOp.ofPrefix(raw).orElse(FilterOp.EQ);
        String value = FilterOp.ofPrefix(raw).isPresent() ? raw.substring(raw.indexOf(':') + 1) : raw;
        return switch (op) {
            case IN -> {
                List<String> values = Arrays.asList(value.split(",", -1));
                if (value.isEmpty() || values.size() > MAX_IN_VALUES) {
                    throw ApiProblem.badRequest("filter on '" + column.name() + "': in: takes 1 to " + MAX_IN_VALUES
                            + " comma-separated values");
                }
                yield new Filter(column, op, values);
            }
            case IS -> {
                String what = value.toLowerCase(Locale.ROOT);
                if (!what.equals("null") && !what.equals("not_null")) {
                    throw ApiProblem.badRequest("filter on '" + column.name() + "': is: takes null or not_null");
                }
                yield new Filter(column, op, List.of(what));
            }
            default -> new Filter(column, op, List.of(value));
        };
    }

    private static Column column(String dataset, Map<String, Column> byName, String name) {
        Column c = byName.get(name);
        if (c == null) {
            throw ApiProblem.badRequest("dataset '" + dataset + "' has no column '" + name + "' (columns: "
                    + String.join(", ", byName.keySet()) + "; reserved parameters: columns, order, limit, offset, format)");
        }
        return c;
    }

    private static List<String> split(String value, String param) {
        List<String> items = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw ApiProblem.badRequest(param + " must be a comma-separated list of column names");
        }
        return items;
    }

    private static long integer(String param, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(param + " must be an integer, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw ApiProblem.badRequest(param + " must be between " + min + " and " + max);
        }
        return n;
    }
}
