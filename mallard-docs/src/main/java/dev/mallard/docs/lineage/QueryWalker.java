package dev.mallard.docs.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one query of DuckDB's JSON syntax tree and derives each output column from the
 * columns of the project's relations. Only the select list counts (not WHERE, JOIN ... ON or
 * GROUP BY); what cannot be traced becomes an unresolved reason, never a guess.
 */
final class QueryWalker {
    /** One output column of a query; {@code name} is null where DuckDB would make one up. */
    record Output(String name, Derivation derivation) {
    }

    /** Names visible while walking: the CTEs in force and the enclosing query's relations. */
    private record Scope(Map<String, Relation> ctes, List<Relation> relations, List<Output> select, Scope outer) {
    }

    private final ProjectTables tables;

    QueryWalker(ProjectTables tables) {
        this.tables = tables;
    }

    List<Output> query(JsonNode node) {
        return query(node, new Scope(Map.of(), List.of(), List.of(), null));
    }

    private List<Output> query(JsonNode node, Scope outer) {
        String type = node.path("type").asText();
        Map<String, Relation> ctes = withCtes(node.path("cte_map").path("map"), outer);
        Scope scope = new Scope(ctes, outer.relations(), outer.select(), outer.outer());
        return switch (type) {
            case "SELECT_NODE" -> select(node, scope);
            case "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE" -> setOperation(node, scope);
            default -> List.of(new Output(null, Derivation.unresolved("a " + type + " query")));
        };
    }

    private Map<String, Relation> withCtes(JsonNode map, Scope outer) {
        if (!map.isArray() || map.isEmpty()) {
            return outer.ctes();
        }
        Map<String, Relation> ctes = new HashMap<>(outer.ctes());
        for (JsonNode entry : map) {
            String name = entry.path("key").asText();
            JsonNode value = entry.path("value");
            Scope inner = new Scope(Map.copyOf(ctes), outer.relations(), outer.select(), outer.outer());
            List<Output> out = query(value.path("query_node"), inner);
            List<String> aliases = texts(value.path("aliases"));
            ctes.put(Relation.lower(name), Relation.of(name, columns(out)).renamed(null, aliases));
        }
        return Map.copyOf(ctes);
    }

