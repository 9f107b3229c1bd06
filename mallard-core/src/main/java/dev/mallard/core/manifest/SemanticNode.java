package dev.mallard.core.manifest;

import dev.mallard.core.common.Frozen;
import dev.mallard.core.engine.Relation;
import java.util.List;
import java.util.Map;

/**
 * A node of dbt's semantic layer from properties YAML: a semantic model ({@code
 * semantic_models:}, over a model it refs), a metric ({@code metrics:}, over semantic models'
 * measures or other metrics) or a saved query ({@code saved_queries:}, over metrics). They are
 * in the DAG, so {@code +metric:revenue} selects what feeds it, but nothing is built for
 * them: {@code build} reports a saved query as NO-OP, as dbt Core does. {@code properties}
 * holds the entry as written (entities, measures, type_params, query_params...).
 * {@code dependsOn} are the semantic models and metrics it reads, found from its measures
 * and metrics by name.
 */
public record SemanticNode(
        NodeId id,
        ResourceType resourceType,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        List<String> fqn,
        NodeConfig config,
        String description,
        String label,
        Map<String, Object> properties,
        List<RefCall> refs,
        List<NodeId> dependsOn) implements Node {

    public SemanticNode {
        fqn = List.copyOf(fqn);
        properties = Frozen.map(properties);
        refs = List.copyOf(refs);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The same node with its semantic dependencies resolved. */
    public SemanticNode withDependsOn(List<NodeId> nodes) {
        return new SemanticNode(id, resourceType, name, packageName, path, originalFilePath, fqn, config, description,
                label, properties, refs, nodes);
    }

    /** The config as dbt writes it for this kind: enabled, group, meta (and a saved query's export keys). */
    public Map<String, Object> dbtConfig() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("enabled", true);
        out.put("group", config.get("group"));
        out.put("meta", config.get("meta"));
        if (resourceType == ResourceType.SAVED_QUERY) {
            out.put("export_as", null);
            out.put("schema", null);
            out.put("cache", Map.of("enabled", false));
        }
        return out;
    }

    @Override
    public Map<String, ColumnSpec> columns() {
        return Map.of();
    }

    @Override
    public List<NodeId> nodeDependencies() {
        return dependsOn;
    }

    /** A semantic node has no relation; this one names it only. */
    @Override
    public Relation relation() {
        return new Relation(null, null, name);
    }
}
