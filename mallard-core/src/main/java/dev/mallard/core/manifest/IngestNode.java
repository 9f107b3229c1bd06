package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/**
 * An ingest from {@code ingest/*.yml}: a source of the given {@code type} that fills
 * {@code tables}. It is in the DAG upstream of the {@code sources:} tables that name those
 * tables, so {@code +model} selects it and a build runs it first. {@code options} are the
 * spec's keys the framework does not own, handed to the source as written (not rendered).
 */
public record IngestNode(
        NodeId id,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        int line,
        List<String> fqn,
        NodeConfig config,
        String description,
        String type,
        List<IngestTable> tables,
        Map<String, Object> options) implements Node {

    public IngestNode {
        fqn = List.copyOf(fqn);
        tables = List.copyOf(tables);
        options = Frozen.map(options);
        description = description == null ? "" : description;
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("an ingest fills at least one table");
        }
    }

    /**
     * One raw table an ingest fills: {@code name} as the spec writes it ({@code raw.orders}),
     * where it lives, the key its rows merge on (empty: appended), declared column types, and
     * what a row whose key is already in the table does.
     */
    public record IngestTable(String name, Relation relation, List<String> key, Map<String, String> columns,
                              OnExistingKey onExistingKey) {
        public IngestTable {
            key = List.copyOf(key);
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
            java.util.Objects.requireNonNull(onExistingKey, "onExistingKey");
        }

        public IngestTable(String name, Relation relation, List<String> key, Map<String, String> columns) {
            this(name, relation, key, columns, OnExistingKey.REPLACE);
        }
    }

    /**
     * {@code on_existing_key:} a fetched row whose key the raw table already holds either
     * replaces the stored row ({@code replace}, the default) or is skipped ({@code keep}: for
     * append-only raw tables whose rows other tables reference by id, as seed 004's raw events).
     */
    public enum OnExistingKey {
        REPLACE, KEEP
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.INGEST;
    }

    @Override
    public Map<String, ColumnSpec> columns() {
        return Map.of();
    }

    /** The first table the ingest fills (where its schema is created before it runs). */
    @Override
    public Relation relation() {
        return tables.get(0).relation();
    }

    /** The table named {@code name} as in the spec, if the ingest fills it. */
    public java.util.Optional<IngestTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