    private List<Output> setOperation(JsonNode node, Scope scope) {
        List<JsonNode> children = new ArrayList<>();
        node.path("children").forEach(children::add);
        if (children.isEmpty()) {
            children.add(node.path("left"));
            children.add(node.path("right"));
        }
        List<Output> first = query(children.get(0), scope);
        Scope rest = scope;
        if ("RECURSIVE_CTE_NODE".equals(node.path("type").asText())) {
            // the recursive part refers to the CTE itself: its columns come from the anchor
            Map<String, Relation> ctes = new HashMap<>(scope.ctes());
            ctes.put(Relation.lower(node.path("ctename").asText()), Relation.of(node.path("ctename").asText(),
                    columns(first)));
            rest = new Scope(Map.copyOf(ctes), scope.relations(), scope.select(), scope.outer());
        }
        List<List<Derivation>> parts = new ArrayList<>();
        for (Output o : first) {
            parts.add(new ArrayList<>(List.of(o.derivation())));
        }
        for (JsonNode child : children.subList(1, children.size())) {
            List<Output> out = query(child, rest);
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).add(i < out.size() ? out.get(i).derivation()
                        : Derivation.unresolved("set operation branches differ in width"));
            }
        }
        List<Output> result = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            result.add(new Output(first.get(i).name(), Derivation.union(parts.get(i))));
        }
        return result;
    }

    private List<Output> select(JsonNode node, Scope outerScope) {
        List<Relation> relations = new ArrayList<>();
        from(node.path("from_table"), outerScope, relations);
        List<Output> out = new ArrayList<>();
        Scope scope = new Scope(outerScope.ctes(), relations, out, outerScope);
        for (JsonNode item : node.path("select_list")) {
            if ("STAR".equals(item.path("class").asText()) && !item.path("columns").asBoolean()) {
                star(item, scope, out);
                continue;
            }
            String alias = item.path("alias").asText("");
            String name = !alias.isEmpty() ? alias
                    : "COLUMN_REF".equals(item.path("class").asText()) ? last(texts(item.path("column_names"))) : null;
            out.add(new Output(name, expression(item, scope, Set.of())));
        }
        return out;
    }

    private void star(JsonNode item, Scope scope, List<Output> out) {
        String relationName = item.path("relation_name").asText("");
        Set<String> excluded = new HashSet<>();
        texts(item.path("exclude_list")).forEach(e -> excluded.add(Relation.lower(e)));
        for (JsonNode q : item.path("qualified_exclude_list")) {
            excluded.add(Relation.lower(last(texts(q.path("column_names")))));
        }
        Map<String, JsonNode> replaced = new HashMap<>();
        for (JsonNode r : item.path("replace_list")) {
            replaced.put(Relation.lower(r.path("key").asText()), r.path("value"));
        }
        for (Relation rel : scope.relations()) {
            if (!relationName.isEmpty() && !Relation.lower(relationName).equals(rel.alias())) {
                continue;
            }
            if (!rel.knowsColumns()) {
                out.add(new Output(null, Derivation.unresolved("* over "
                        + (rel.opaque() != null ? rel.opaque() : rel.node() + " (columns not in the catalog)"))));
                continue;
            }
            for (Relation.Column c : rel.columns().values()) {
                String key = Relation.lower(c.name());
                if (excluded.contains(key) || (relationName.isEmpty() && rel.hidden().contains(key))) {
                    continue;
                }
                JsonNode replacement = replaced.get(key);
                out.add(new Output(c.name(), replacement == null ? c.derivation()
                        : expression(replacement, scope, Set.of()).transformed()));
            }
        }
    }

    /** The FROM clause's relations, left to right. */
    private void from(JsonNode table, Scope scope, List<Relation> into) {
        String type = table.path("type").asText();
        String alias = table.path("alias").asText("");
        List<String> renames = texts(table.path("column_name_alias"));
        switch (type) {
            case "", "EMPTY", "EMPTY_FROM" -> {
            }
            case "BASE_TABLE" -> {
                String name = table.path("table_name").asText();
                String shown = alias.isEmpty() ? name : alias;
                boolean bare = table.path("schema_name").asText("").isEmpty()
                        && table.path("catalog_name").asText("").isEmpty();
                Relation cte = bare ? scope.ctes().get(Relation.lower(name)) : null;
                List<String> path = new ArrayList<>();
                for (String part : List.of(table.path("catalog_name").asText(""), table.path("schema_name").asText(""),
                        name)) {
                    if (!part.isEmpty()) {
                        path.add(part);
                    }
                }
                Relation rel = cte != null ? cte : tables.find(shown, path);
                into.add(rel.renamed(shown, renames));
            }
            case "SUBQUERY" -> {
                Scope inner = new Scope(scope.ctes(), List.of(), List.of(), null);
                List<Output> out = query(table.path("subquery").path("node"), inner);
                into.add(Relation.of(alias.isEmpty() ? "unnamed_subquery" : alias, columns(out)).renamed(null, renames));
            }
            case "JOIN" -> {
                List<Relation> left = new ArrayList<>();
                from(table.path("left"), scope, left);
                List<Relation> right = new ArrayList<>();
                from(table.path("right"), scope, right);
                Set<String> hidden = new LinkedHashSet<>();
                texts(table.path("using_columns")).forEach(u -> hidden.add(Relation.lower(u)));
                if (!hidden.isEmpty() && List.of("OUTER", "FULL", "RIGHT").contains(table.path("join_type").asText())) {
                    // a USING column of a full or right join is COALESCE(left, right): both sides'
                    left = left.stream().map(l -> l.coalescedWith(hidden, right)).toList();
                }
                into.addAll(left);
                for (Relation r : right) {
                    into.add(hidden.isEmpty() ? r : r.hiding(hidden));
                }
            }
            case "TABLE_FUNCTION" -> {
                JsonNode call = table.path("function");
                String name = call.path("function_name").asText("?");
                into.add(tables.findFunction(alias.isEmpty() ? name : alias, ProjectTables.canonical(call), name)
                        .renamed(null, renames));
            }
            default -> into.add(Relation.opaque(alias, "a " + type + " in FROM"));
        }
    }

    /** The union of what the column references inside an expression are derived from. */
    private Derivation expression(JsonNode expr, Scope scope, Set<String> lambdaParams) {
        String cls = expr.path("class").asText();
        if ("COLUMN_REF".equals(cls)) {
            List<String> names = texts(expr.path("column_names"));
            if (names.size() == 1 && lambdaParams.contains(Relation.lower(names.get(0)))) {
                return Derivation.NONE;
            }
            return ColumnResolver.resolve(names, scope.relations(), scope.select(), outerRelations(scope));
        }
        if ("SUBQUERY".equals(cls)) {
            Scope inner = new Scope(scope.ctes(), List.of(), List.of(), scope);
            List<Derivation> parts = new ArrayList<>();
            query(expr.path("subquery").path("node"), inner).forEach(o -> parts.add(o.derivation()));
            if (!expr.path("child").isNull() && !expr.path("child").isMissingNode()) {
                parts.add(expression(expr.path("child"), scope, lambdaParams));
            }
            return parts.isEmpty() ? Derivation.NONE : Derivation.union(parts).transformed();
        }
        Set<String> params = lambdaParams;
        if ("LAMBDA".equals(cls)) {
            params = new HashSet<>(lambdaParams);
            collectNames(expr.path("lhs"), params);
        }
        List<Derivation> parts = new ArrayList<>();
        for (JsonNode child : children(expr, cls)) {
            Derivation d = expression(child, scope, params);
            if (!d.refs().isEmpty() || !d.unresolved().isEmpty()) {
                parts.add(d);
            }
        }
        return parts.isEmpty() ? Derivation.NONE : Derivation.union(parts).transformed();
    }

    private static List<List<Relation>> outerRelations(Scope scope) {
        List<List<Relation>> outer = new ArrayList<>();
        for (Scope s = scope.outer(); s != null; s = s.outer()) {
            if (!s.relations().isEmpty()) {
                outer.add(s.relations());
            }
        }
        return outer;
    }

    /** The sub-expressions of an expression node: every object field that is itself an expression. */
    private static List<JsonNode> children(JsonNode expr, String cls) {
        List<JsonNode> out = new ArrayList<>();
        expr.fields().forEachRemaining(e -> {
            if (cls.equals("LAMBDA") && e.getKey().equals("lhs")) {
                return;
            }
            collectExpressions(e.getValue(), out);
        });
        return out;
    }

    private static void collectExpressions(JsonNode value, List<JsonNode> out) {
        if (value.isObject()) {
            if (value.has("class") && value.has("type")) {
                out.add(value);
            } else {
                value.fields().forEachRemaining(e -> collectExpressions(e.getValue(), out));
            }
        } else if (value.isArray()) {
            value.forEach(v -> collectExpressions(v, out));
        }
    }

    private static void collectNames(JsonNode lhs, Set<String> into) {
        if ("COLUMN_REF".equals(lhs.path("class").asText())) {
            into.add(Relation.lower(last(texts(lhs.path("column_names")))));
        }
        for (JsonNode child : children(lhs, lhs.path("class").asText())) {
            collectNames(child, into);
        }
    }

    private static List<Relation.Column> columns(List<Output> out) {
        return out.stream().map(o -> new Relation.Column(o.name(), o.derivation())).toList();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String last(List<String> names) {
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }
}
