package dev.mallard.docs.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's relations by the names compiled SQL uses for them ({@code "db"."schema"."table"},
 * {@code schema.table} or a bare table name), each with its node id and its columns from the catalog.
 */
final class ProjectTables {
    private final Map<String, String> nodeByName = new HashMap<>();
    private final Map<String, List<String>> columnsByNode = new HashMap<>();
    private final Map<String, String> nodeByFunction = new HashMap<>();

    void add(String node, String database, String schema, String identifier, List<String> columns) {
        String table = lower(identifier);
        if (database != null && schema != null) {
            nodeByName.put(lower(database) + "." + lower(schema) + "." + table, node);
        }
        if (schema != null) {
            nodeByName.putIfAbsent(lower(schema) + "." + table, node);
        }
        nodeByName.putIfAbsent(table, node);
        if (columns != null) {
            columnsByNode.put(node, List.copyOf(columns));
        }
    }

    void columns(String node, List<String> columns) {
        columnsByNode.put(node, List.copyOf(columns));
    }

    /** A source read through a table function ({@code read_csv('...')}): its call's syntax tree, canonical. */
    void addFunction(String node, String canonicalCall) {
        nodeByFunction.put(canonicalCall, node);
    }

    /** The relation a table function call is, when it is exactly a source's external location. */
    Relation findFunction(String alias, String canonicalCall, String functionName) {
        String node = nodeByFunction.get(canonicalCall);
        if (node == null) {
            return Relation.opaque(alias, "table function " + functionName);
        }
        return Relation.node(alias, node, columnsByNode.get(node));
    }

    /** A call's tree as text without its positions in the SQL, so equal calls compare equal. */
    static String canonical(com.fasterxml.jackson.databind.JsonNode call) {
        com.fasterxml.jackson.databind.JsonNode copy = call.deepCopy();
        strip(copy);
        return copy.toString();
    }

    private static void strip(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("query_location");
            o.remove("query_location_length");
            o.forEach(ProjectTables::strip);
        } else if (node.isArray()) {
            node.forEach(ProjectTables::strip);
        }
    }

    List<String> columnsOf(String node) {
        return columnsByNode.get(node);
    }

    /** The relation a base table names, or an opaque one when it is not the project's. */
    Relation find(String alias, List<String> path) {
        String key = String.join(".", path.stream().map(ProjectTables::lower).toList());
        String node = nodeByName.get(key);
        if (node == null) {
            return Relation.opaque(alias, "table " + String.join(".", path) + " (not a node of the project)");
        }
        return Relation.node(alias, node, columnsByNode.get(node));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
