package dev.mallard.cli;

import dev.mallard.core.manifest.EffectiveConfig;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node as {@code ls --output json} prints it: dbt's keys, in dbt's order, optionally only some. */
final class ListedNode {
    private ListedNode() {
    }

    static String json(Node n, List<NodeId> parents, List<String> keys) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", n.name());
        all.put("resource_type", n.resourceType().dbtName());
        all.put("package_name", n.packageName());
        all.put("original_file_path", n.originalFilePath());
        all.put("unique_id", n.id().value());
        if (n instanceof dev.mallard.core.manifest.SemanticNode) {
            semantic(n, parents, all);
        } else if (n.resourceType() == ResourceType.SOURCE) {
            all.put("source_name", n.fqn().size() >= 2 ? n.fqn().get(n.fqn().size() - 2) : "");
        } else if (n.resourceType() != ResourceType.UNIT_TEST) {
            all.put("alias", n.relation().identifier());
        }
        if (!(n instanceof dev.mallard.core.manifest.SemanticNode)) {
            all.put("config", new LinkedHashMap<>(EffectiveConfig.of(n)));
            all.put("tags", n.config().tags());
            Map<String, Object> dependsOn = new LinkedHashMap<>();
            dependsOn.put("macros", List.of());
            if (n.resourceType() != ResourceType.SEED) {
                dependsOn.put("nodes", parents.stream().map(NodeId::value).toList());
            }
            if (n.resourceType() != ResourceType.SOURCE) {
                all.put("depends_on", dependsOn);
            }
        }
        // dbt's default output has no language key; a Java model shows its own, and --output-keys language any model's
        String language = n instanceof ModelNode m ? m.language() : null;
        if ("java".equals(language)) {
            all.put("language", language);
        }
        Map<String, Object> out = all;
        if (language != null && keys.contains("language")) {
            all.put("language", language);
        }
        if (!keys.isEmpty()) {
            out = new LinkedHashMap<>();
            for (String key : keys) {
                if (all.containsKey(key)) {
                    out.put(key, all.get(key));
                }
            }
        }
        // json.dumps's text, as dbt prints each line (", " and ": " separators, non-ASCII escaped)
        return dev.mallard.jinja.lib.Json.dbtDumps(out, false);
    }

    /** A semantic model, metric or saved query as dbt lists it: its own small config, tags but on semantic models. */
    private static void semantic(Node n, List<NodeId> parents, Map<String, Object> all) {
        if (n.resourceType() != ResourceType.SEMANTIC_MODEL) {
            all.put("tags", n.config().tags());
        }
        all.put("config", ((dev.mallard.core.manifest.SemanticNode) n).dbtConfig());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", List.of());
        dependsOn.put("nodes", parents.stream().map(NodeId::value).toList());
        all.put("depends_on", dependsOn);
    }
}
