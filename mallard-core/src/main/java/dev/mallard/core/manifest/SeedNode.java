package dev.mallard.core.manifest;

import dev.mallard.core.engine.Relation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A CSV seed. */
public record SeedNode(
        NodeId id,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        Relation relation,
        String description,
        Map<String, ColumnSpec> columns,
        Path csvFile,
        String patchPath,
        String checksum) implements Node {

    public SeedNode {
        fqn = List.copyOf(fqn);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        description = description == null ? "" : description;
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SEED;
    }
}
