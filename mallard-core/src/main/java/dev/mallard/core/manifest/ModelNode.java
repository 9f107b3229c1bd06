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
        String checksum) implements Node {

    public ModelNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        refs = List.copyOf(refs);
        sourceCalls = List.copyOf(sourceCalls);
        description = description == null ? "" : description;
    }

    public boolean isEphemeral() {
        return "ephemeral".equals(config.materialized());
    }
}
