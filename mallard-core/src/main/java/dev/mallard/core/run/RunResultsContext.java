package dev.mallard.core.run;

import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code results}, {@code schemas} and {@code database_schemas} that on-run-end hooks
 * see, shaped as dbt's RunResult objects: {@code r.status}, {@code r.message},
 * {@code r.execution_time}, {@code r.failures}, {@code r.node.name}, {@code r.node.unique_id},
 * {@code r.node.schema}, {@code r.node.config.materialized}, ...
 */
final class RunResultsContext {
    private RunResultsContext() {
    }

    static Map<String, Object> of(Manifest manifest, List<NodeResult> results) {
        List<Object> rs = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        Set<List<String>> databaseSchemas = new LinkedHashSet<>();
        for (NodeResult r : results) {
            Node n = manifest.nodes().get(r.id());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", r.status().dbtName());
            result.put("message", r.message());
            result.put("execution_time", r.executionSeconds());
            result.put("thread_id", r.threadId());
            result.put("failures", r.failures());
            result.put("adapter_response", r.adapterResponse());
            result.put("unique_id", r.id().value());
            result.put("timing", List.of());
            result.put("node", n == null ? Map.of("unique_id", r.id().value()) : node(n));
            rs.add(result);
            if (n != null && n.relation() != null && n.relation().schema() != null) {
                schemas.add(n.relation().schema());
                databaseSchemas.add(java.util.Arrays.asList(n.relation().database(), n.relation().schema()));
            }
        }
        Map<String, Object> out = new HashMap<>();
        out.put("results", rs);
        out.put("schemas", List.copyOf(schemas));
        out.put("database_schemas", List.copyOf(databaseSchemas));
        return out;
    }

    private static Map<String, Object> node(Node n) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", n.name());
        node.put("unique_id", n.id().value());
        node.put("resource_type", n.resourceType().dbtName());
        node.put("package_name", n.packageName());
        node.put("original_file_path", n.originalFilePath());
        node.put("config", n.config().values());
        if (n.relation() != null && n.relation().schema() != null) {
            node.put("database", n.relation().database());
            node.put("schema", n.relation().schema());
            node.put("alias", n.relation().identifier());
            node.put("relation_name", n.relation().render());
        }
        return node;
    }
}
