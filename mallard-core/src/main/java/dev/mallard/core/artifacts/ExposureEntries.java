package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.ExposureNode;
import dev.mallard.core.manifest.NodeId;
import dev.mallard.core.manifest.RefCall;
import dev.mallard.core.manifest.SourceCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The manifest.json entry of an exposure, in manifest v12's field names. */
final class ExposureEntries {
    private final double createdAt;

    ExposureEntries(double createdAt) {
        this.createdAt = createdAt;
    }

    Map<String, Object> entry(ExposureNode x, List<NodeId> parents) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", x.name());
        e.put("resource_type", "exposure");
        e.put("package_name", x.packageName());
        e.put("path", x.path());
        e.put("original_file_path", x.originalFilePath());
        e.put("unique_id", x.id().value());
        e.put("fqn", x.fqn());
        e.put("type", x.type());
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("email", x.owner().get("email"));
        owner.put("name", x.owner().get("name"));
        e.put("owner", owner);
        e.put("description", x.description());
        e.put("label", x.label());
        e.put("maturity", x.maturity());
        e.put("meta", x.meta());
        e.put("tags", x.config().tags());
        e.put("config", JsonArtifact.object("enabled", true, "tags", x.config().tags(), "meta", x.meta()));
        e.put("unrendered_config", Map.of());
        e.put("url", x.url());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", List.of());
        dependsOn.put("nodes", parents.stream().map(NodeId::value).toList());
        e.put("depends_on", dependsOn);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (RefCall r : new LinkedHashSet<>(x.refs().stream().map(r -> new RefCall(r.packageName(), r.name(), 0,
                r.version())).toList())) {
            refs.add(JsonArtifact.object("name", r.name(), "package", r.packageName(), "version", r.version()));
        }
        e.put("refs", refs);
        List<List<String>> sources = new ArrayList<>();
        for (SourceCall s : x.sourceCalls()) {
            List<String> pair = List.of(s.sourceName(), s.tableName());
            if (!sources.contains(pair)) {
                sources.add(pair);
            }
        }
        e.put("sources", sources);
        e.put("metrics", List.of());
        e.put("created_at", createdAt);
        return e;
    }
}
