package dev.mallard.core.exec;

import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.MaterializationContext;
import java.util.Set;
import java.util.function.Function;

/**
 * A materialization a project or package defines with {@code {% materialization name %}}:
 * its macro runs with dbt's context (see {@link NodeCompiler#runMaterialization}); what it
 * returns ({@code {'relations': [...]}}) is checked there.
 */
final class CustomMaterialization implements Materialization {
    /** Materializations Mallard builds in Java; a project overrides one only for DuckDB explicitly. */
    static final Set<String> BUILT_IN = Set.of("view", "table", "incremental", "seed", "snapshot", "external",
            "ephemeral", "test", "unit");

    private final String name;
    private final Function<MaterializationContext, String> run;

    CustomMaterialization(String name, Function<MaterializationContext, String> run) {
        this.name = name;
        this.run = run;
    }

    @Override
    public String build(MaterializationContext ctx) {
        return run.apply(ctx);
    }

    @Override
    public String kind() {
        return name;
    }
}
