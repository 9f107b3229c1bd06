package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.IngestNode;
import dev.mallard.core.manifest.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ingest as manifest.json's Mallard-only {@code ingests} key shows it. Ingests stay out of
 * {@code nodes}, {@code parent_map} and {@code child_map}, which dbt tools read with dbt's
 * schema; their lineage is {@code feeds}, the sources whose tables they fill. The source's
 * options are left out: a spec's URL or query is not for artifacts.
 */
final class IngestEntries {
    private IngestEntries() {
    }

    static Map<String, Object> entry(IngestNode i, List<NodeId> children) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("unique_id", i.id().value());
        e.put("name", i.name());
        e.put("resource_type", "ingest");
        e.put("package_name", i.packageName());
        e.put("path", i.path());
        e.put("original_file_path", i.originalFilePath());
        e.put("fqn", i.fqn());
        e.put("type", i.type());
        e.put("description", i.description());
        e.put("tags", i.config().tags());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (IngestNode.IngestTable t : i.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", t.name());
            table.put("relation_name", t.relation().render());
            table.put("key", t.key());
            table.put("columns", t.columns());
            tables.add(table);
        }
        e.put("tables", tables);
        e.put("feeds", children.stream().map(NodeId::value).filter(id -> id.startsWith("source.")).sorted().toList());
        return e;
    }
}
