package dev.mallard.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI 3.1 description of the API, with the columns of every dataset the caller may read. */
final class OpenApiDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenApiDocument() {
    }

    /** @param datasets each readable dataset's columns (empty when not published yet) */
    static ObjectNode build(Map<String, List<Column>> datasets, boolean bearer) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Mallard marts").put("version", "0.1.0")
                .put("description", "Read-only access to the published marts of a Mallard project.");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode health = get(paths, "/health", "Checks that a serving connection answers SELECT 1", "Health");
        problem(health, "503");
        get(paths, "/datasets", "Lists the datasets", "DatasetList");
        ObjectNode one = get(paths, "/datasets/{name}", "One dataset's schema", "Dataset");
        nameParam(one);
        problem(one, "404");
        for (Map.Entry<String, List<Column>> d : datasets.entrySet()) {
            rowsPath(paths, d.getKey(), d.getValue());
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        schemas.set("Column", object(Map.of("name", type("string"), "type", type("string"))));
        ObjectNode dataset = object(Map.of("name", type("string"), "source", enumOf("parquet", "duckdb", "unpublished"),
                "row_count", type("integer"), "last_refresh", type("string").put("format", "date-time")));
        ((ObjectNode) dataset.get("properties")).putObject("columns").put("type", "array")
                .putObject("items").put("$ref", "#/components/schemas/Column");
        schemas.set("Dataset", dataset);
        ObjectNode list = object(Map.of());
        ((ObjectNode) list.get("properties")).putObject("datasets").put("type", "array")
                .putObject("items").put("$ref", "#/components/schemas/Dataset");
        schemas.set("DatasetList", list);
        schemas.set("Health", object(Map.of("status", type("string"), "datasets", type("integer"))));
        if (bearer) {
            components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
            doc.putArray("security").addObject().putArray("bearer");
        }
        return doc;
    }

    private static void rowsPath(ObjectNode paths, String name, List<Column> columns) {
        ObjectNode op = paths.putObject("/datasets/" + name + "/rows").putObject("get");
        op.put("summary", "Rows of " + name);
        op.put("description", "Filters: any column as a parameter, `col=value` (equals) or `col=op:value` with op one of "
                + "eq, ne, gt, gte, lt, lte, in (comma-separated values), like (SQL LIKE pattern), is (null or not_null). "
                + "Several filters are combined with AND.");
        ArrayNode params = op.putArray("parameters");
        query(params, "columns", "Comma-separated columns to return (default: all)", type("string"));
        query(params, "order", "Comma-separated columns to sort by; prefix with - for descending", type("string"));
        query(params, "limit", "Rows to return (default 100, at most 10000)",
                type("integer").put("minimum", 0).put("maximum", RowsQuery.MAX_LIMIT).put("default", 100));
        query(params, "offset", "Rows to skip", type("integer").put("minimum", 0).put("default", 0));
        query(params, "format", "Response format (or use the Accept header)", enumOf("json", "csv", "parquet"));
        ObjectNode rowProps = MAPPER.createObjectNode();
        for (Column c : columns) {
            query(params, c.name(), "Filter on " + c.name() + " (" + c.type() + "): value or op:value",
                    type("string"));
            rowProps.set(c.name(), jsonType(c.type()));
        }
        ObjectNode content = op.putObject("responses").putObject("200").put("description", "The rows")
                .putObject("content");
        ObjectNode body = content.putObject("application/json").putObject("schema").put("type", "object");
        ObjectNode props = body.putObject("properties");
        props.set("dataset", type("string"));
        props.set("source", type("string"));
        props.putObject("columns").put("type", "array").putObject("items").put("$ref", "#/components/schemas/Column");
        props.putObject("rows").put("type", "array").putObject("items").put("type", "object").set("properties", rowProps);
        props.set("count", type("integer"));
        props.set("limit", type("integer"));
        props.set("offset", type("integer"));
        content.putObject("text/csv").putObject("schema").put("type", "string");
        content.putObject("application/vnd.apache.parquet").putObject("schema").put("type", "string")
                .put("format", "binary");
        problem(op, "400");
        problem(op, "401");
        problem(op, "403");
        problem(op, "404");
        problem(op, "503");
    }

    private static ObjectNode get(ObjectNode paths, String path, String summary, String schema) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("summary", summary);
        op.putObject("responses").putObject("200").put("description", "OK").putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schema);
        return op;
    }

    private static void nameParam(ObjectNode op) {
        op.putArray("parameters").addObject().put("name", "name").put("in", "path").put("required", true)
                .set("schema", type("string"));
    }

    private static void query(ArrayNode params, String name, String description, ObjectNode schema) {
        params.addObject().put("name", name).put("in", "query").put("required", false)
                .put("description", description).set("schema", schema);
    }

    private static void problem(ObjectNode op, String status) {
        ((ObjectNode) op.get("responses")).putObject(status).put("description", "A problem (RFC 9457)")
                .putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode problemSchema() {
        return object(Map.of("type", type("string"), "title", type("string"), "status", type("integer"),
                "detail", type("string")));
    }

    private static ObjectNode object(Map<String, ObjectNode> properties) {
        ObjectNode o = MAPPER.createObjectNode().put("type", "object");
        ObjectNode props = o.putObject("properties");
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> props.set(e.getKey(), e.getValue()));
        return o;
    }

    private static ObjectNode type(String t) {
        return MAPPER.createObjectNode().put("type", t);
    }

    private static ObjectNode enumOf(String... values) {
        ObjectNode o = type("string");
        ArrayNode e = o.putArray("enum");
        for (String v : values) {
            e.add(v);
        }
        return o;
    }

    /** The JSON type a DuckDB column's values are sent as. */
    static ObjectNode jsonType(String duckdbType) {
        String t = duckdbType.toUpperCase(Locale.ROOT);
        ObjectNode o;
        if (t.equals("BOOLEAN")) {
            o = type("boolean");
        } else if (t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)|UHUGEINT")) {
            o = type("integer");
        } else if (t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL")) {
            o = type("number");
        } else if (t.equals("DATE")) {
            o = type("string").put("format", "date");
        } else if (t.startsWith("TIMESTAMP")) {
            o = type("string").put("format", "date-time");
        } else {
            o = type("string");
        }
        ArrayNode types = MAPPER.createArrayNode().add(o.get("type").asText()).add("null");
        o.set("type", types);
        o.put("x-duckdb-type", duckdbType);
        return o;
    }
}
