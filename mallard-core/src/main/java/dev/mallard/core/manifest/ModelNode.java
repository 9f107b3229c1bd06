package dev.mallard.core.manifest;

import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/** A SQL model (or an analysis, which compiles but is never run). */
public record ModelNode(
        NodeId id,
        ResourceType resourceType,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        String rawCode,
        NodeConfig config,
        Relation relation,
        String description,
        Map<String, ColumnSpec> columns,
        List<RefCall> refs,
        List<SourceCall> sourceCalls,
        String patchPath,
        String checksum,
        List<Object> constraints,
        ModelVersion version,
        String deprecationDate) implements Node {

    public ModelNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        refs = List.copyOf(refs);
        sourceCalls = List.copyOf(sourceCalls);
        description = description == null ? "" : description;
        constraints = dev.mallard.core.common.Frozen.list(constraints);
    }

    /**
     * A model, versioned or not; its {@code deprecation_date} (as dbt writes it) is that of its
     * version: a versioned model's own date is not its versions' (as in dbt).
     */
    public ModelNode(NodeId id, ResourceType resourceType, String name, String packageName, String path,
                     String originalFilePath, List<String> fqn, String rawCode, NodeConfig config, Relation relation,
                     String description, Map<String, ColumnSpec> columns, List<RefCall> refs,
                     List<SourceCall> sourceCalls, String patchPath, String checksum, List<Object> constraints,
                     ModelVersion version) {
        this(id, resourceType, name, packageName, path, originalFilePath, fqn, rawCode, config, relation, description,
                columns, refs, sourceCalls, patchPath, checksum, constraints, version,
                version == null ? null : version.deprecationDate());
    }

    /** An unversioned model. */
    public ModelNode(NodeId id, ResourceType resourceType, String name, String packageName, String path,
                     String originalFilePath, List<String> fqn, String rawCode, NodeConfig config, Relation relation,
                     String description, Map<String, ColumnSpec> columns, List<RefCall> refs,
                     List<SourceCall> sourceCalls, String patchPath, String checksum, List<Object> constraints) {
        this(id, resourceType, name, packageName, path, originalFilePath, fqn, rawCode, config, relation, description,
                columns, refs, sourceCalls, patchPath, checksum, constraints, null);
    }

    /** A model without model-level {@code constraints:}. */
    public ModelNode(NodeId id, ResourceType resourceType, String name, String packageName, String path,
                     String originalFilePath, List<String> fqn, String rawCode, NodeConfig config, Relation relation,
                     String description, Map<String, ColumnSpec> columns, List<RefCall> refs,
                     List<SourceCall> sourceCalls, String patchPath, String checksum) {
        this(id, resourceType, name, packageName, path, originalFilePath, fqn, rawCode, config, relation, description,
                columns, refs, sourceCalls, patchPath, checksum, List.of());
    }

    /** Whether {@code contract: {enforced: true}} applies, which is when dbt builds constraints too. */
    public boolean contractEnforced() {
        return config.get("contract") instanceof Map<?, ?> c && (Boolean.TRUE.equals(c.get("enforced"))
                || "true".equalsIgnoreCase(String.valueOf(c.get("enforced"))));
    }

    /** The model's language as dbt's manifest names it: "java" for a Java model, "python", else "sql". */
    public String language() {
        return originalFilePath.endsWith(".java") ? "java" : originalFilePath.endsWith(".py") ? "python" : "sql";
    }

    /** The name dbt prints for the node: {@code dim_customers.v2} for a version, else the name. */
    public String displayName() {
        return version == null ? name : name + ".v" + version.label();
    }

    public boolean isEphemeral() {
        return "ephemeral".equals(config.materialized());
    }
}
