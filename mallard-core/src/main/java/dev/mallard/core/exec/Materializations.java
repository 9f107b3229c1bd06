package dev.mallard.core.exec;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.materialize.IncrementalMaterialization;
import dev.mallard.core.materialize.Materialization;
import dev.mallard.core.materialize.SeedMaterialization;
import dev.mallard.core.materialize.TableMaterialization;
import dev.mallard.core.materialize.ViewMaterialization;
import dev.mallard.core.plan.Step;

/** Picks the materialization for a step. */
final class Materializations {
    private Materializations() {
    }

    /**
     * @param fullRefresh whether --full-refresh was given
     * @param projectDir where relative external locations are resolved
     * @param externalRoot the profile output's external_root, or null
     * @param dialect the engine's dialect, which may bring its own materialization of the step's kind
     * @param definedOutsideDbt whether the project or a package defines a macro of a name (overriding dbt's)
     */
    static Materialization forStep(Step step, boolean fullRefresh, java.nio.file.Path projectDir, String externalRoot,
                                   dev.mallard.core.engine.SqlDialect dialect,
                                   java.util.function.Predicate<String> definedOutsideDbt) {
        Materialization own = dialect.materialization(step.materialization(), fullRefresh);
        if (own != null) {
            return own;
        }
        return switch (step.materialization()) {
            case "view" -> new ViewMaterialization();
            case "table" -> new TableMaterialization();
            case "incremental" -> new IncrementalMaterialization(fullRefresh, definedOutsideDbt);
            case "seed" -> new SeedMaterialization();
            case "external" -> new dev.mallard.core.materialize.ExternalMaterialization(projectDir, externalRoot, fullRefresh);
            case "snapshot" -> new dev.mallard.core.materialize.SnapshotMaterialization();
            default -> throw new MallardException(ErrorCode.PROJECT, "materialization '" + step.materialization()
                    + "' is not supported yet (supported: view, table, ephemeral, incremental, external, seed)");
        };
    }
}
