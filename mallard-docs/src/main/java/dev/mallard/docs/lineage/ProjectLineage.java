package dev.mallard.docs.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The column lineage of every SQL model of a project, derived from the compiled SQL in
 * manifest.json (parsed by DuckDB) and the columns in catalog.json; indexed both ways.
 */
public final class ProjectLineage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ModelLineage> models;
    private final Map<ColumnRef, List<ColumnRef>> downstream;
    private final Map<String, List<String>> idsByName;
    private final Map<String, List<String>> catalogColumns;

    private ProjectLineage(Map<String, ModelLineage> models, Map<String, List<String>> idsByName,
                           Map<String, List<String>> catalogColumns) {
        this.models = Collections.unmodifiableMap(models);
        this.idsByName = idsByName;
        this.catalogColumns = catalogColumns;
        Map<ColumnRef, Set<ColumnRef>> down = new HashMap<>();
        for (ModelLineage m : models.values()) {
            for (ColumnLineage c : m.columns()) {
                ColumnRef self = new ColumnRef(m.node(), c.column());
                for (ColumnRef up : c.upstream()) {
                    down.computeIfAbsent(up, k -> new TreeSet<>()).add(self);
                }
            }
        }
        Map<ColumnRef, List<ColumnRef>> frozen = new HashMap<>();
        down.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.downstream = frozen;
    }

    /** Analyses every model of manifest.json that has compiled SQL; catalog.json may be {@code null}. */
    public static ProjectLineage analyse(JsonNode manifest, JsonNode catalog, SqlSyntaxTree parser) {
        ProjectTables tables = new ProjectTables();
        Map<String, List<String>> catalogColumns = catalogColumns(catalog);
        Map<String, List<String>> idsByName = new HashMap<>();
        for (String section : List.of("nodes", "sources")) {
            manifest.path(section).fields().forEachRemaining(e -> {
                JsonNode n = e.getValue();
                String type = n.path("resource_type").asText();
                if (!List.of("model", "seed", "snapshot", "source").contains(type)) {
                    return;
                }
                String identifier = n.path(type.equals("source") ? "identifier" : "alias").asText(n.path("name").asText());
                String name = type.equals("source") ? n.path("source_name").asText() + "." + n.path("name").asText()
                        : n.path("name").asText();
                idsByName.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(e.getKey());
                idsByName.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(e.getKey());
                String relation = n.path("relation_name").asText("");
                if (type.equals("source") && relation.contains("(")) {
                    functionCall(relation, parser).ifPresent(call -> tables.addFunction(e.getKey(), call));
                }
                tables.add(e.getKey(), text(n, "database"), text(n, "schema"), identifier, catalogColumns.get(e.getKey()));
            });
        }
        Map<String, ModelLineage> models = new LinkedHashMap<>();
        QueryWalker walker = new QueryWalker(tables);
        List<String> ids = modelIds(manifest);
        Map<String, String> trees = parseAll(manifest, ids, parser);
        for (String id : ids) {
            JsonNode n = manifest.path("nodes").path(id);
            ModelLineage lineage = analyseModel(id, n, walker, trees.get(id), catalogColumns.get(id));
            models.put(id, lineage);
            if (catalogColumns.get(id) == null && lineage.error() == null) {
                // an ephemeral model's columns are known only from its SQL
                tables.columns(id, lineage.columns().stream().map(ColumnLineage::column).toList());
            }
        }
        return new ProjectLineage(models, idsByName, catalogColumns);
    }

    /** The canonical tree of a source's external location when it is a table function call. */
    private static java.util.Optional<String> functionCall(String relation, SqlSyntaxTree parser) {
        try {
            JsonNode tree = JSON.readTree(parser.parse("select * from " + relation));
            JsonNode from = tree.path("statements").path(0).path("node").path("from_table");
            if (from.path("type").asText().equals("TABLE_FUNCTION")) {
                return java.util.Optional.of(ProjectTables.canonical(from.path("function")));
            }
        } catch (Exception e) {
            // not a call DuckDB parses: models reading it stay unresolved
        }
        return java.util.Optional.empty();
    }

    /** Every SQL model's syntax tree (as text), parsed in one batch. */
    private static Map<String, String> parseAll(JsonNode manifest, List<String> ids, SqlSyntaxTree parser) {
        List<String> parsed = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        for (String id : ids) {
            JsonNode n = manifest.path("nodes").path(id);
            String sql = n.path("compiled_code").asText("");
            if (n.path("language").asText("sql").equals("sql") && !sql.isBlank()) {
                parsed.add(id);
                sqls.add(sql);
            }
        }
        Map<String, String> out = new HashMap<>();
        List<String> trees;
        try {
            trees = parser.parseAll(sqls);
        } catch (RuntimeException e) {
            return out; // each model then says it did not parse
        }
        for (int i = 0; i < parsed.size(); i++) {
            out.put(parsed.get(i), trees.get(i));
        }
        return out;
    }

    private static ModelLineage analyseModel(String id, JsonNode n, QueryWalker walker, String parsed,
                                             List<String> catalog) {
        String language = n.path("language").asText("sql");
        if (!language.equals("sql")) {
            return ModelLineage.failed(id, "a " + language + " model: no SQL to trace");
        }
        String sql = n.path("compiled_code").asText("");
        if (sql.isBlank()) {
            return ModelLineage.failed(id, "no compiled SQL (run mallard docs generate)");
        }
        JsonNode tree;
        try {
            if (parsed == null) {
                throw new IllegalStateException("the engine did not parse it");
            }
            tree = JSON.readTree(parsed);
        } catch (Exception e) {
            return ModelLineage.failed(id, "the SQL did not parse: " + e.getMessage());
        }
        if (tree.path("error").asBoolean()) {
            return ModelLineage.failed(id, "the SQL did not parse: " + tree.path("error_message").asText());
        }
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            return ModelLineage.failed(id, statements.size() + " statements: lineage traces one query");
        }
        List<QueryWalker.Output> out = walker.query(statements.get(0).path("node"));
        return new ModelLineage(id, align(out, catalog), null);
    }

    /** The SQL's outputs named as the catalog names the model's columns (by position when the counts agree). */
    private static List<ColumnLineage> align(List<QueryWalker.Output> out, List<String> catalog) {
        List<ColumnLineage> columns = new ArrayList<>();
        if (catalog == null) {
            int i = 0;
            for (QueryWalker.Output o : out) {
                columns.add(lineage(o.name() != null ? o.name() : "column" + i, o.derivation()));
                i++;
            }
            return columns;
        }
        boolean positional = out.size() == catalog.size();
        for (int i = 0; i < catalog.size(); i++) {
            String name = catalog.get(i);
            Derivation d = null;
            if (positional) {
                d = out.get(i).derivation();
            } else {
                for (QueryWalker.Output o : out) {
                    if (o.name() != null && o.name().equalsIgnoreCase(name)) {
                        d = o.derivation();
                        break;
                    }
                }
            }
            columns.add(lineage(name, d != null ? d
                    : Derivation.unresolved("not matched to the select list (a * over a relation of unknown columns?)")));
        }
        return columns;
    }

    private static ColumnLineage lineage(String name, Derivation d) {
        return new ColumnLineage(name, new ArrayList<>(new TreeSet<>(d.refs())), d.direct() && d.refs().size() == 1
                && d.unresolved().isEmpty(), new ArrayList<>(d.unresolved()));
    }

    /** SQL models in dependency order, so an ephemeral model is analysed before its users. */
    private static List<String> modelIds(JsonNode manifest) {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        manifest.path("nodes").fields().forEachRemaining(e -> {
            if (e.getValue().path("resource_type").asText().equals("model")) {
                nodes.put(e.getKey(), e.getValue());
            }
        });
        List<String> order = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String id : new TreeSet<>(nodes.keySet())) {
            visit(id, nodes, seen, order);
        }
        return order;
    }

    private static void visit(String id, Map<String, JsonNode> nodes, Set<String> seen, List<String> order) {
        if (!nodes.containsKey(id) || !seen.add(id)) {
            return;
        }
        for (JsonNode dep : nodes.get(id).path("depends_on").path("nodes")) {
            visit(dep.asText(), nodes, seen, order);
        }
        order.add(id);
    }

    private static Map<String, List<String>> catalogColumns(JsonNode catalog) {
        Map<String, List<String>> out = new HashMap<>();
        if (catalog == null) {
            return out;
        }
        for (String section : List.of("nodes", "sources")) {
            catalog.path(section).fields().forEachRemaining(e -> {
                List<JsonNode> cols = new ArrayList<>();
                e.getValue().path("columns").forEach(cols::add);
                cols.sort((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt()));
                out.put(e.getKey(), cols.stream().map(c -> c.path("name").asText()).toList());
            });
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    /**
     * The column a selector names: a model, seed or snapshot by name ({@code orders}), a
     * source by {@code source_name.table}, or any of them by unique id.
     *
     * @throws IllegalArgumentException naming what is unknown or ambiguous
     */
    public ColumnRef find(String node, String column) {
        List<String> ids = idsByName.getOrDefault(node.toLowerCase(java.util.Locale.ROOT), List.of());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no model, seed, snapshot or source is called '" + node + "'");
        }
        if (ids.size() > 1) {
            throw new IllegalArgumentException("'" + node + "' names " + String.join(" and ", ids)
                    + ": give the unique id");
        }
        String id = ids.get(0);
        ModelLineage m = models.get(id);
        List<String> known = m != null && m.error() == null ? m.columns().stream().map(ColumnLineage::column).toList()
                : catalogColumns.get(id);
        if (known != null) {
            for (String c : known) {
                if (c.equalsIgnoreCase(column)) {
                    return new ColumnRef(id, c);
                }
            }
            throw new IllegalArgumentException(id + " has no column '" + column + "' (it has " + String.join(", ", known)
                    + ")");
        }
        return new ColumnRef(id, column);
    }

    public Map<String, ModelLineage> models() {
        return models;
    }

    /** The columns computed directly from this one (one hop). */
    public List<ColumnRef> downstreamOf(ColumnRef column) {
        return downstream.getOrDefault(column, List.of());
    }

    /** The lineage of one column of a model, or {@code null} when the column is not a traced model column. */
    public ColumnLineage lineageOf(ColumnRef column) {
        ModelLineage m = models.get(column.node());
        if (m == null) {
            return null;
        }
        for (ColumnLineage c : m.columns()) {
            if (c.column().equalsIgnoreCase(column.column())) {
                return c;
            }
        }
        return null;
    }
}
