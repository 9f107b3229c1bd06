package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.GroupInfo;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import dev.mallard.core.manifest.TestNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest.json entries of semantic models, metrics and saved queries (dbt's top-level
 * fields, then the entry's own keys as written in YAML), of groups, and the group map.
 */
final class SemanticEntries {
    private final double createdAt;
    private final Manifest manifest;
    private final MetricInputs metricInputs;

    SemanticEntries(double createdAt, Manifest manifest) {
        this.createdAt = createdAt;
        this.manifest = manifest;
        this.metricInputs = new MetricInputs(manifest);
    }

    Map<String, Object> entry(SemanticNode n, List<NodeId> parents) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", n.name());
        e.put("resource_type", n.resourceType().dbtName());
        e.put("package_name", n.packageName());
        e.put("path", n.path());
        e.put("original_file_path", n.originalFilePath());
        e.put("unique_id", n.id().value());
        e.put("fqn", n.fqn());
        e.put("description", n.description() == null && n.resourceType() == ResourceType.METRIC ? ""
                : n.description());
        e.put("label", n.label());
        Map<String, Object> y = n.properties();
        switch (n.resourceType()) {
            case SEMANTIC_MODEL -> {
                e.put("model", y.get("model"));
                e.put("defaults", y.get("defaults") instanceof Map<?, ?> d
                        ? JsonArtifact.object("agg_time_dimension", d.get("agg_time_dimension")) : null);
                Map<String, Object> modelMeta = n.config().get("meta") instanceof Map<?, ?> m ? castMap(m) : Map.of();
                e.put("entities", SemanticShapes.entities(y.get("entities"), modelMeta));
                e.put("measures", SemanticShapes.measures(y.get("measures"), modelMeta));
                e.put("dimensions", SemanticShapes.dimensions(y.get("dimensions"), modelMeta));
                e.put("metadata", null);
                e.put("primary_entity", y.get("primary_entity"));
            }
            case METRIC -> {
                String type = String.valueOf(y.get("type")).toLowerCase(java.util.Locale.ROOT);
                e.put("type", type);
                Map<String, Object> typeParams = SemanticShapes.metricTypeParams(y.get("type_params")
                        instanceof Map<?, ?> p ? castMap(p) : Map.of());
                metricInputs.complete(type, typeParams);
                e.put("type_params", typeParams);
                e.put("filter", SemanticShapes.filter(y.get("filter")));
                e.put("metadata", null);
                e.put("time_granularity", y.get("time_granularity"));
            }
            default -> {
                e.put("query_params", SemanticShapes.queryParams(y.get("query_params")));
                e.put("exports", SemanticShapes.exports(y.get("exports")));
                e.put("metadata", null);
            }
        }
        Node model = n.resourceType() == ResourceType.SEMANTIC_MODEL && !parents.isEmpty()
                ? manifest.nodes().get(parents.get(0)) : null;
        if (model != null) {
            Map<String, Object> relation = new LinkedHashMap<>();
            relation.put("alias", model.relation().identifier());
            relation.put("schema_name", model.relation().schema());
            relation.put("database", model.relation().database());
            relation.put("relation_name", model.relation().render());
            e.put("node_relation", relation);
        }
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", List.of());
        dependsOn.put("nodes", parents.stream().map(NodeId::value).toList());
        e.put("depends_on", dependsOn);
        List<Map<String, Object>> refs = new ArrayList<>();
        n.refs().forEach(r -> refs.add(JsonArtifact.object("name", r.name(), "package", r.packageName(),
                "version", null)));
        e.put("refs", refs);
        e.put("created_at", createdAt);
        e.put("config", n.dbtConfig());
        e.put("unrendered_config", Map.of());
        e.put("group", n.config().get("group"));
        e.put("tags", n.config().tags());
        if (n.resourceType() == ResourceType.METRIC) {
            // the config meta, else the metric's own top-level meta (SemanticReader keeps it apart)
            Object configMeta = n.config().get("meta");
            e.put("meta", configMeta instanceof Map<?, ?> m && !m.isEmpty() ? configMeta
                    : y.getOrDefault("meta", Map.of()));
            e.put("metrics", List.of());
            e.put("sources", List.of());
        }
        if (n.resourceType() == ResourceType.SEMANTIC_MODEL) {
            e.remove("tags");
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    Map<String, Object> groups() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (GroupInfo g : manifest.groups().values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", g.name());
            e.put("resource_type", "group");
            e.put("package_name", g.packageName());
            e.put("path", g.path());
            e.put("original_file_path", g.originalFilePath());
            e.put("unique_id", g.uniqueId());
            Map<String, Object> owner = new LinkedHashMap<>(g.owner());
            owner.putIfAbsent("email", null);
            owner.putIfAbsent("name", null);
            e.put("owner", owner);
            e.put("description", g.description());
            e.put("config", JsonArtifact.object("meta", g.meta()));
            out.put(g.uniqueId(), e);
        }
        return out;
    }

    /** Group name to the nodes in it; a data test belongs to the group of the node it tests, as in dbt. */
    Map<String, List<String>> groupMap() {
        Map<String, List<String>> out = new TreeMap<>();
        for (GroupInfo g : manifest.groups().values()) {
            out.put(g.name(), new ArrayList<>());
        }
        for (Node n : manifest.nodes().values()) {
            Object group = n.config().get("group");
            if (group == null && n instanceof TestNode t && t.attachedNode() != null) {
                Node attached = manifest.nodes().get(t.attachedNode());
                group = attached == null ? null : attached.config().get("group");
            }
            if (group != null && out.containsKey(String.valueOf(group)) && n.config().enabled()) {
                out.get(String.valueOf(group)).add(n.id().value());
            }
        }
        return out;
    }
}
