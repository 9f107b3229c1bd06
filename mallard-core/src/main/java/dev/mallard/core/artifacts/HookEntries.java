package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.EffectiveConfig;
import dev.mallard.core.manifest.Manifest;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.parse.Checksums;
import dev.mallard.core.parse.HookOperations.Hook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest.json entries dbt writes in {@code nodes} for the on-run-start/on-run-end hooks
 * (resource type {@code operation}), with the database and schema of the target.
 */
public record HookEntries(List<Hook> hooks, String database, String schema) {
    public static final HookEntries NONE = new HookEntries(List.of(), null, null);

    public HookEntries {
        hooks = List.copyOf(hooks);
    }

    /**
     * @param compiledCode the SQL of the hooks that ran in this invocation, by id: dbt then writes
     *                     it and numbers each hook by its place in its kind's run, from 1
     */
    Map<String, Map<String, Object>> entries(Manifest manifest, double createdAt, Map<NodeId, String> compiledCode,
                                             String targetPathName) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<Path, String> checksums = new HashMap<>();
        Map<String, Integer> runIndex = new HashMap<>();
        for (Hook hook : hooks) {
            int ran = runIndex.merge(hook.kind(), 1, Integer::sum);
            String compiled = compiledCode.get(hook.id());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("database", database);
            e.put("schema", schema);
            e.put("name", hook.name());
            e.put("resource_type", "operation");
            e.put("package_name", hook.packageName());
            e.put("path", "hooks/" + hook.name() + ".sql");
            e.put("original_file_path", "./dbt_project.yml");
            e.put("unique_id", hook.id().value());
            e.put("fqn", List.of(hook.packageName(), "hooks", hook.name()));
            e.put("alias", hook.name());
            // dbt's checksum of the file the hook is written in: its stripped text
            e.put("checksum", JsonArtifact.object("name", "sha256", "checksum",
                    checksums.computeIfAbsent(hook.projectFile(), HookEntries::checksum)));
            e.put("config", EffectiveConfig.ofOperation(hook.config()));
            e.put("tags", List.of(hook.kind()));
            e.put("description", "");
            e.put("columns", Map.of());
            e.put("meta", Map.of());
            e.put("group", null);
            e.put("docs", JsonArtifact.object("show", true, "node_color", null));
            e.put("patch_path", null);
            e.put("build_path", null);
            e.put("unrendered_config", hook.config());
            e.put("created_at", createdAt);
            e.put("relation_name", null);
            e.put("raw_code", hook.sql());
            e.put("doc_blocks", List.of());
            e.put("language", "sql");
            e.put("refs", List.of());
            e.put("sources", List.of());
            e.put("metrics", List.of());
            e.put("functions", List.of());
            e.put("depends_on", JsonArtifact.object("macros", manifest.macrosCalledBy(hook.id()), "nodes", List.of()));
            e.put("compiled_path", compiled == null || compiled.isBlank() ? null : String.join("/", targetPathName,
                    "compiled", hook.packageName(), ".", "dbt_project.yml", e.get("path").toString()));
            if (compiled != null) {
                e.put("compiled", true);
                e.put("compiled_code", compiled);
                e.put("extra_ctes_injected", true);
                e.put("extra_ctes", List.of());
            }
            e.put("contract", JsonArtifact.object("enforced", false, "alias_types", true, "checksum", null));
            e.put("index", compiled == null ? hook.index() : ran);
            out.put(hook.id().value(), e);
        }
        return out;
    }

    private static String checksum(Path file) {
        try {
            return Checksums.ofFileContents(Files.readString(file));
        } catch (IOException e) {
            return Checksums.sha256(""); // the file was read to parse; gone since, there is no text to hash
        }
    }
}
