package dev.mallard.core.artifacts;

import dev.mallard.core.graph.Dag;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SemanticNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/semantic_manifest.json}, what MetricFlow reads: dbt writes it with every
 * manifest.json, empty lists when the project has no semantic layer. Its semantic models,
 * metrics and saved queries are manifest.json's entries with the keys of dbt-semantic-interfaces'
 * classes, in their order (and a config of {@code meta} alone).
 */
public final class SemanticManifestWriter {
    public static final String FILE_NAME = "semantic_manifest.json";
    private static final List<String> SEMANTIC_MODEL = List.of("name", "defaults", "description", "node_relation",
            "primary_entity", "entities", "measures", "dimensions", "label", "metadata", "config");
    private static final List<String> ENTITY = List.of("name", "description", "type", "role", "expr", "metadata",
            "label", "config");
    private static final List<String> MEASURE = List.of("name", "agg", "description", "create_metric", "expr",
            "agg_params", "metadata", "non_additive_dimension", "agg_time_dimension", "label", "config");
    private static final List<String> DIMENSION = List.of("name", "description", "type", "is_partition", "type_params",
            "expr", "metadata", "label", "config");
    private static final List<String> METRIC = List.of("name", "description", "type", "type_params", "filter",
            "metadata", "label", "config", "time_granularity");
    private static final List<String> TYPE_PARAMS = List.of("measure", "numerator", "denominator", "expr", "window",
            "grain_to_date", "metrics", "conversion_type_params", "cumulative_type_params", "input_measures");
    private static final List<String> QUERY_PARAMS = List.of("metrics", "group_by", "order_by", "limit", "where");
    private static final List<String> SAVED_QUERY = List.of("name", "query_params", "description", "metadata", "label",
            "exports", "tags");

    private SemanticManifestWriter() {
    }

    /** Writes the file atomically into {@code targetDir}. */
    public static Path write(Path targetDir, Manifest manifest, Dag dag, List<TimeSpines.Spine> timeSpines,
                             dev.mallard.core.engine.Relation legacySpine) {
        return JsonArtifact.write(targetDir.resolve(FILE_NAME), document(manifest, dag, timeSpines, legacySpine));
    }

    static Map<String, Object> document(Manifest manifest, Dag dag, List<TimeSpines.Spine> timeSpines,
                                        dev.mallard.core.engine.Relation legacySpine) {
        List<Object> semanticModels = new ArrayList<>();
        List<Object> metrics = new ArrayList<>();
        List<Object> savedQueries = new ArrayList<>();
        SemanticEntries entries = new SemanticEntries(0, manifest);
        for (SemanticNode n : manifest.nodesOf(SemanticNode.class)) {
            if (!n.config().enabled()) {
                continue;
            }
            Map<String, Object> e = entries.entry(n, dag.parents(n.id()));
            if (n.resourceType() == ResourceType.SEMANTIC_MODEL) {
                Map<String, Object> sm = project(e, SEMANTIC_MODEL);
                sm.put("entities", projectAll(e.get("entities"), ENTITY));
                sm.put("measures", projectAll(e.get("measures"), MEASURE));
                sm.put("dimensions", projectAll(e.get("dimensions"), DIMENSION));
                semanticModels.add(sm);
            } else if (n.resourceType() == ResourceType.METRIC) {
                Map<String, Object> metric = project(e, METRIC);
                if (metric.get("type_params") instanceof Map<?, ?> params) {
                    metric.put("type_params", project(params, TYPE_PARAMS));
                }
                metrics.add(metric);
            } else if (n.resourceType() == ResourceType.SAVED_QUERY) {
                Map<String, Object> query = project(e, SAVED_QUERY);
                if (query.get("query_params") instanceof Map<?, ?> params) {
                    query.put("query_params", project(params, QUERY_PARAMS));
                }
                savedQueries.add(query);
            }
        }
        Map<String, Object> configuration = new LinkedHashMap<>();
        // the legacy metricflow_time_spine model, when no model declares time_spine:
        configuration.put("time_spine_table_configurations", legacySpine == null ? List.of()
                : List.of(JsonArtifact.object("location", legacySpine.render(), "column_name", "date_day", "grain", "day")));
        configuration.put("metadata", null);
        configuration.put("dsi_package_version", JsonArtifact.object("major_version", "0", "minor_version", "9",
                "patch_version", "0"));
        List<Object> spines = new ArrayList<>();
        for (TimeSpines.Spine s : timeSpines) {
            spines.add(JsonArtifact.object("node_relation", JsonArtifact.object("alias", s.relation().identifier(),
                            "schema_name", s.relation().schema(), "database", s.relation().database(),
                            "relation_name", s.relation().render()),
                    "primary_column", JsonArtifact.object("name", s.column(), "time_granularity", s.granularity()),
                    "custom_granularities", s.customGranularities()));
        }
        configuration.put("time_spines", spines);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("semantic_models", semanticModels);
        doc.put("metrics", metrics);
        doc.put("project_configuration", configuration);
        doc.put("saved_queries", savedQueries);
        return doc;
    }

    private static List<Object> projectAll(Object entries, List<String> keys) {
        List<Object> out = new ArrayList<>();
        if (entries instanceof List<?> list) {
            for (Object o : list) {
                out.add(o instanceof Map<?, ?> m ? project(m, keys) : o);
            }
        }
        return out;
    }

    /** The entry's {@code keys} in that order (null when it has none); its config reduced to {@code meta}. */
    private static Map<String, Object> project(Map<?, ?> entry, List<String> keys) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            Object value = entry.get(key);
            if (key.equals("config")) {
                Object meta = value instanceof Map<?, ?> c && c.get("meta") != null ? c.get("meta") : Map.of();
                value = JsonArtifact.object("meta", meta);
            }
            out.put(key, value);
        }
        return out;
    }
}
