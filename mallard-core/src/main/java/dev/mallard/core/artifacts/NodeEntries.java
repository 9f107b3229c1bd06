package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.ColumnSpec;
import dev.mallard.core.manifest.EffectiveConfig;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.Node;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.ResourceType;
import dev.mallard.core.manifest.SeedNode;
import dev.mallard.core.manifest.TestNode;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.parse.Checksums;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The manifest.json entry of a model, analysis or seed, in manifest v12's field names. */
final class NodeEntries {
    /** A test takes the group of the node it tests (its config keeps its own, as in dbt). */
    private Object group(Node node, Map<String, Object> config) {
        if (config.get("group") == null && node instanceof dev.mallard.core.manifest.TestNode t
                && t.attachedNode() != null) {
            Node attached = manifest.nodes().get(t.attachedNode());
            return attached == null ? null : attached.config().get("group");
        }
        return config.get("group");
    }

    private final double createdAt;
    private final String targetPathName;

    private final Manifest manifest;
    private final PrimaryKeys primaryKeys;

    NodeEntries(double createdAt, String targetPathName, Manifest manifest) {
        this.createdAt = createdAt;
        this.targetPathName = targetPathName;
        this.manifest = manifest;
        this.primaryKeys = new PrimaryKeys(manifest);
    }

    Map<String, Object> entry(Node node, List<NodeId> parents, String compiledCode) {
        Map<String, Object> config = config(node);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("database", node.relation().database());
        e.put("schema", node.relation().schema());
        e.put("name", node.name());
        e.put("resource_type", node.resourceType().dbtName());
        e.put("package_name", node.packageName());
        e.put("path", node.path());
        e.put("original_file_path", node.originalFilePath());
        e.put("unique_id", node.id().value());
        e.put("fqn", node.fqn());
        e.put("alias", node.relation().identifier());
        e.put("checksum", checksum(node));
        e.put("config", config);
        e.put("tags", node.tags());
        e.put("description", node.description());
        e.put("columns", columns(node.columns()));
        e.put("meta", config.get("meta"));
        e.put("group", group(node, config));
        e.put("docs", config.get("docs") instanceof Map ? config.get("docs")
                : JsonArtifact.object("show", true, "node_color", null));
        e.put("patch_path", patchPath(node));
        e.put("build_path", null);
        e.put("unrendered_config", node.config().written());
        e.put("created_at", createdAt);
        e.put("relation_name", relationName(node));
        e.put("doc_blocks", List.of());
        if (node instanceof SeedNode seed) {
            e.put("raw_code", "");
            e.put("root_path", rootPath(seed));
            e.put("depends_on", Map.of("macros", List.of()));
            return e;
        }
        e.put("raw_code", rawCode(node));
        e.put("language", node instanceof ModelNode m ? m.language() : "sql");
        e.put("refs", refs(node.refs()));
        e.put("sources", sources(node.sourceCalls()));
        e.put("metrics", List.of());
        e.put("functions", List.of());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", manifest.macrosCalledBy(node.id()));
        dependsOn.put("nodes", parents.stream().map(NodeId::value).toList());
        e.put("depends_on", dependsOn);
        e.put("compiled_path", compiledCode == null ? null
                : String.join("/", targetPathName, "compiled", node.packageName(), node.originalFilePath())
                        + (node instanceof TestNode t && t.isGeneric() ? "/" + t.path() : ""));
        if (compiledCode != null) {
            e.put("compiled", true);
            e.put("compiled_code", compiledCode);
            e.put("extra_ctes_injected", true);
            e.put("extra_ctes", List.of());
        }
        Map<String, Object> contract = new LinkedHashMap<>(map(config.get("contract")));
        contract.putIfAbsent("enforced", false);
        contract.putIfAbsent("alias_types", true);
        contract.put("checksum", null);
        e.put("contract", contract);
        // a singular test has no column, YAML key or attached node at all
        if (node instanceof TestNode test && test.isGeneric()) {
            e.put("column_name", test.columnName());
            e.put("file_key_name", fileKeyName(test));
            // a test of a model that no file defines keeps that model's file_key_name but is attached to nothing
            e.put("attached_node", test.attachedNode() == null || !manifest.nodes().containsKey(test.attachedNode()) ? null
                    : test.attachedNode().value());
            Map<String, Object> md = new LinkedHashMap<>();
            md.put("name", test.metadata().name());
            md.put("kwargs", test.metadata().kwargs());
            md.put("namespace", test.metadata().namespace());
            e.put("test_metadata", md);
        }
        if (node.resourceType() == ResourceType.MODEL) {
            e.put("access", config.get("access"));
            e.put("constraints", node instanceof dev.mallard.core.manifest.ModelNode m ? m.constraints() : List.of());
            dev.mallard.core.manifest.ModelVersion version = node instanceof dev.mallard.core.manifest.ModelNode m
                    ? m.version() : null;
            e.put("version", version == null ? null : version.v());
            e.put("latest_version", version == null ? null : version.latest());
            e.put("deprecation_date", node instanceof dev.mallard.core.manifest.ModelNode m ? m.deprecationDate() : null);
            e.put("primary_key", node instanceof dev.mallard.core.manifest.ModelNode m ? primaryKeys.of(m)
                    : List.of());
            e.put("time_spine", null);
        }
        return e;
    }

