package dev.mallard.core.run;

import dev.mallard.core.exec.NodeResult;
import dev.mallard.core.exec.NodeStatus;
import dev.mallard.core.jinja.Datetimes;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.Node;
import java.time.Instant;
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
 * {@code r.execution_time}, {@code r.failures}, {@code r.timing} (compile and execute, with
 * datetimes), {@code r.node} (the node as the {@code graph} holds it, with its
 * {@code compiled_code}), as packages such as dbt_artifacts read them.
 */
final class RunResultsContext {
    private RunResultsContext() {
    }

    /** {@code graph} gives each result's node in full; null (no on-run-end hook reads it) for a minimal node. */
    static Map<String, Object> of(Manifest manifest, List<NodeResult> results, Map<String, Object> graph) {
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
            result.put("timing", timing(r));
            result.put("node", n == null ? Map.of("unique_id", r.id().value()) : node(n, r, graph));
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

    /** As run_results.json: Mallard times a node as one span, compile being its zero-length start. */
    private static List<Object> timing(NodeResult r) {
        if (r.status() == NodeStatus.SKIPPED || r.startedAt() == null || r.completedAt() == null) {
            return List.of();
        }
        return List.of(step("compile", r.startedAt(), r.startedAt()), step("execute", r.startedAt(), r.completedAt()));
    }

    private static Map<String, Object> step(String name, Instant start, Instant end) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("started_at", Datetimes.naiveUtc(start));
        t.put("completed_at", Datetimes.naiveUtc(end));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Node n, NodeResult r, Map<String, Object> graph) {
        Map<String, Object> node = new LinkedHashMap<>();
        Object full = null;
        if (graph != null) {
            full = graph.get("nodes") instanceof Map<?, ?> nodes ? nodes.get(n.id().value()) : null;
            if (full == null && graph.get("sources") instanceof Map<?, ?> sources) {
                full = sources.get(n.id().value());
            }
        }
        if (full instanceof Map<?, ?> m) {
            node.putAll((Map<String, Object>) m);
        } else {
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
        }
        if (r.compiledCode() != null) {
            node.put("compiled", true);
            node.put("compiled_code", r.compiledCode());
        }
        return node;
    }
}
