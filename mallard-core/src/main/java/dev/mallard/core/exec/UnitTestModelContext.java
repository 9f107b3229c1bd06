package dev.mallard.core.exec;

import dev.mallard.core.graph.Linker;
import dev.mallard.core.manifest.ModelNode;
import dev.mallard.core.manifest.SourceCall;
import dev.mallard.core.manifest.UnitTestNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code model} is while a unit test runs its model (checked against dbt 1.11). */
final class UnitTestModelContext {
    private UnitTestModelContext() {
    }

    /**
     * The {@code model} a unit test's run of its model sees: in dbt, the unit test node itself
     * (materialized 'unit', no tags or meta of the model), with the tested model's schema.
     */
    static Map<String, Object> of(UnitTestNode test, ModelNode model, Linker linker) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        config.put("tags", List.of());
        config.put("meta", Map.of());
        config.put("materialized", "unit");
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("name", test.name());
        ctx.put("unique_id", test.id().value());
        ctx.put("resource_type", "unit_test");
        ctx.put("package_name", test.packageName());
        ctx.put("original_file_path", test.originalFilePath());
        List<String> fqn = new ArrayList<>();
        fqn.add("unit_test"); // the node dbt compiles for a unit test: its manifest fqn under unit_test
        fqn.addAll(test.fqn());
        ctx.put("fqn", fqn);
        ctx.put("alias", test.name());
        ctx.put("database", model.relation().database());
        ctx.put("schema", model.relation().schema());
        ctx.put("description", test.description());
        ctx.put("config", config);
        ctx.put("tags", List.of());
        ctx.put("meta", Map.of());
        ctx.put("columns", Map.of());
        ctx.put("version", model.version() == null ? null : model.version().v());
        String file = test.originalFilePath();
        ctx.put("path", (file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "") + test.name() + ".sql");
        List<String> inputs = new ArrayList<>();
        for (UnitTestNode.Fixture given : test.given()) {
            if (given.input() instanceof UnitTestNode.RefInput r) {
                inputs.add(linker.resolveRef(model, r.call()).id().value());
            } else if (given.input() instanceof UnitTestNode.SourceInput src) {
                inputs.add(linker.resolveSource(model, new SourceCall(src.sourceName(), src.tableName(), 0)).id()
                        .value());
            }
        }
        ctx.put("depends_on", Map.of("macros", List.of(), "nodes", inputs));
        return ctx;
    }
}
