package dev.mallard.core.jinja;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.QueryResult;
import dev.mallard.core.engine.Relation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A DbtRuntime for template tests: relations in schema "main", canned query results, captured logs. */
final class FakeRuntime implements DbtRuntime {
    final boolean execute;
    final Map<String, Object> config = new LinkedHashMap<>();
    final List<String> logs = Collections.synchronizedList(new ArrayList<>());
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Object> vars = new HashMap<>();
    final Map<String, List<ColumnInfo>> tables = new HashMap<>();
    Function<String, QueryResult> queryHandler = sql -> new QueryResult(
            List.of(new ColumnInfo("n", "INTEGER"), new ColumnInfo("s", "VARCHAR")),
            List.of(List.of(1, "a"), List.of(2, "b")));

    /** The package of the node rendered; null for the root project. */
    String packageName;

    FakeRuntime(boolean execute) {
        this.execute = execute;
    }

    @Override
    public String packageName() {
        return packageName;
    }

    @Override
    public boolean execute() {
        return execute;
    }

    @Override
    public Object ref(String packageName, String name) {
        return new RelationValue(new Relation("db", "main", name), "table");
    }

    @Override
    public Object source(String sourceName, String tableName) {
        return new RelationValue(new Relation("db", sourceName, tableName), "table");
    }

    @Override
    public void config(Map<String, Object> values) {
        config.putAll(values);
    }

    @Override
    public Object configValue(String key, Object defaultValue) {
        return config.getOrDefault(key, defaultValue);
    }

    @Override
    public RelationValue thisRelation() {
        return new RelationValue(new Relation("db", "main", "this_model"), "table");
    }

    @Override
    public Object var(String name, Object defaultValue, boolean hasDefault) {
        return vars.getOrDefault(name, defaultValue);
    }

    @Override
    public boolean isIncremental() {
        return false;
    }

    @Override
    public QueryResult runQuery(String sql) {
        queries.add(sql);
        return queryHandler.apply(sql);
    }

    @Override
    public RelationValue getRelation(String database, String schema, String identifier) {
        return tables.containsKey(identifier)
                ? new RelationValue(new Relation(database, schema, identifier), "table") : null;
    }

    @Override
    public List<ColumnInfo> getColumns(RelationValue relation) {
        return tables.getOrDefault(relation.getIdentifier(), List.of());
    }

    @Override
    public Map<String, Object> target() {
        return Map.of("name", "dev", "type", "duckdb", "schema", "main");
    }

    @Override
    public void log(String message, boolean info) {
        logs.add(message);
    }
}
