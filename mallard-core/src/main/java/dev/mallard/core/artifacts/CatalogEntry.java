package dev.mallard.core.artifacts;

import dev.mallard.core.engine.ColumnInfo;
import dev.mallard.core.engine.ExistingRelation;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.util.List;
import java.util.Objects;

/**
 * One relation of the catalog as the engine reports it, tied to the manifest node or
 * source it belongs to.
 *
 * @param columns in the engine's column order
 * @param rowCount the table's row count, or {@code null} where none was taken (views)
 */
public record CatalogEntry(NodeId id, ResourceType resourceType, ExistingRelation relation, List<ColumnInfo> columns,
                           Long rowCount) {
    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(relation, "relation");
        columns = List.copyOf(columns);
    }

    public boolean isSource() {
        return resourceType == ResourceType.SOURCE;
    }
}
