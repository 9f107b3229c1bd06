package dev.mallard.core.artifacts;

import dev.mallard.core.manifest.UnitTestNode;
import dev.mallard.core.manifest.UnitTestNode.Fixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The manifest.json entry of a unit test, in the {@code unit_tests} section of manifest v12. */
final class UnitTestEntries {
    private final double createdAt;

    UnitTestEntries(double createdAt) {
        this.createdAt = createdAt;
    }

    Map<String, Object> entry(UnitTestNode t) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("model", t.model());
        List<Object> given = new ArrayList<>();
        for (Fixture f : t.given()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("input", f.inputText());
            g.putAll(fixture(f));
            given.add(g);
        }
        e.put("given", given);
        e.put("expect", fixture(t.expect()));
        e.put("name", t.name());
        e.put("resource_type", t.resourceType().dbtName());
        e.put("package_name", t.packageName());
        e.put("path", t.path());
        e.put("original_file_path", t.originalFilePath());
        e.put("unique_id", t.id().value());
        e.put("fqn", t.fqn());
        e.put("description", t.description());
        e.put("overrides", t.overrides().declared() ? JsonArtifact.object("macros", t.overrides().macros(),
                "vars", t.overrides().vars(), "env_vars", t.overrides().envVars()) : null);
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", List.of());
        dependsOn.put("nodes", List.of(t.testedModel().value()));
        e.put("depends_on", dependsOn);
        Map<String, Object> config = new LinkedHashMap<>(t.config().values());
        config.putIfAbsent("static_analysis", null);
        e.put("config", config);
        e.put("checksum", t.checksum());
        e.put("schema", t.relation().schema());
        e.put("created_at", createdAt);
        e.put("versions", t.versions());
        e.put("version", t.version());
        return e;
    }

    private static Map<String, Object> fixture(Fixture f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", f.sql() != null ? f.sql() : f.rows());
        m.put("format", f.format().dbtName());
        m.put("fixture", f.fixture());
        return m;
    }
}