    /** dbt's file_key_name: the YAML key and name of the resource a generic test is defined on. */
    private static String fileKeyName(TestNode test) {
        String attached = test.attachedNode() == null ? "" : test.attachedNode().value();
        String[] parts = attached.split("\\.");
        if (attached.startsWith("source.") && parts.length >= 4) {
            return "sources." + parts[2];
        }
        String kind = attached.startsWith("seed.") ? "seeds" : attached.startsWith("snapshot.") ? "snapshots" : "models";
        return kind + "." + parts[parts.length - 1];
    }

    /** dbt's full config dict; hooks become {sql, transaction, index} objects as in dbt. */
    static Map<String, Object> config(Node node) {
        Map<String, Object> config = new LinkedHashMap<>(EffectiveConfig.of(node));
        if (config.containsKey("pre-hook")) {
            config.put("pre-hook", hooks(node.config().preHooks()));
        }
        if (config.containsKey("post-hook")) {
            config.put("post-hook", hooks(node.config().postHooks()));
        }
        if (!(config.get("meta") instanceof Map)) {
            config.put("meta", Map.of());
        }
        return config;
    }

    private static List<Map<String, Object>> hooks(List<String> sqls) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String sql : sqls) {
            Map<String, Object> hook = new LinkedHashMap<>();
            hook.put("sql", sql);
            hook.put("transaction", true);
            hook.put("index", null);
            out.add(hook);
        }
        return out;
    }

    static Map<String, Object> columns(Map<String, ColumnSpec> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        columns.forEach((key, c) -> {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("description", c.description() == null ? "" : c.description());
            col.put("meta", c.meta());
            col.put("data_type", c.dataType());
            col.put("constraints", c.constraints());
            // dbt writes null unless quoting was asked for
            col.put("quote", c.quote() ? Boolean.TRUE : null);
            col.put("config", JsonArtifact.object("meta", c.meta(), "tags", c.tags()));
            col.put("tags", c.tags());
            col.put("granularity", null);
            col.put("doc_blocks", List.of());
            out.put(key, col);
        });
        return out;
    }

    private static Map<String, Object> checksum(Node node) {
        Map.Entry<String, String> sum = Checksums.ofNode(node);
        return JsonArtifact.object("name", sum.getKey(), "checksum", sum.getValue());
    }

    /** The code as dbt keeps it: a file's text is stripped; a snapshot block's body and a generic test's call are not. */
    private static String rawCode(Node node) {
        if (node instanceof TestNode t) {
            return t.isGeneric() ? t.rawCode() : Checksums.strip(t.rawCode());
        }
        if (node instanceof ModelNode m) {
            return m.resourceType() == ResourceType.SNAPSHOT ? m.rawCode() : Checksums.strip(m.rawCode());
        }
        return "";
    }

    private static String patchPath(Node node) {
        return node instanceof ModelNode m ? m.patchPath() : node instanceof SeedNode s ? s.patchPath() : null;
    }

    /** Only nodes that exist in the database have a relation name (a test only when it stores its failures). */
    private static String relationName(Node node) {
        if (node.resourceType() == ResourceType.ANALYSIS || node instanceof ModelNode m && m.isEphemeral()
                || node instanceof TestNode && !node.config().bool("store_failures", false)) {
            return null;
        }
        return node.relation().render();
    }

    private static String rootPath(SeedNode seed) {
        if (seed.csvFile() == null) {
            return null;
        }
        Path root = seed.csvFile().toAbsolutePath();
        for (int i = Path.of(seed.originalFilePath()).getNameCount(); i > 0 && root != null; i--) {
            root = root.getParent();
        }
        return root == null ? null : root.toString();
    }

    private static List<Map<String, Object>> refs(List<RefCall> refs) {
        List<Map<String, Object>> out = new ArrayList<>();
        // one entry per call, as dbt appends each ref() it sees (a model that refs a model twice lists it twice)
        for (RefCall r : refs) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", r.name());
            ref.put("package", r.packageName());
            ref.put("version", r.version());
            out.add(ref);
        }
        return out;
    }

    private static List<List<String>> sources(List<SourceCall> calls) {
        // one entry per call, as dbt's (a model reading a source twice lists it twice)
        return calls.stream().map(c -> List.of(c.sourceName(), c.tableName())).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
